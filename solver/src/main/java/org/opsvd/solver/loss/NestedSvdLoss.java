package org.opsvd.solver.loss;

import java.util.List;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.family.TFloating;

/**
 * Graph builders for the minibatch estimator of the nested LoRA objective in SVD form (method.md
 * §1.1, §2.3, §2.4 item 6) for a compact T : L²(ρ₁) → L²(ρ₀), with a custom backward pass:
 *
 * <pre>  L(f, g) = −2 Σ_l m_l ⟨f_l, T g_l⟩ + Σ_{k,l} M_kl Λ[f]_kl Λ[g]_kl,
 *  Λ[f]_kl = ⟨f_k, f_l⟩_ρ₀,  Λ[g]_kl = ⟨g_k, g_l⟩_ρ₁,</pre>
 *
 * with the masks m, M of {@link Nesting}. Population gradients (the ones injected, estimated):
 *
 * <pre>  ∂/∂f_l = −2 m_l T g_l  + 2 Σ_k M_kl Λ[g]_kl f_k,
 *  ∂/∂g_l = −2 m_l T* f_l + 2 Σ_k M_kl Λ[f]_kl g_k.</pre>
 *
 * For sequential nesting M is upper triangular (M_kl = 1 iff k ≤ l), so mode l is only pulled
 * toward earlier modes k ≤ l; column l of each gradient is the gradient of the partial objective
 * L(f_{1:l}, g_{1:l}) w.r.t. (f_l, g_l), and the sum is not the gradient of one scalar. For joint
 * nesting (M symmetric) the injected gradients are exactly the derivatives of the logged loss value
 * w.r.t. F and G.
 *
 * <p><b>Two estimators.</b>
 *
 * <ul>
 *   <li>{@link #kernel}: F = f(x) [B1, L] at x_b ~ ρ₀, G = g(y) [B2, L] at independent y_c ~ ρ₁,
 *       K [B1, B2], K_bc = k(x_b, y_c) (values only), (T g)(x) = ∫ k(x, y) g(y) dρ₁(y).
 *       <pre>
 *  TG   = K G / B2 [B1, L],   T*F = Kᵀ F / B1 [B2, L],   Λ[f] = FᵀF/B1,   Λ[g] = GᵀG/B2
 *  loss = −(2/(B1 B2)) Σ_l m_l Σ_{b,c} F_bl K_bc G_cl + Σ_{k,l} M_kl Λ[f]_kl Λ[g]_kl
 *  ∂F   = −(2/B1) TG ∘ m  + (2/B1) F (M ∘ Λ[g])     [B1, L]
 *  ∂G   = −(2/B2) T*F ∘ m + (2/B2) G (M ∘ Λ[f])     [B2, L]</pre>
 *       Λ[f] and Λ[g] come from independent samples, so their product is unbiased.
 *   <li>{@link #paired}: rows are paired samples (x_b, y_b) ~ p(x, y), T the canonical dependence
 *       kernel operator (T g)(x) = E[g(Y) | X = x], k = p(x,y)/(p(x)p(y)), so
 *       ⟨f_l, T g_l⟩ = E_p[f_l(X) g_l(Y)]. B must be even; rows 0..B/2−1 form half 1, the rest
 *       half 2, with half Grams Λ^h[f] = F^hᵀF^h/(B/2), Λ^h[g] = G^hᵀG^h/(B/2):
 *       <pre>
 *  loss = −(2/B) Σ_b Σ_l m_l F_bl G_bl + ½ Σ_{k,l} M_kl (Λ¹[f]_kl Λ²[g]_kl + Λ²[f]_kl Λ¹[g]_kl)
 *  ∂F   = −(2/B) G ∘ m + (2/B) [F¹ (M ∘ Λ²[g]); F² (M ∘ Λ¹[g])]     [B, L]
 *  ∂G   = −(2/B) F ∘ m + (2/B) [G¹ (M ∘ Λ²[f]); G² (M ∘ Λ¹[f])]     [B, L]</pre>
 *       Each row b of ∂F is −(2/B) m_l g_l(y_b), an unbiased sample of −2 m_l (T g_l)(x_b)/B,
 *       plus the metric term with the Gram of g from the other half (independent of row b). The
 *       ½(·+·) symmetrization uses every row once in each Gram product and keeps the quadratic term
 *       unbiased (method.md §6.1 notes the official code uses same-batch Grams, which is biased).
 * </ul>
 *
 * <p><b>Constant mode</b> ({@link #withConstantMode()}, method.md §6.1). For the CDK the top
 * singular pair is (1, 1) with σ = 1. With the option on, both builders prepend the constant
 * function 1 as mode 0 of f and of g, the objective is taken over L + 1 modes, and only the L
 * learned columns get gradients (so learned mode l is the singular pair l + 2 of T). Masks of size
 * L + 1: sequential m' = 1, M'_kl = 1 iff k ≤ l (the constant is the earliest mode); joint: the
 * constant shares the first mask value, m' = (m_1, m_1, m_2, …, m_L) with m_l = (L − l + 1)/L of
 * the L learned modes and M'_kl = min(m'_k, m'_l). The logged loss includes the constant mode's
 * terms; leftGram, rightGram and cross cover the learned modes only.
 *
 * <p><b>Parameter gradients.</b> The gradients are injected at the network outputs and
 * back-propagated through the forward passes that produced F and G:
 *
 * <pre>  Gradients d = tf.gradients(List.of(F, G), params,
 *      Gradients.dx(List.of(terms.leftGradient(), terms.rightGradient())));</pre>
 *
 * <p><b>Singular-value estimates.</b> At the nested optimum f_l = c_l √σ_l φ_l, g_l = √σ_l ψ_l / c_l
 * (c_l > 0 free: the objective is invariant under f_l → c f_l, g_l → g_l / c), so
 * σ_l ≈ ‖f_l‖‖g_l‖ = sqrt(leftGram_ll · rightGram_ll), and also
 * σ_l ≈ cross_l / (‖f_l‖‖g_l‖) = ⟨f_l, T g_l⟩/(‖f_l‖‖g_l‖) (the SVD analogue of the Rayleigh
 * quotient, which does not rely on the norms having converged); cross_l itself → σ_l².
 *
 * <p>Instances are immutable and hold no graph state.
 */
