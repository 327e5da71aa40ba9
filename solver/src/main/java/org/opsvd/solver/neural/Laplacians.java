package org.opsvd.solver.neural;

import org.opsvd.operators.action.Jet;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.math.SigmoidGrad;
import org.tensorflow.op.math.SoftplusGrad;
import org.tensorflow.op.math.SqrtGrad;
import org.tensorflow.op.math.TanhGrad;
import org.tensorflow.types.family.TFloating;

/**
 * Builds a {@link Jet} (value [B, L], gradient [B, d, L], Laplacian [B, L]) for any
 * {@link Network} by one of three {@link LaplacianMethod}s.
 */
public final class Laplacians {
  /** Finite-difference step of the reference code ({@code --laplacian_eps}). */
  public static final double DEFAULT_STEP = 0.01;

  private static boolean registered;

  private Laplacians() {}

  /** Jet by {@code method}; finite differences use {@link #DEFAULT_STEP}. */
  public static <T extends TFloating> Jet<T> jet(Ops tf, Network net, Operand<T> x, List<Operand<T>> params,
      LaplacianMethod method) {
    return switch (method) {
      case FORWARD -> net.forwardJet(tf, x, params);
      case AUTODIFF -> autodiff(tf, net, x, params);
      case FINITE_DIFFERENCE -> finiteDifference(tf, net, x, params, DEFAULT_STEP);
    };
  }

  /**
   * Nested reverse mode on {@link Network#value}: for each output l, g_l = ∇_x Σ_b f_l(x_b) [B, d]
   * (one gradient call), then for each i, ∂_i of Σ_b g_l[b, i] (d more calls), keeping column i.
   * L·(1+d) gradient calls; every seed is an explicit scalar 1. Registers the missing second-order
   * gradients first ({@link #registerGradients()}).
   */
  public static <T extends TFloating> Jet<T> autodiff(Ops tf, Network net, Operand<T> x, List<Operand<T>> params) {
    registerGradients();
    int d = net.inputDimension();
    int outs = net.outputs();
    Operand<T> f = net.value(tf, x, params);
    Operand<T> seed = Graphs.scalar(tf, x, 1.0);
    List<Operand<T>> grads = new ArrayList<>();
    List<Operand<T>> laps = new ArrayList<>();
    for (int l = 0; l < outs; l++) {
      Operand<T> fl = tf.sum(tf.linalg.matMul(f, Graphs.unitColumn(tf, f, outs, l)), Graphs.ints(tf, 0, 1));
      Operand<T> gl = gradient(tf, fl, x, seed); // [B, d]
      Operand<T> lap = null;
      for (int i = 0; i < d; i++) {
        Operand<T> ei = Graphs.unitColumn(tf, x, d, i);
        Operand<T> gi = tf.sum(tf.linalg.matMul(gl, ei), Graphs.ints(tf, 0, 1));
        Operand<T> hii = tf.linalg.matMul(gradient(tf, gi, x, seed), ei); // [B, 1]
        lap = lap == null ? hii : tf.math.add(lap, hii);
      }
      grads.add(gl);
      laps.add(lap);
    }
    Operand<T> gradient = tf.stack(grads, org.tensorflow.op.core.Stack.axis(2L));
    Operand<T> laplacian = outs == 1 ? laps.get(0) : tf.concat(laps, tf.constant(1));
    return new Jet<>(f, gradient, laplacian);
  }

  /**
   * Central differences with step h, from one evaluation of the stacked batch
   * [x; x+he_1; x−he_1; …; x+he_d; x−he_d] ([(2d+1)B, d]):
   * Δf ≈ Σ_i [f(x+he_i) − 2f(x) + f(x−he_i)]/h², ∂_i f ≈ [f(x+he_i) − f(x−he_i)]/(2h).
   * Truncation error O(h²); rounding error about u·|f|/h² (u the unit roundoff).
   */
  public static <T extends TFloating> Jet<T> finiteDifference(Ops tf, Network net, Operand<T> x,
      List<Operand<T>> params, double step) {
    if (!(step > 0) || Double.isInfinite(step)) {
      throw new IllegalArgumentException("finite-difference step must be finite and > 0, got " + step);
    }
    int d = net.inputDimension();
    int outs = net.outputs();
    int copies = 2 * d + 1;
    List<Operand<T>> shifted = new ArrayList<>();
    shifted.add(x);
    for (int i = 0; i < d; i++) {
      double[] e = new double[d];
      e[i] = step;
      Operand<T> he = Graphs.constant(tf, x, new long[] {1, d}, e);
      shifted.add(tf.math.add(x, he));
      shifted.add(tf.math.sub(x, he));
    }
    Operand<T> f = net.value(tf, tf.concat(shifted, tf.constant(0)), params); // [(2d+1)B, L]
    Operand<T> stacked = tf.reshape(f, Graphs.ints(tf, copies, -1)); // [2d+1, B·L]
    double[] centre = new double[copies];
    double[] lap = new double[copies];
    double[] grad = new double[d * copies];
    centre[0] = 1;
    lap[0] = -2.0 * d / (step * step);
    for (int i = 0; i < d; i++) {
      lap[2 * i + 1] = lap[2 * i + 2] = 1 / (step * step);
      grad[i * copies + 2 * i + 1] = 1 / (2 * step);
      grad[i * copies + 2 * i + 2] = -1 / (2 * step);
    }
    Operand<T> value = tf.reshape(tf.linalg.matMul(Graphs.constant(tf, x, new long[] {1, copies}, centre), stacked),
        Graphs.ints(tf, -1, outs));
    Operand<T> laplacian = tf.reshape(tf.linalg.matMul(Graphs.constant(tf, x, new long[] {1, copies}, lap), stacked),
        Graphs.ints(tf, -1, outs));
    Operand<T> g = tf.reshape(tf.linalg.matMul(Graphs.constant(tf, x, new long[] {d, copies}, grad), stacked),
        Graphs.ints(tf, d, -1, outs));
    return new Jet<>(value, tf.linalg.transpose(g, Graphs.ints(tf, 1, 0, 2)), laplacian);
  }

