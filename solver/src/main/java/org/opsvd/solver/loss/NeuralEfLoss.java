package org.opsvd.solver.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * NeuralEF (Deng, Shi, Zhu, ICML 2022) as re-implemented by the NeuralSVD authors (method.md §7.3), on the
 * interface of {@link NestedLoraLoss}: network outputs F [B, L], operator outputs TF [B, L] (values only,
 * T = a·(−H) + b, whose TOP eigenvalues are wanted), an injected output gradient.
 *
 * <p><b>Batch-ℓ₂ normalisation (in the graph).</b> φ_l = f_l / s_l with s_l = sqrt(mean_b F_bl²), and
 * Tφ_l = TF_l / s_l (T is linear; no gradient flows into Tφ or through this s). Half batches φ¹ (rows
 * 0..B/2−1) and φ² (rows B/2..B−1) as in NeuralSVD.
 *
 * <p><b>Injected gradient for φ</b> (rows b of half h use coefficients C^{h'} of the other half h'):
 * <pre>
 *  G^φ_bj = −(4/B) [ Tφ_bj − Σ_{i&lt;j} C^{h'}_ij Tφ_bi ]
 *  neuralef:           C^h_ij = R^h_ij / R^h_ii,  R^h = φ_hᵀ Tφ_h / (B/2)   (R_ij = ⟨φ_i, Tφ_j⟩)
 *  neuralef-unbiased:  C^h_ij = Λ^h_ij,           Λ^h = φ_hᵀ φ_h / (B/2)    (μ-EigenGame-like)
 * </pre>
 * i.e. G^φ = −(4/B)[Tφ¹ − Tφ¹·(U∘C²); Tφ² − Tφ²·(U∘C¹)] with U the strictly upper triangular ones.
 * The reference code (neural-svd {@code methods/neuralef.py}) uses the other half's R for the original
 * variant as here, but the same half's Λ for the unbiased variant, and adds 1e-5 to R_ii; this class uses
 * the other half in both (independent of the row, so the estimate of the coefficient is unbiased) and no
 * epsilon (a non-finite loss skips the step).
 *
 * <p><b>Gradient w.r.t. F</b> through the normalisation (the Jacobian of φ = F/s(F)):
 * <pre>  G^F_bl = (G^φ_bl − φ_bl · mean_c(G^φ_cl φ_cl)) / s_l,</pre>
 * equal to {@code tf.gradients(φ, F, dx = G^φ)} (tested); G^F is what {@link #build} returns.
 *
 * <p><b>Logged loss</b> (R = φᵀTφ/B full batch for the diagonal, cross-half products for squares):
 * <pre>
 *  neuralef:          −2 Σ_j [ R_jj − Σ_{i&lt;j} R¹_ij R²_ij / R_ii ]          (estimates −2 Σ_j [R_jj − Σ_{i&lt;j} R_ij²/R_ii])
 *  neuralef-unbiased: −2 Σ_j [ R_jj − Σ_{i&lt;j} (Λ¹_ij R²_ij + Λ²_ij R¹_ij) ]   (estimates −2 Σ_j [R_jj − 2 Σ_{i&lt;j} Λ_ij R_ij])
 * </pre>
 * Both tend to −2 Σ_j λ_j at the solution (orthonormal eigenfunctions). For {@code neuralef}, G^φ_j is
 * the partial gradient of the logged loss w.r.t. φ_j with φ_1..φ_{j−1} held fixed wherever the two halves
 * agree (tested with duplicated halves); for the unbiased variant it is that partial gradient with the
 * coefficients ⟨φ_i, φ_j⟩ also held fixed (the μ-EigenGame update is not the gradient of a scalar).
 *
 * <p>Terms: gram = φᵀφ/B (diag = 1), operatorGram = R, so the batch Rayleigh quotients are R_jj.
 * Immutable, no graph state.
 */
public final class NeuralEfLoss implements TrainingLoss {

  private final boolean unbiased;
  private final int outputs;

  /**
   * @param unbiased true for the μ-EigenGame-like coefficients ⟨φ_i, φ_j⟩, false for ⟨φ_i,Tφ_j⟩/⟨φ_i,Tφ_i⟩
   * @param outputs  L
   */
  public NeuralEfLoss(boolean unbiased, int outputs) {
    Nesting.requirePositive(outputs);
    this.unbiased = unbiased;
    this.outputs = outputs;
  }

  public boolean unbiased() {
    return unbiased;
  }

  @Override
  public int outputs() {
    return outputs;
  }

  /**
   * Normalises F and TF by the batch norms of F and builds the terms; the output gradient is G^F (w.r.t.
   * the raw outputs F), loss and Grams are those of {@link #buildNormalised}.
   */
  @Override
  public <T extends TFloating> LossTerms<T> build(Ops tf, Operand<T> f, Operand<T> operatorOutputs) {
    BatchGraphs.checkBatch(f.shape(), operatorOutputs.shape(), outputs);
    Operand<T> s = tf.stopGradient(tf.math.sqrt(
        tf.math.mean(tf.math.square(f), tf.constant(0), Mean.keepDims(true))));
    Operand<T> phi = tf.math.div(f, s);
    Operand<T> tphi = tf.math.div(tf.stopGradient(operatorOutputs), s);
    LossTerms<T> inner = buildNormalised(tf, phi, tphi);
    Operand<T> gPhi = inner.outputGradient();
    Operand<T> c = tf.math.mean(tf.math.mul(gPhi, phi), tf.constant(0), Mean.keepDims(true));
    Operand<T> gF = tf.stopGradient(tf.math.div(tf.math.sub(gPhi, tf.math.mul(phi, c)), s));
    return new LossTerms<>(inner.loss(), gF, inner.gram(), inner.operatorGram());
  }

  /**
   * The terms for already normalised functions φ and Tφ: loss, G^φ (the gradient injected at φ), gram =
   * φᵀφ/B, operatorGram = R = φᵀTφ/B.
   */
  public <T extends TFloating> LossTerms<T> buildNormalised(Ops tf, Operand<T> phi, Operand<T> tphiIn) {
    BatchGraphs.checkBatch(phi.shape(), tphiIn.shape(), outputs);
    Class<T> type = phi.type();
    Operand<T> tphi = tf.stopGradient(tphiIn);
    Operand<T> batch = BatchGraphs.batchSize(tf, phi);
    Operand<T> half = tf.math.div(batch, BatchGraphs.scalar(tf, 2.0, type));
    var p = tf.split(tf.constant(0), phi, 2L).output();
    var t = tf.split(tf.constant(0), tphi, 2L).output();
    Operand<T> phi1 = p.get(0), phi2 = p.get(1), tphi1 = t.get(0), tphi2 = t.get(1);
    Operand<T> r1 = tf.math.div(tf.linalg.matMul(phi1, tphi1, MatMul.transposeA(true)), half);
    Operand<T> r2 = tf.math.div(tf.linalg.matMul(phi2, tphi2, MatMul.transposeA(true)), half);
    Operand<T> r = tf.math.div(tf.linalg.matMul(phi, tphi, MatMul.transposeA(true)), batch);
    Operand<T> upper = BatchGraphs.upper(tf, outputs, true, type);
    Operand<T> c1;
    Operand<T> c2;
    Operand<T> lossOffDiagonal;
    if (unbiased) {
      Operand<T> l1 = tf.math.div(tf.linalg.matMul(phi1, phi1, MatMul.transposeA(true)), half);
      Operand<T> l2 = tf.math.div(tf.linalg.matMul(phi2, phi2, MatMul.transposeA(true)), half);
      c1 = tf.math.mul(upper, l1);
      c2 = tf.math.mul(upper, l2);
      lossOffDiagonal = tf.math.add(tf.math.mul(l1, r2), tf.math.mul(l2, r1));
    } else {
      c1 = tf.math.mul(upper, tf.math.div(r1, BatchGraphs.diagonalColumn(tf, r1, outputs)));
      c2 = tf.math.mul(upper, tf.math.div(r2, BatchGraphs.diagonalColumn(tf, r2, outputs)));
      lossOffDiagonal = tf.math.div(tf.math.mul(r1, r2), BatchGraphs.diagonalColumn(tf, r, outputs));
    }
    // rows of half 1 use the coefficients of half 2 and vice versa
    Operand<T> g1 = tf.math.sub(tphi1, tf.linalg.matMul(tphi1, c2));
    Operand<T> g2 = tf.math.sub(tphi2, tf.linalg.matMul(tphi2, c1));
    Operand<T> scale = tf.math.div(BatchGraphs.scalar(tf, -4.0, type), batch);
    Operand<T> g = tf.stopGradient(tf.math.mul(scale, tf.concat(List.of(g1, g2), tf.constant(0))));
    Operand<T> offDiagonal = tf.reduceSum(tf.math.mul(upper, lossOffDiagonal), tf.constant(new int[] {0, 1}));
    Operand<T> loss = tf.math.mul(BatchGraphs.scalar(tf, -2.0, type),
        tf.math.sub(BatchGraphs.trace(tf, r, outputs), offDiagonal));
    Operand<T> gram = tf.math.div(tf.linalg.matMul(phi, phi, MatMul.transposeA(true)), batch);
    return new LossTerms<>(loss, g, gram, r);
  }

  @Override
  public String toString() {
    return "NeuralEfLoss[" + (unbiased ? "unbiased" : "original") + ", L=" + outputs + "]";
  }
}