public final class NestedSvdLoss {

  /**
   * The graph operands of one batch (L = number of learned modes).
   *
   * @param loss logged loss value, scalar (not differentiated)
   * @param leftGradient ∂F [B1, L], injected at the f outputs (stop-gradient)
   * @param rightGradient ∂G [B2, L], injected at the g outputs (stop-gradient)
   * @param leftGram full-batch Λ[f] = FᵀF/B1 [L, L]; diag = ‖f_l‖²
   * @param rightGram full-batch Λ[g] = GᵀG/B2 [L, L]; diag = ‖g_l‖²
   * @param cross [L], estimates of ⟨f_l, T g_l⟩ (kernel: Σ_bc F_bl K_bc G_cl/(B1 B2); paired:
   *     Σ_b F_bl G_bl / B)
   */
  public record Terms<T extends TFloating>(
      Operand<T> loss,
      Operand<T> leftGradient,
      Operand<T> rightGradient,
      Operand<T> leftGram,
      Operand<T> rightGram,
      Operand<T> cross) {
    public Terms {
      Objects.requireNonNull(loss, "loss");
      Objects.requireNonNull(leftGradient, "leftGradient");
      Objects.requireNonNull(rightGradient, "rightGradient");
      Objects.requireNonNull(leftGram, "leftGram");
      Objects.requireNonNull(rightGram, "rightGram");
      Objects.requireNonNull(cross, "cross");
    }
  }

  private final Nesting nesting;
  private final int outputs;
  private final boolean constantMode;
  private final int modes; // outputs + (constantMode ? 1 : 0)
  private final double[] vectorMask; // length modes
  private final double[] matrixMask; // row-major [k][l], modes × modes

  /** A loss for L = {@code outputs} learned pairs (f_l, g_l) with the given nesting. */
  public NestedSvdLoss(Nesting nesting, int outputs) {
    this(nesting, outputs, false);
  }

