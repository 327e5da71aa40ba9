package org.opsvd.solver.loss;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.linalg.TriangularSolve;
import org.tensorflow.types.family.TFloating;

/**
 * Spectral Inference Networks (Pfau, Petersen, Agarwal, Barrett, Stachenfeld, ICLR 2019) on the interface of
 * {@link NestedLoraLoss}: network outputs F [B, L], operator outputs TF [B, L] (values only, T = a·(−H) + b,
 * whose TOP eigenvalues are wanted, as for NeuralSVD).
 *
 * <p><b>Objective.</b> Σ = FᵀF/B, Π = FᵀTF/B, Σ̄ ← (1−β)Σ̄ + βΣ (moving average, β = {@code decay}, Σ̄₀ = I
 * as in the DeepMind code), L = chol(Σ̄ + εI) with the absolute ridge ε = {@link #ridge()} (default 1e-3,
 * the value of the neural-svd port; DeepMind's code has none), Λ = L⁻¹ΠL⁻ᵀ; maximise tr Λ. After training,
 * the functions L⁻¹f are orthonormal and ordered: Λ_kk depends only on f_1..f_k.
 *
 * <p><b>Masked gradient</b> (the direction that makes f_k follow ∂Λ_kk/∂f_k only, with f_1..f_{k−1} fixed):
 * <pre>
 *  ∇̃ = J_Π(A) − J̄_Σ(Ĝ),   A = L⁻ᵀ diag(L)⁻¹,   Ĝ = L⁻ᵀ triu(Λ diag(L)⁻¹)     (both upper triangular)
 *  J_X(M) = (2/B) Σ_b Σ_{i≤j} M_ij X1_bi ∂X2_bj/∂θ   for X = X1ᵀX2/B, i.e. the ONE-SIDED pair Jacobians
 *           J_ij = (2/B) Σ_b X1_bi ∂X2_bj/∂θ (derivative of the second factor only),
 * </pre>
 * which is what DeepMind's custom covariance gradient ({@code _covariance}: ∂/∂x = y·G/B, not y·Gᵀ/B)
 * computes, and what the neural-svd port stores ({@code 2·einsum('bl...,bm->ml...', jac, phi)/B}).
 * For the current batch, J_Π(A) (with TF stop-gradient) is the VJP of F with output gradient (2/B)·TF·A.
 * The symmetric Jacobians ∂Σ_ij/∂θ (output gradient TF(A+Aᵀ)/B resp. F(Ĝ+Ĝᵀ)/B) are NOT the masked gradient:
 * they add the terms ∂Λ_jj/∂f_i, i &lt; j, that the masking removes (measured: off by 50% of the gradient's
 * size on a random batch, see {@code SpinLossTest}). J̄_Σ uses the moving average (same β) of the pair
 * Jacobians J_ij, i ≤ j, each a VJP of F with output gradient column j = (2/B)F_{:,i}, zero elsewhere
 * ({@link #pairCotangents}); it needs L(L+1)/2·P numbers for P network parameters
 * ({@link #averageJacobianBytes}).
 *
 * <p><b>Signs.</b> The optimiser minimises, so the parameter gradient used is −∇̃:
 * output gradient G = −(2/B)·TF·A, plus Σ_{i≤j} Ĝ_ij J̄_ij in parameter space ({@link Parts#pairWeights}).
 * The logged loss is −tr Λ.
 *
 * <p>{@link #build} is the special case β = 1 (no averaging: Σ̄ = Σ, J̄ = J of this batch), where the whole
 * masked gradient is an output gradient: G = −(2/B)(TF·A − F·Ĝ). With β &lt; 1 the caller keeps Σ̄ and J̄
 * (graph state: {@code train.SpinState}) and uses {@link #build(Ops, Operand, Operand, Operand)}.
 *
 * <p>Terms: gram = L⁻¹Σ̄L⁻ᵀ (≈ I), operatorGram = Λ, so the batch Rayleigh quotients are ≈ diag Λ.
 */
public final class SpinLoss implements TrainingLoss {

  /** Default ridge ε in chol(Σ̄ + εI). */
  public static final double DEFAULT_RIDGE = 1e-3;
  /** Default moving-average rate β. */
  public static final double DEFAULT_DECAY = 0.01;

