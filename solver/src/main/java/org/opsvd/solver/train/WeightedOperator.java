package org.opsvd.solver.train;

import org.opsvd.solver.neural.Jet;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/**
 * The importance-weighted operator T̃ applied to network outputs, as graph ops. With ψ = √p·f,
 * H = −c·Δ + V and T = a·(−H) + b:
 * <pre>
 *   H̃f = H(√p f)/√p = −c·(Δf + ∇log p·∇f + (Δ√p/√p)·f) + V·f
 *   T̃f = −a·H̃f + b·f
 * </pre>
 * The per-point quantities V(x) [B], ∇log p(x) [B, d] and Δ√p/√p (x) [B] are computed in Java
 * ({@link SamplingDensity}, the operator's potential) and fed through the placeholders here; the
 * loss never differentiates through them.
 */
public final class WeightedOperator<T extends TFloating> {

  private final Placeholder<T> potential;
  private final Placeholder<T> drift;
  private final Placeholder<T> curvature;
  private final Precision precision;
  private final double kinetic;

  public WeightedOperator(Ops tf, Precision precision, int dimension, double kinetic) {
    Class<T> type = precision.type();
    this.precision = precision;
    this.kinetic = kinetic;
    this.potential = tf.withName("potential").placeholder(type, Placeholder.shape(Shape.of(-1)));
    this.drift = tf.withName("drift").placeholder(type, Placeholder.shape(Shape.of(-1, dimension)));
    this.curvature = tf.withName("curvature").placeholder(type, Placeholder.shape(Shape.of(-1)));
  }

  public Placeholder<T> potential() {
    return potential;
  }

  public Placeholder<T> drift() {
    return drift;
  }

  public Placeholder<T> curvature() {
    return curvature;
  }

  /** H̃f [B, L]. */
  public Operand<T> hamiltonian(Ops tf, Jet<T> jet) {
    Operand<T> f = jet.value();
    Operand<T> lap = jet.laplacian();
    if (jet.gradient() == null) {
      throw new IllegalStateException("the importance-weighted operator needs the gradient of f");
    }
    // Σ_i drift[b,i]·∂_i f[b,l]: drift [B,d,1] * gradient [B,d,L], summed over d.
    Operand<T> driftTerm = tf.reduceSum(tf.math.mul(tf.expandDims(drift, tf.constant(2)), jet.gradient()),
        tf.constant(1));
    Operand<T> curv = tf.math.mul(tf.expandDims(curvature, tf.constant(1)), f);
    Operand<T> laplacian = tf.math.add(tf.math.add(lap, driftTerm), curv);
    Operand<T> v = tf.math.mul(tf.expandDims(potential, tf.constant(1)), f);
    return tf.math.sub(v, tf.math.mul(precision.scalar(tf, kinetic), laplacian));
  }

  /** T̃f = −a·H̃f + b·f [B, L]. */
  public Operand<T> shifted(Ops tf, Jet<T> jet, double scale, double shift) {
    Operand<T> h = hamiltonian(tf, jet);
    return tf.math.add(tf.math.mul(precision.scalar(tf, -scale), h),
        tf.math.mul(precision.scalar(tf, shift), jet.value()));
  }
}