  private NestedSvdLoss(Nesting nesting, int outputs, boolean constantMode) {
    this.nesting = Objects.requireNonNull(nesting, "nesting");
    Nesting.requirePositive(outputs);
    this.outputs = outputs;
    this.constantMode = constantMode;
    this.modes = outputs + (constantMode ? 1 : 0);
    double[] m = nesting.vectorMask(outputs);
    double[] mv = new double[modes];
    if (constantMode) {
      mv[0] = m[0];
      System.arraycopy(m, 0, mv, 1, outputs);
    } else {
      System.arraycopy(m, 0, mv, 0, outputs);
    }
    this.vectorMask = mv;
    this.matrixMask = new double[modes * modes];
    for (int k = 0; k < modes; k++) {
      for (int l = 0; l < modes; l++) {
        matrixMask[k * modes + l] = nesting == Nesting.SEQUENTIAL
            ? (k <= l ? 1.0 : 0.0)
            : Math.min(mv[k], mv[l]);
      }
    }
  }

  /** The same loss with the constant function 1 prepended as mode 0 of f and g (method.md §6.1). */
  public NestedSvdLoss withConstantMode() {
    return constantMode ? this : new NestedSvdLoss(nesting, outputs, true);
  }

  public Nesting nesting() {
    return nesting;
  }

  /** Number of learned pairs L (columns of F and G). */
  public int outputs() {
    return outputs;
  }

  /** Whether a constant mode 0 is prepended to f and g. */
  public boolean constantMode() {
    return constantMode;
  }

  /** The vector mask m over all modes (length L, or L + 1 with the constant mode first). */
  public double[] vectorMask() {
    return vectorMask.clone();
  }

  /** The matrix mask M over all modes, indexed [k][l]. */
  public double[][] matrixMask() {
    double[][] mm = new double[modes][modes];
    for (int k = 0; k < modes; k++) {
      System.arraycopy(matrixMask, k * modes, mm[k], 0, modes);
    }
    return mm;
  }

  /**
   * Builds the independent-samples (kernel) estimator. Batch sizes may be static or dynamic.
   *
   * @param tf the graph ops
   * @param f F [B1, L], f at x_b ~ ρ₀ (differentiable)
   * @param g G [B2, L], g at independent y_c ~ ρ₁ (differentiable)
   * @param k K [B1, B2], K_bc = k(x_b, y_c) (values only; wrapped in stopGradient)
   * @throws IllegalArgumentException on a rank or static-size mismatch
   */
  public <T extends TFloating> Terms<T> kernel(Ops tf, Operand<T> f, Operand<T> g, Operand<T> k) {
    Objects.requireNonNull(tf, "tf");
    BatchGraphs.checkShape("F", f.shape(), outputs);
    BatchGraphs.checkShape("G", g.shape(), outputs);
    Shape ks = k.shape();
    if (ks.isUnknown() || ks.numDimensions() != 2) {
      throw new IllegalArgumentException("K must have rank 2 [B1, B2], got shape " + ks);
    }
    requireSameSize("rows of F", f.shape().get(0), "rows of K", ks.get(0));
    requireSameSize("rows of G", g.shape().get(0), "columns of K", ks.get(1));

    Class<T> type = f.type();
    Operand<T> kv = tf.stopGradient(k);
    Operand<T> fa = withConstant(tf, f);
    Operand<T> ga = withConstant(tf, g);
    Operand<T> m = vectorMaskOperand(tf, type);
    Operand<T> mm = matrixMaskOperand(tf, type);
    Operand<T> b1 = rows(tf, f, type);
    Operand<T> b2 = rows(tf, g, type);

    Operand<T> tg = tf.math.div(tf.linalg.matMul(kv, ga), b2); // [B1, L']
    Operand<T> tsf = tf.math.div(tf.linalg.matMul(kv, fa, MatMul.transposeA(true)), b1); // [B2, L']
    Operand<T> lamF = tf.math.div(tf.linalg.matMul(fa, fa, MatMul.transposeA(true)), b1);
    Operand<T> lamG = tf.math.div(tf.linalg.matMul(ga, ga, MatMul.transposeA(true)), b2);

    var rows0 = tf.constant(new int[] {0});
    Operand<T> crossAll = tf.math.div(tf.reduceSum(tf.math.mul(fa, tg), rows0), b1); // [L']
    var axes = tf.constant(new int[] {0, 1});
    Operand<T> operatorTerm = tf.reduceSum(tf.math.mul(tf.reshape(m, tf.constant(new long[] {modes})),
        crossAll), tf.constant(0));
    Operand<T> metricTerm = tf.reduceSum(tf.math.mul(mm, tf.math.mul(lamF, lamG)), axes);
    Operand<T> loss = tf.math.sub(metricTerm, tf.math.mul(scalar(tf, 2.0, type), operatorTerm));

    Operand<T> two = scalar(tf, 2.0, type);
    Operand<T> dF = tf.math.div(tf.math.mul(two,
        tf.math.sub(tf.linalg.matMul(fa, tf.math.mul(mm, lamG)), tf.math.mul(tg, m))), b1);
    Operand<T> dG = tf.math.div(tf.math.mul(two,
        tf.math.sub(tf.linalg.matMul(ga, tf.math.mul(mm, lamF)), tf.math.mul(tsf, m))), b2);

    return new Terms<>(loss,
        tf.stopGradient(learnedColumns(tf, dF)),
        tf.stopGradient(learnedColumns(tf, dG)),
        learnedBlock(tf, lamF),
        learnedBlock(tf, lamG),
        learnedEntries(tf, crossAll));
  }