  /**
   * The terms of one batch given the (already updated) moving average Σ̄.
   *
   * @param terms       loss −tr Λ, output gradient −(2/B)·TF·A (the J_Π part only), gram L⁻¹Σ̄L⁻ᵀ, operatorGram Λ
   * @param pairWeights Ĝ_ij for the pairs i ≤ j in {@link #pairs} order, [L(L+1)/2]: the parameter gradient
   *                    adds Σ_ij Ĝ_ij J̄_ij
   * @param cholesky    L [L, L], lower triangular
   * @param sigmaWeights Ĝ as an [L, L] matrix (upper triangular)
   */
  public record Parts<T extends TFloating>(LossTerms<T> terms, Operand<T> pairWeights, Operand<T> cholesky,
      Operand<T> sigmaWeights) {}

  private final int outputs;
  private final double decay;
  private final double ridge;

  /** SpIN for L = {@code outputs} functions with moving-average rate β = {@code decay} ∈ (0, 1], ridge ε ≥ 0. */
  public SpinLoss(int outputs, double decay, double ridge) {
    Nesting.requirePositive(outputs);
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("--spin-decay must be in (0, 1], got " + decay);
    }
    if (!(ridge >= 0) || !Double.isFinite(ridge)) {
      throw new IllegalArgumentException("SpIN ridge must be finite and >= 0, got " + ridge);
    }
    this.outputs = outputs;
    this.decay = decay;
    this.ridge = ridge;
  }

  @Override
  public int outputs() {
    return outputs;
  }

  /** β: Σ̄ ← (1−β)Σ̄ + βΣ, the same for J̄. */
  public double decay() {
    return decay;
  }

  public double ridge() {
    return ridge;
  }

  /** The pairs (i, j), i ≤ j, ordered by j then i: (0,0), (0,1), (1,1), (0,2), … */
  public static List<int[]> pairs(int outputs) {
    List<int[]> out = new ArrayList<>();
    for (int j = 0; j < outputs; j++) {
      for (int i = 0; i <= j; i++) out.add(new int[] {i, j});
    }
    return out;
  }

  /** Bytes of J̄: L(L+1)/2 · P numbers of {@code bytesPerNumber} (4 for float32, 8 for float64). */
  public static long averageJacobianBytes(int outputs, long parameters, int bytesPerNumber) {
    return (long) outputs * (outputs + 1) / 2 * parameters * bytesPerNumber;
  }

  /**
   * Refuses a J̄ larger than {@code capMb} MiB.
   *
   * @throws IllegalArgumentException naming L, P and the bytes needed
   */
  public static void requireMemory(int outputs, long parameters, int bytesPerNumber, long capMb) {
    long bytes = averageJacobianBytes(outputs, parameters, bytesPerNumber);
    if (bytes > capMb * 1024L * 1024L) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "SpIN's Jacobian moving average needs L(L+1)/2·P·%d bytes = %d·%d·%d = %d bytes (%.1f MiB) for L = %d "
              + "and P = %d network parameters, over --spin-memory-mb %d; use a smaller --L or network (--hidden), "
              + "raise --spin-memory-mb, or use --spin-decay 1 (no averaging, no Jacobian memory)",
          bytesPerNumber, outputs * (outputs + 1) / 2, parameters, bytesPerNumber, bytes, bytes / 1048576.0,
          outputs, parameters, capMb));
    }
  }

  /** Σ = FᵀF/B of the batch. */
  public <T extends TFloating> Operand<T> batchCovariance(Ops tf, Operand<T> f) {
    return tf.math.div(tf.linalg.matMul(f, f, MatMul.transposeA(true)), BatchGraphs.batchSize(tf, f));
  }

  /**
   * The output gradients whose VJPs are the pair Jacobians J_ij = (2/B) Σ_b F_bi ∂F_bj/∂θ, i ≤ j, in
   * {@link #pairs} order: column j = (2/B)·F_{:,i}, other columns 0 (stop-gradient).
   */
  public <T extends TFloating> List<Operand<T>> pairCotangents(Ops tf, Operand<T> f) {
    Class<T> type = f.type();
    Operand<T> scale = tf.math.div(BatchGraphs.scalar(tf, 2.0, type), BatchGraphs.batchSize(tf, f));
    Operand<T> fs = tf.stopGradient(tf.math.mul(scale, f));
    List<Operand<T>> out = new ArrayList<>();
    for (int[] p : pairs(outputs)) {
      double[] onehot = new double[outputs];
      onehot[p[1]] = 1;
      Operand<T> column = tf.slice(fs, tf.constant(new int[] {0, p[0]}), tf.constant(new int[] {-1, 1}));
      out.add(tf.math.mul(column, BatchGraphs.matrix(tf, 1, outputs, onehot, type)));
    }
    return out;
  }

  /** β = 1: Σ̄ = Σ of this batch and the masked gradient entirely as an output gradient −(2/B)(TF·A − F·Ĝ). */
  @Override
  public <T extends TFloating> LossTerms<T> build(Ops tf, Operand<T> f, Operand<T> operatorOutputs) {
    Parts<T> parts = build(tf, f, operatorOutputs, tf.stopGradient(batchCovariance(tf, f)));
    Class<T> type = f.type();
    Operand<T> scale = tf.math.div(BatchGraphs.scalar(tf, 2.0, type), BatchGraphs.batchSize(tf, f));
    Operand<T> sigmaPart = tf.math.mul(scale, tf.linalg.matMul(tf.stopGradient(f), parts.sigmaWeights()));
    LossTerms<T> t = parts.terms();
    return new LossTerms<>(t.loss(), tf.stopGradient(tf.math.add(t.outputGradient(), sigmaPart)), t.gram(),
        t.operatorGram());
  }

  /** The terms given Σ̄ (already including this batch). */
  public <T extends TFloating> Parts<T> build(Ops tf, Operand<T> f, Operand<T> operatorOutputs,
      Operand<T> sigmaAverage) {
    BatchGraphs.checkBatch(f.shape(), operatorOutputs.shape(), outputs);
    Class<T> type = f.type();
    int n = outputs;
    Operand<T> batch = BatchGraphs.batchSize(tf, f);
    Operand<T> tfv = tf.stopGradient(operatorOutputs);
    Operand<T> fv = tf.stopGradient(f);
    Operand<T> eye = BatchGraphs.identity(tf, n, type);
    Operand<T> pi = tf.math.div(tf.linalg.matMul(fv, tfv, MatMul.transposeA(true)), batch);
    Operand<T> sigma = tf.math.add(sigmaAverage, tf.math.mul(BatchGraphs.scalar(tf, ridge, type), eye));
    Operand<T> chol = tf.linalg.cholesky(sigma);
    Operand<T> cholInv = tf.linalg.triangularSolve(chol, eye, TriangularSolve.lower(true));
    Operand<T> lambda = tf.linalg.matMul(cholInv, tf.linalg.matMul(pi, cholInv, MatMul.transposeB(true)));
    Operand<T> diagInv = BatchGraphs.diagonalPart(tf, cholInv, n); // diag(L)⁻¹ = diag(L⁻¹)
    Operand<T> a = tf.linalg.matMul(cholInv, diagInv, MatMul.transposeA(true));
    Operand<T> ghat = tf.linalg.matMul(cholInv,
        tf.math.mul(BatchGraphs.upper(tf, n, false, type), tf.linalg.matMul(lambda, diagInv)),
        MatMul.transposeA(true));
    Operand<T> scale = tf.math.div(BatchGraphs.scalar(tf, -2.0, type), batch);
    Operand<T> g = tf.stopGradient(tf.math.mul(scale, tf.linalg.matMul(tfv, a)));
    Operand<T> loss = tf.math.neg(BatchGraphs.trace(tf, lambda, n));
    Operand<T> whitened = tf.linalg.matMul(cholInv, tf.linalg.matMul(sigmaAverage, cholInv, MatMul.transposeB(true)));
    List<int[]> pairs = pairs(n);
    int[] flat = new int[pairs.size()];
    for (int k = 0; k < flat.length; k++) flat[k] = pairs.get(k)[0] * n + pairs.get(k)[1];
    Operand<T> weights = tf.stopGradient(
        tf.gather(tf.reshape(ghat, tf.constant(new int[] {n * n})), tf.constant(flat), tf.constant(0)));
    return new Parts<>(new LossTerms<>(loss, g, whitened, lambda), weights, chol, tf.stopGradient(ghat));
  }

  @Override
  public String toString() {
    return "SpinLoss[L=" + outputs + ", decay=" + decay + ", ridge=" + ridge + "]";
  }
}