  private static <T extends TFloating> Operand<T> gradient(Ops tf, Operand<T> y, Operand<T> x, Operand<T> seed) {
    Gradients g = tf.gradients(y, List.of(x), Gradients.dx(List.of(seed)));
    return g.<T>dy(0);
  }

  /**
   * Registers, once per process, Java gradients for the first-derivative ops that TensorFlow's C++
   * registry cannot differentiate again (needed for second and third order):
   * TanhGrad(y, dy) = dy(1−y²): ∂/∂y = −2y·dy·g, ∂/∂dy = g(1−y²);
   * SoftplusGrad(dy, z) = dy·s(z): ∂/∂dy = g·s, ∂/∂z = g·dy·s(1−s);
   * SigmoidGrad(y, dy) = dy·y(1−y): ∂/∂y = g·dy(1−2y), ∂/∂dy = g·y(1−y);
   * SqrtGrad(y, dy) = dy/(2y): ∂/∂y = −g·dy/(2y²), ∂/∂dy = g/(2y).
   * (Sin, Cos, Erf, Exp, Mul, MatMul, Einsum … are differentiable to any order already.) A
   * registration that TensorFlow refuses because a gradient already exists is not an error.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static synchronized void registerGradients() {
    if (registered) return;
    TensorFlow.registerCustomGradient(TanhGrad.Inputs.class, (tf, in, grads) -> {
      Operand y = ((TanhGrad.Inputs) in).y;
      Operand dy = ((TanhGrad.Inputs) in).dy;
      Operand g = grads.get(0);
      Operand one = tf.dtypes.cast(tf.constant(1.0), y.type());
      Operand m2 = tf.dtypes.cast(tf.constant(-2.0), y.type());
      return List.of(tf.math.mul(m2, tf.math.mul(y, tf.math.mul(dy, g))),
          tf.math.mul(g, tf.math.sub(one, tf.math.square(y))));
    });
    TensorFlow.registerCustomGradient(SoftplusGrad.Inputs.class, (tf, in, grads) -> {
      Operand dy = ((SoftplusGrad.Inputs) in).gradients;
      Operand z = ((SoftplusGrad.Inputs) in).features;
      Operand g = grads.get(0);
      Operand one = tf.dtypes.cast(tf.constant(1.0), z.type());
      Operand s = tf.math.sigmoid(z);
      return List.of(tf.math.mul(g, s), tf.math.mul(tf.math.mul(g, dy), tf.math.mul(s, tf.math.sub(one, s))));
    });
    TensorFlow.registerCustomGradient(SigmoidGrad.Inputs.class, (tf, in, grads) -> {
      Operand y = ((SigmoidGrad.Inputs) in).y;
      Operand dy = ((SigmoidGrad.Inputs) in).dy;
      Operand g = grads.get(0);
      Operand one = tf.dtypes.cast(tf.constant(1.0), y.type());
      Operand two = tf.dtypes.cast(tf.constant(2.0), y.type());
      return List.of(tf.math.mul(tf.math.mul(g, dy), tf.math.sub(one, tf.math.mul(two, y))),
          tf.math.mul(g, tf.math.mul(y, tf.math.sub(one, y))));
    });
    TensorFlow.registerCustomGradient(SqrtGrad.Inputs.class, (tf, in, grads) -> {
      Operand y = ((SqrtGrad.Inputs) in).y;
      Operand dy = ((SqrtGrad.Inputs) in).dy;
      Operand g = grads.get(0);
      Operand half = tf.dtypes.cast(tf.constant(0.5), y.type());
      Operand gy = tf.math.div(tf.math.mul(half, g), y); // g/(2y)
      return List.of(tf.math.neg(tf.math.div(tf.math.mul(gy, dy), y)), gy);
    });
    registered = true;
  }
}
