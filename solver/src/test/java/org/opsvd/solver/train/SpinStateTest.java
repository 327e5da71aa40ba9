package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opsvd.solver.loss.SpinLoss;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * SpIN's graph state on a linear model F = XW + 1bᵀ (B = 8, d = 3, L = 3; parameters W and b), float64:
 * one step updates Σ̄ and J̄ to (1−β)·old + β·batch exactly (plain-Java pair Jacobians, 1e-12); with β = 1 the
 * state's gradient equals the all-output-gradient form of {@link SpinLoss#build} (1e-12); a step with a
 * non-finite loss leaves the state unchanged.
 */
class SpinStateTest {
  private static final int B = 8, D = 3, L = 3;

  private record Run(List<double[]> state, List<double[]> gradients, List<double[]> reference) {}

  private static Run step(double beta, double[] x, double[] w, double[] bias) {
    Precision precision = Precision.FLOAT64;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var xp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(B, D)));
      var wp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(D, L)));
      var bp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(L)));
      Operand<TFloat64> f = tf.math.add(tf.linalg.matMul(xp, wp), bp);
      Operand<TFloat64> tfOut = tf.math.mul(tf.constant(1.5), f); // T = 1.5·I: self-adjoint
      SpinLoss loss = new SpinLoss(L, beta, 1e-3);
      List<Operand<TFloat64>> reads = List.of(wp, bp);
      SpinState<TFloat64> state = new SpinState<>(tf, loss, List.of(new long[] {D, L}, new long[] {L}), reads, f,
          tfOut, precision);
      OptimizerGraph<TFloat64> opt = new OptimizerGraph<>(tf, OptimizerSpec.adam(), precision,
          tf.math.isFinite(state.terms().loss()));
      List<Op> updates = new ArrayList<>();
      state.update(tf, opt, updates);
      Gradients ref = tf.gradients(f, reads, Gradients.dx(List.of(loss.build(tf, f, tfOut).outputGradient())));
      try (Session s = new Session(g)) {
        Trainer.load(s, precision, state.variables(), state.initialValues());
        List<Tensor> fed = new ArrayList<>();
        fed.add(Tensors.of(precision, new long[] {B, D}, x));
        fed.add(Tensors.of(precision, new long[] {D, L}, w));
        fed.add(Tensors.of(precision, new long[] {L}, bias));
        Session.Runner r = s.runner().feed(xp, fed.get(0)).feed(wp, fed.get(1)).feed(bp, fed.get(2));
        state.gradients().forEach(r::fetch);
        r.fetch(ref.dy(0)).fetch(ref.dy(1));
        updates.forEach(r::addTarget);
        List<double[]> grads = new ArrayList<>();
        try (Result res = r.run()) {
          for (int i = 0; i < 4; i++) grads.add(Tensors.values(res.get(i)));
        }
        fed.forEach(Tensor::close);
        return new Run(Trainer.read(s, state.variables()), grads.subList(0, 2), grads.subList(2, 4));
      }
    }
  }

  @Test
  void oneStepAveragesSigmaAndThePairJacobians() {
    Random rnd = new Random(31);
    double[] x = gaussian(rnd, B * D), w = gaussian(rnd, D * L), bias = gaussian(rnd, L);
    double beta = 0.25;
    Run run = step(beta, x, w, bias);
    double[][] f = new double[B][L];
    for (int b = 0; b < B; b++) {
      for (int l = 0; l < L; l++) {
        f[b][l] = bias[l];
        for (int k = 0; k < D; k++) f[b][l] += x[b * D + k] * w[k * L + l];
      }
    }
    double[] sigma = run.state().get(0);
    for (int i = 0; i < L; i++) {
      for (int j = 0; j < L; j++) {
        double batch = 0;
        for (int b = 0; b < B; b++) batch += f[b][i] * f[b][j] / B;
        assertEquals((1 - beta) * (i == j ? 1 : 0) + beta * batch, sigma[i * L + j], 1e-12);
      }
    }
    // J_ij = (2/B) Σ_b F_bi ∂F_bj/∂θ: for W only column j is non-zero, (2/B) Σ_b F_bi X_bk; for b entry j, (2/B) Σ_b F_bi
    double[] jw = run.state().get(1), jb = run.state().get(2);
    List<int[]> pairs = SpinLoss.pairs(L);
    for (int p = 0; p < pairs.size(); p++) {
      int i = pairs.get(p)[0], j = pairs.get(p)[1];
      for (int c = 0; c < L; c++) {
        double sb = 0;
        for (int b = 0; b < B; b++) sb += c == j ? 2.0 / B * f[b][i] : 0;
        assertEquals(beta * sb, jb[p * L + c], 1e-12, "J̄_b pair " + i + "," + j);
        for (int k = 0; k < D; k++) {
          double sw = 0;
          for (int b = 0; b < B; b++) sw += c == j ? 2.0 / B * f[b][i] * x[b * D + k] : 0;
          assertEquals(beta * sw, jw[(p * D + k) * L + c], 1e-12, "J̄_W pair " + i + "," + j);
        }
      }
    }
  }

  @Test
  void withoutAveragingTheStateGradientIsTheOutputGradientForm() {
    Random rnd = new Random(32);
    Run run = step(1.0, gaussian(rnd, B * D), gaussian(rnd, D * L), gaussian(rnd, L));
    for (int p = 0; p < 2; p++) {
      double[] a = run.gradients().get(p), e = run.reference().get(p);
      double max = 0;
      for (int i = 0; i < a.length; i++) {
        assertEquals(e[i], a[i], 1e-12);
        max = Math.max(max, Math.abs(e[i]));
      }
      assertTrue(max > 1e-3, "a gradient that is not trivially zero");
    }
  }

  @Test
  void aNonFiniteLossLeavesTheStateUnchanged() {
    Random rnd = new Random(33);
    double[] x = gaussian(rnd, B * D);
    x[0] = Double.NaN;
    Run run = step(0.5, x, gaussian(rnd, D * L), gaussian(rnd, L));
    double[] sigma = run.state().get(0);
    for (int i = 0; i < L * L; i++) assertEquals(i % (L + 1) == 0 ? 1.0 : 0.0, sigma[i], 0.0);
    for (double v : run.state().get(1)) assertEquals(0.0, v, 0.0);
  }

  private static double[] gaussian(Random rnd, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) a[i] = rnd.nextGaussian();
    return a;
  }
}