  /**
   * Builds the paired-samples (canonical dependence kernel) estimator with half-batch Grams.
   *
   * @param tf the graph ops
   * @param f F [B, L], F_bl = f_l(x_b) (differentiable)
   * @param g G [B, L], G_bl = g_l(y_b) for the same pairs (x_b, y_b) ~ p (differentiable)
   * @throws IllegalArgumentException on a rank or static-size mismatch, or a static odd B (a
   *     dynamic odd B fails at run time in the split op)
   */
  public <T extends TFloating> Terms<T> paired(Ops tf, Operand<T> f, Operand<T> g) {
    Objects.requireNonNull(tf, "tf");
    BatchGraphs.checkShape("F", f.shape(), outputs);
    BatchGraphs.checkShape("G", g.shape(), outputs);
    long bf = f.shape().get(0);
    long bg = g.shape().get(0);
    requireSameSize("rows of F", bf, "rows of G", bg);
    long known = bf >= 0 ? bf : bg;
    if (known >= 0) {
      NestedLoraLoss.requireEvenBatch(Math.toIntExact(known));
    }

    Class<T> type = f.type();
    Operand<T> fa = withConstant(tf, f);
    Operand<T> ga = withConstant(tf, g);
    Operand<T> m = vectorMaskOperand(tf, type);
    Operand<T> mm = matrixMaskOperand(tf, type);
    Operand<T> batch = rows(tf, f, type);
    Operand<T> half = tf.math.div(batch, scalar(tf, 2.0, type));
    Operand<T> two = scalar(tf, 2.0, type);

    var fh = tf.split(tf.constant(0), fa, 2L).output();
    var gh = tf.split(tf.constant(0), ga, 2L).output();
    Operand<T> f1 = fh.get(0), f2 = fh.get(1), g1 = gh.get(0), g2 = gh.get(1);
    Operand<T> lamF1 = tf.math.div(tf.linalg.matMul(f1, f1, MatMul.transposeA(true)), half);
    Operand<T> lamF2 = tf.math.div(tf.linalg.matMul(f2, f2, MatMul.transposeA(true)), half);
    Operand<T> lamG1 = tf.math.div(tf.linalg.matMul(g1, g1, MatMul.transposeA(true)), half);
    Operand<T> lamG2 = tf.math.div(tf.linalg.matMul(g2, g2, MatMul.transposeA(true)), half);

    Operand<T> crossAll = tf.math.div(
        tf.reduceSum(tf.math.mul(fa, ga), tf.constant(new int[] {0})), batch); // [L']
    var axes = tf.constant(new int[] {0, 1});
    Operand<T> operatorTerm = tf.reduceSum(tf.math.mul(tf.reshape(m, tf.constant(new long[] {modes})),
        crossAll), tf.constant(0));
    Operand<T> metricTerm = tf.math.div(tf.reduceSum(tf.math.mul(mm,
        tf.math.add(tf.math.mul(lamF1, lamG2), tf.math.mul(lamF2, lamG1))), axes), two);
    Operand<T> loss = tf.math.sub(metricTerm, tf.math.mul(two, operatorTerm));

    Operand<T> metricF = tf.concat(List.of(
        tf.linalg.matMul(f1, tf.math.mul(mm, lamG2)),
        tf.linalg.matMul(f2, tf.math.mul(mm, lamG1))), tf.constant(0));
    Operand<T> metricG = tf.concat(List.of(
        tf.linalg.matMul(g1, tf.math.mul(mm, lamF2)),
        tf.linalg.matMul(g2, tf.math.mul(mm, lamF1))), tf.constant(0));
    Operand<T> dF = tf.math.div(tf.math.mul(two, tf.math.sub(metricF, tf.math.mul(ga, m))), batch);
    Operand<T> dG = tf.math.div(tf.math.mul(two, tf.math.sub(metricG, tf.math.mul(fa, m))), batch);

    Operand<T> lamF = tf.math.div(tf.linalg.matMul(fa, fa, MatMul.transposeA(true)), batch);
    Operand<T> lamG = tf.math.div(tf.linalg.matMul(ga, ga, MatMul.transposeA(true)), batch);
    return new Terms<>(loss,
        tf.stopGradient(learnedColumns(tf, dF)),
        tf.stopGradient(learnedColumns(tf, dG)),
        learnedBlock(tf, lamF),
        learnedBlock(tf, lamG),
        learnedEntries(tf, crossAll));
  }

