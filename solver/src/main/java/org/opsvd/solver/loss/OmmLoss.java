package org.opsvd.solver.loss;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * The orbital minimization method (OMM) as a training loss, in the two sequential forms of Ryu, Zhou and
 * Wornell, "Revisiting Orbital Minimization Method for Neural Operator Decomposition" (NeurIPS 2025, arXiv
 * 2510.21952), on the interface of {@link NestedLoraLoss}: network outputs F [B, L], operator outputs TF [B, L]
 * (values only, T = a·(−H) + b self-adjoint, its TOP eigenvalues wanted), an injected output gradient.
 *
 * <p><b>Objective.</b> With Λ_kl = ⟨f_k, f_l⟩ and R_kl = ⟨f_k, T f_l⟩, the OMM objective of Mauri, Galli and Car
 * (1993) / Ordejón et al. (1993), in the paper's form L_omm(V) = −tr((2I − VᵀV) VᵀAV) for functions, is
 * <pre>  L_omm(f_{1:i}) = −2 Σ_{l≤i} R_ll + Σ_{k,l≤i} Λ_kl R_kl .</pre>
 * For T positive semidefinite on the span its minimisers are the orthonormal bases of the top-i eigenspace
 * (rotation invariant). The sequential nesting of NeuralSVD (method.md §2.1) orders them: f_l follows the
 * gradient of L_omm(f_{1:l}) with f_1..f_{l−1} held fixed (M_kl = 1 iff k ≤ l), whose population gradient is
 * <pre>  omm:         G_l = −4 T f_l + 2 Σ_{k≤l} ( R_kl f_k + Λ_kl T f_k )
 *  sanger-omm:  G_l = −2 ( T f_l − Σ_{k≤l} R_kl f_k ) .</pre>
 * The second is the generalized Hebbian algorithm (Sanger's rule) for functions: the OMM gradient with the factor
 * Λ in its operator term, Σ_{k≤l} Λ_kl T f_k, replaced by its value I at the solution (our reading of the
 * paper's Sanger variant, not checked against its text). It is not the gradient of a scalar. Both have the ordered, unit-norm top
 * eigenfunctions f_l = ±φ_l as fixed point, so eigenvalues are estimated by Rayleigh quotients R_ll/Λ_ll (not
 * by squared norms as in NeuralSVD, where ‖f_l‖² = λ_l). Directions of negative eigenvalues of T are stable at
 * f = 0 but the objective is unbounded below there once ‖f‖² &gt; 2 (OMM assumes T ⪰ 0): unlike LoRA, whose
 * objective is bounded below for any T, OMM needs T positive on the functions the network actually represents,
 * the untrained ones included; for a Schrödinger operator, whose T = a(−H) + b is unbounded below, that means a
 * shift b above a·E of the untrained network's Rayleigh quotients (the 1D oscillator with the default b = E_{L+1}
 * diverges within 200 steps; with b = 12 it trains).
 *
 * <p>The formulas above are derived here from the OMM objective (the paper's Appendix B was not at hand):
 * the partial gradients use T = T* (⟨f_k, T δf⟩ = ⟨T f_k, δf⟩), so no gradient flows into TF.
 *
 * <p><b>Minibatch estimator.</b> Half batches F¹, F² (rows 0..B/2−1, B/2..B−1), half-batch estimates
 * Λ^h = F_hᵀF_h/(B/2), R^h = F_hᵀTF_h/(B/2); U the upper triangular ones (k ≤ l). Rows b of half h take the
 * coefficients of the other half h', independent of the row, so every product is unbiased:
 * <pre>
 *  omm:         G_bl = (1/B) [ −4 TF_bl + 2 Σ_k U_kl ( R^{h'}_kl F_bk + Λ^{h'}_kl TF_bk ) ]
 *  sanger-omm:  G_bl = (2/B) [ −TF_bl + Σ_k U_kl R^{h'}_kl F_bk ]
 *  loss (both): −(2/B) Σ_b Σ_l F_bl TF_bl + ½ Σ_{k,l} U_kl ( Λ¹_kl R²_kl + Λ²_kl R¹_kl )   (logged value)
 * </pre>
 * The logged value estimates Σ over the diagonal and upper triangle of the OMM terms and tends to −Σ_l λ_l at
 * the solution. For {@code omm}, column l of G is the partial gradient of the estimator of L_omm(f_{1:l}) w.r.t.
 * F_{:,l} when TF = A·F with A symmetric within each half (tested by finite differences).
 *
 * <p>Terms: gram = FᵀF/B, operatorGram = FᵀTF/B. Immutable, no graph state.
 */
public final class OmmLoss implements TrainingLoss {

  private final boolean sanger;
  private final int outputs;

  /**
   * @param sanger  true for Sanger's rule (generalized Hebbian form), false for the sequentially nested OMM gradient
   * @param outputs L
   */
  public OmmLoss(boolean sanger, int outputs) {
    Nesting.requirePositive(outputs);
    this.sanger = sanger;
    this.outputs = outputs;
  }

  public boolean sanger() {
    return sanger;
  }

  @Override
  public int outputs() {
    return outputs;
  }

  @Override
  public <T extends TFloating> LossTerms<T> build(Ops tf, Operand<T> f, Operand<T> operatorOutputs) {
    Objects.requireNonNull(tf, "tf");
    BatchGraphs.checkBatch(f.shape(), operatorOutputs.shape(), outputs);
    Class<T> type = f.type();
    Operand<T> tfv = tf.stopGradient(operatorOutputs);
    Operand<T> batch = BatchGraphs.batchSize(tf, f);
    Operand<T> half = tf.math.div(batch, BatchGraphs.scalar(tf, 2.0, type));
    var fh = tf.split(tf.constant(0), f, 2L).output();
    var th = tf.split(tf.constant(0), tfv, 2L).output();
    Operand<T> f1 = fh.get(0), f2 = fh.get(1), t1 = th.get(0), t2 = th.get(1);
    Operand<T> upper = BatchGraphs.upper(tf, outputs, false, type);
    Operand<T> lambda1 = tf.math.mul(upper, halfGram(tf, f1, f1, half));
    Operand<T> lambda2 = tf.math.mul(upper, halfGram(tf, f2, f2, half));
    Operand<T> r1 = tf.math.mul(upper, halfGram(tf, f1, t1, half));
    Operand<T> r2 = tf.math.mul(upper, halfGram(tf, f2, t2, half));

    // rows of half 1 take the coefficients of half 2 and vice versa
    Operand<T> g;
    if (sanger) {
      Operand<T> g1 = tf.math.sub(tf.linalg.matMul(f1, r2), t1);
      Operand<T> g2 = tf.math.sub(tf.linalg.matMul(f2, r1), t2);
      g = tf.math.mul(tf.math.div(BatchGraphs.scalar(tf, 2.0, type), batch), tf.concat(List.of(g1, g2), tf.constant(0)));
    } else {
      Operand<T> two = BatchGraphs.scalar(tf, 2.0, type);
      Operand<T> g1 = tf.math.add(tf.math.mul(BatchGraphs.scalar(tf, -4.0, type), t1), tf.math.mul(two,
          tf.math.add(tf.linalg.matMul(f1, r2), tf.linalg.matMul(t1, lambda2))));
      Operand<T> g2 = tf.math.add(tf.math.mul(BatchGraphs.scalar(tf, -4.0, type), t2), tf.math.mul(two,
          tf.math.add(tf.linalg.matMul(f2, r1), tf.linalg.matMul(t2, lambda1))));
      g = tf.math.div(tf.concat(List.of(g1, g2), tf.constant(0)), batch);
    }
    g = tf.stopGradient(g);

    var axes = tf.constant(new int[] {0, 1});
    Operand<T> operatorTerm = tf.math.div(tf.reduceSum(tf.math.mul(f, tfv), axes), batch);
    Operand<T> crossTerm = tf.math.mul(BatchGraphs.scalar(tf, 0.5, type), tf.reduceSum(
        tf.math.add(tf.math.mul(lambda1, r2), tf.math.mul(lambda2, r1)), axes));
    Operand<T> loss = tf.math.sub(crossTerm, tf.math.mul(BatchGraphs.scalar(tf, 2.0, type), operatorTerm));

    Operand<T> gram = tf.math.div(tf.linalg.matMul(f, f, MatMul.transposeA(true)), batch);
    Operand<T> operatorGram = tf.math.div(tf.linalg.matMul(f, tfv, MatMul.transposeA(true)), batch);
    return new LossTerms<>(loss, g, gram, operatorGram);
  }

  /** AᵀB/(B/2) for half-batch blocks A, B. */
  private static <T extends TFloating> Operand<T> halfGram(Ops tf, Operand<T> a, Operand<T> b, Operand<T> half) {
    return tf.math.div(tf.linalg.matMul(a, b, MatMul.transposeA(true)), half);
  }

  @Override
  public String toString() {
    return "OmmLoss[" + (sanger ? "sanger" : "sequential") + ", L=" + outputs + "]";
  }
}
