package org.opsvd.solver.train;

import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Balancing of the singular pairs' shares of a training step: column l of the injected output gradients ∂F, ∂G
 * ({@link org.opsvd.solver.loss.NestedSvdLoss}) is multiplied by
 *
 * <pre>  w_l = (s_max / max(s_l, φ·s_max))^p,   s_l = ‖f_l‖‖g_l‖ of the batch,  s_max = max_l s_l,</pre>
 *
 * a stop-gradient constant of the step (φ = {@value #FLOOR}). The nested loss weighs pair l by about σ_l², so in a
 * shared network the hidden layers follow the leading pairs and the last pairs leave zero slowly, one after the
 * other; w_l = (σ_1/σ_l)^p gives them a larger share. Each column's population gradient vanishes at the nested
 * optimum whatever its positive factor, so the optimum is unchanged; with one network per pair and Adam the factor
 * cancels (Adam is invariant to a gradient's scale). p = 0 is the plain loss (w = 1).
 *
 * @param exponent p ≥ 0
 */
public record SvdModeBalance(double exponent) {

  /** φ, the smallest s_l/s_max a weight is computed from (so w_l ≤ φ^{−p}). */
  public static final double FLOOR = 0.01;

  /** The plain nested loss. */
  public static final SvdModeBalance NONE = new SvdModeBalance(0);

  public SvdModeBalance {
    if (!(exponent >= 0) || !Double.isFinite(exponent)) {
      throw new IllegalArgumentException("--mode-balance must be finite and at least 0, got " + exponent);
    }
  }

  /** Whether the weights differ from 1. */
  public boolean active() {
    return exponent > 0;
  }

  /** The weights w [L] of singular-value estimates s [L] (all ≥ 0, not all 0). */
  public double[] weights(double[] s) {
    double max = 0;
    for (double v : s) max = Math.max(max, v);
    double[] w = new double[s.length];
    for (int l = 0; l < s.length; l++) w[l] = Math.pow(max / Math.max(s[l], FLOOR * max), exponent);
    return w;
  }

  /** The weights as a graph constant of the step: [1, L] from the batch estimates s [L]. */
  public <T extends TFloating> Operand<T> weights(Ops tf, Operand<T> s, Precision precision) {
    Operand<T> v = tf.stopGradient(s);
    Operand<T> max = tf.reduceMax(v, tf.constant(0));
    Operand<T> floor = tf.math.mul(max, precision.scalar(tf, FLOOR));
    Operand<T> w = tf.math.pow(tf.math.div(max, tf.math.maximum(v, floor)),
        precision.scalar(tf, exponent));
    return tf.reshape(w, tf.constant(new long[] {1, -1}));
  }
}