  /** [B, L] → [B, 1 + L] with a column of ones first when the constant mode is on. */
  private <T extends TFloating> Operand<T> withConstant(Ops tf, Operand<T> x) {
    if (!constantMode) {
      return x;
    }
    Operand<T> ones = tf.onesLike(tf.gather(x, tf.constant(new int[] {0}), tf.constant(1)));
    return tf.concat(List.of(ones, x), tf.constant(1));
  }

  private <T extends TFloating> Operand<T> learnedColumns(Ops tf, Operand<T> x) {
    if (!constantMode) {
      return x;
    }
    return tf.slice(x, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, outputs}));
  }

  private <T extends TFloating> Operand<T> learnedBlock(Ops tf, Operand<T> x) {
    if (!constantMode) {
      return x;
    }
    return tf.slice(x, tf.constant(new int[] {1, 1}), tf.constant(new int[] {outputs, outputs}));
  }

  private <T extends TFloating> Operand<T> learnedEntries(Ops tf, Operand<T> x) {
    if (!constantMode) {
      return x;
    }
    return tf.slice(x, tf.constant(new int[] {1}), tf.constant(new int[] {outputs}));
  }

  private <T extends TFloating> Operand<T> vectorMaskOperand(Ops tf, Class<T> type) {
    return tf.dtypes.cast(
        tf.constant(Shape.of(1, modes), DataBuffers.of(vectorMask, true, false)), type);
  }

  private <T extends TFloating> Operand<T> matrixMaskOperand(Ops tf, Class<T> type) {
    return tf.dtypes.cast(
        tf.constant(Shape.of(modes, modes), DataBuffers.of(matrixMask, true, false)), type);
  }

  /** Number of rows of x as a scalar of type T, from the dynamic shape. */
  private static <T extends TFloating> Operand<T> rows(Ops tf, Operand<T> x, Class<T> type) {
    return tf.dtypes.cast(tf.gather(tf.shape(x), tf.constant(0), tf.constant(0)), type);
  }

  private static void requireSameSize(String a, long na, String b, long nb) {
    if (na >= 0 && nb >= 0 && na != nb) {
      throw new IllegalArgumentException(a + " (" + na + ") must equal " + b + " (" + nb + ")");
    }
  }

  private static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
    return tf.dtypes.cast(tf.constant(value), type);
  }

  @Override
  public String toString() {
    return "NestedSvdLoss[" + nesting + ", L=" + outputs + (constantMode ? ", constant mode" : "")
        + "]";
  }
}
