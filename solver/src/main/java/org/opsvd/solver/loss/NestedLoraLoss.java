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
 * Graph builder for the minibatch estimator of the nested LoRA objective (EVD form, self-adjoint T)
 * with a custom backward pass (method.md §2.4).
 *
 * <p>Inputs: F [B, L], F_bl = f_l(x_b), and TF [B, L], TF_bl = (T f_l)(x_b), for a batch x_1..x_B ~ ρ
 * with B even. TF is wrapped in {@code stopGradient}: it is used as values only. The batch rows are
 * split into halves F¹ (rows 0..B/2−1) and F² (rows B/2..B−1) with half-batch Grams
 * Λ¹ = F¹ᵀF¹/(B/2), Λ² = F²ᵀF²/(B/2), independent estimates of Λ_kl = ⟨f_k, f_l⟩. With the masks m, M
 * of {@link Nesting}:
 *
 * <pre>
 *  loss   = −(2/B) Σ_b Σ_l m_l F_bl TF_bl + Σ_{k,l} M_kl Λ¹_kl Λ²_kl          (logged value)
 *  G_bl   = −(4/B) m_l TF_bl + (2/(B/2)) Σ_k M_kl Λ²_kl F¹_bk   (b in half 1)
 *         = −(4/B) m_l TF_bl + (2/(B/2)) Σ_k M_kl Λ¹_kl F²_bk   (b in half 2)
 * </pre>
 *
 * i.e. G = −(4/B) TF·diag(m) + (4/B)·[F¹ (M∘Λ²); F² (M∘Λ¹)], the estimator of the population
 * gradient G_l = −4 m_l T f_l + 4 Σ_k M_kl ⟨f_k, f_l⟩ f_k. The operator factor is 4, not 2, because T
 * is self-adjoint and no gradient flows into TF.
 *
 * <p><b>Parameter gradient.</b> G is not the autodiff gradient of {@code loss}; it is injected at the
 * network outputs and back-propagated through the single forward pass that produced F:
 *
 * <pre>  Gradients g = tf.gradients(F, params, Gradients.dx(List.of(terms.outputGradient())));</pre>
 *
 * gives J_θ(F)ᵀ·G (or use {@code Graph.addGradients} with the same dx). No second-order autodiff is
 * needed. Only F must be differentiable; TF can come from any computation.
 *
 * <p>Instances are immutable and hold no graph state; {@link #build} may be called for any number of
 * graphs.
 */
public final class NestedLoraLoss implements TrainingLoss {

  private final Nesting nesting;
  private final int outputs;
  private final double[] vectorMask;
  private final double[] matrixMask; // row-major [k][l]

  /** A loss for L = {@code outputs} functions with the given nesting. */
  public NestedLoraLoss(Nesting nesting, int outputs) {
    this.nesting = Objects.requireNonNull(nesting, "nesting");
    Nesting.requirePositive(outputs);
    this.outputs = outputs;
    this.vectorMask = nesting.vectorMask(outputs);
    double[][] mm = nesting.matrixMask(outputs);
    this.matrixMask = new double[outputs * outputs];
    for (int k = 0; k < outputs; k++) {
      System.arraycopy(mm[k], 0, matrixMask, k * outputs, outputs);
    }
  }

  public Nesting nesting() {
    return nesting;
  }

  /** Number of learned functions L. */
  @Override
  public int outputs() {
    return outputs;
  }

  /**
   * Checks that a batch size can be split into two equal halves (B ≥ 2 and even).
   *
   * @throws IllegalArgumentException otherwise
   */
  public static void requireEvenBatch(int batchSize) {
    if (batchSize < 2 || batchSize % 2 != 0) {
      throw new IllegalArgumentException("batch size B must be even and at least 2 (the Gram term "
          + "uses two independent half batches), got " + batchSize);
    }
  }

  /**
   * Builds the loss terms. The batch size may be static or dynamic (−1); a static odd batch size is
   * rejected here, a dynamic odd one fails at run time in the split op.
   *
   * @param tf the graph ops
   * @param f network outputs F [B, L] (differentiable w.r.t. the parameters)
   * @param operatorOutputs TF [B, L], the operator applied to the outputs (values only)
   * @throws IllegalArgumentException on a rank or static-size mismatch, or a static odd B
   */
  @Override
  public <T extends TFloating> LossTerms<T> build(Ops tf, Operand<T> f, Operand<T> operatorOutputs) {
    return build(tf, f, operatorOutputs, null, null);
  }

  /**
   * As {@link #build(Ops, Operand, Operand)} with the Gram factor of the gradient pooled with a second estimate Λ̃
   * ({@code independent}, [L, L]) from points drawn independently of this batch (e.g. a larger batch evaluated
   * forward only): half 1's rows are multiplied by M∘(δΛ̃ + (1−δ)Λ²), half 2's by M∘(δΛ̃ + (1−δ)Λ¹), with δ =
   * {@code weight} (a scalar; M'/(M' + B/2) pools M' points with the half batch). Every factor stays independent of
   * the rows it multiplies, so the estimator stays unbiased, and its Gram noise falls with the points pooled. δ = 0
   * is the plain estimator. The logged loss is unchanged.
   *
   * @param independent Λ̃ [L, L], or null for the plain estimator (then {@code weight} is ignored)
   * @param weight      δ in [0, 1], scalar
   */
  public <T extends TFloating> LossTerms<T> build(Ops tf, Operand<T> f, Operand<T> operatorOutputs,
      Operand<T> independent, Operand<T> weight) {
    Objects.requireNonNull(tf, "tf");
    BatchGraphs.checkBatch(f.shape(), operatorOutputs.shape(), outputs);

    Class<T> type = f.type();
    Operand<T> tfv = tf.stopGradient(operatorOutputs);
    Operand<T> m = tf.dtypes.cast(
        tf.constant(Shape.of(1, outputs), DataBuffers.of(vectorMask, true, false)),
        type);
    Operand<T> mm = tf.dtypes.cast(
        tf.constant(Shape.of(outputs, outputs), DataBuffers.of(matrixMask, true, false)),
        type);

    // B as a scalar of type T, from the dynamic shape.
    Operand<T> batch = tf.dtypes.cast(
        tf.gather(tf.shape(f), tf.constant(0), tf.constant(0)), type);
    Operand<T> half = tf.math.div(batch, scalar(tf, 2.0, type));

    var fHalves = tf.split(tf.constant(0), f, 2L).output();
    Operand<T> f1 = fHalves.get(0);
    Operand<T> f2 = fHalves.get(1);
    Operand<T> lambda1 = tf.math.div(tf.linalg.matMul(f1, f1, MatMul.transposeA(true)), half);
    Operand<T> lambda2 = tf.math.div(tf.linalg.matMul(f2, f2, MatMul.transposeA(true)), half);

    var axes = tf.constant(new int[] {0, 1});

    // loss = −(2/B) Σ m_l F_bl TF_bl + Σ M ∘ Λ¹ ∘ Λ²
    Operand<T> operatorTerm = tf.math.div(
        tf.reduceSum(tf.math.mul(m, tf.math.mul(f, tfv)), axes), batch);
    Operand<T> metricTerm = tf.reduceSum(tf.math.mul(mm, tf.math.mul(lambda1, lambda2)), axes);
    Operand<T> loss = tf.math.sub(metricTerm,
        tf.math.mul(scalar(tf, 2.0, type), operatorTerm));

    // G = −(4/B) TF diag(m) + (2/(B/2)) [F¹ (M∘Λ²); F² (M∘Λ¹)], Λ^h pooled with Λ̃ when given
    Operand<T> forHalf1 = independent == null ? lambda2 : pool(tf, independent, lambda2, weight);
    Operand<T> forHalf2 = independent == null ? lambda1 : pool(tf, independent, lambda1, weight);
    Operand<T> gOperator = tf.math.div(
        tf.math.mul(scalar(tf, -4.0, type), tf.math.mul(m, tfv)), batch);
    Operand<T> g1 = tf.linalg.matMul(f1, tf.math.mul(mm, forHalf1));
    Operand<T> g2 = tf.linalg.matMul(f2, tf.math.mul(mm, forHalf2));
    Operand<T> gMetric = tf.math.div(
        tf.math.mul(scalar(tf, 2.0, type), tf.concat(List.of(g1, g2), tf.constant(0))), half);
    Operand<T> g = tf.stopGradient(tf.math.add(gOperator, gMetric));

    Operand<T> gram = tf.math.div(tf.linalg.matMul(f, f, MatMul.transposeA(true)), batch);
    Operand<T> operatorGram = tf.math.div(tf.linalg.matMul(f, tfv, MatMul.transposeA(true)), batch);
    return new LossTerms<>(loss, g, gram, operatorGram);
  }

  /** δΛ̃ + (1−δ)Λ. */
  private static <T extends TFloating> Operand<T> pool(Ops tf, Operand<T> independent, Operand<T> half,
      Operand<T> weight) {
    Operand<T> one = scalar(tf, 1.0, half.type());
    return tf.math.add(tf.math.mul(weight, independent), tf.math.mul(tf.math.sub(one, weight), half));
  }

  private static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
    return tf.dtypes.cast(tf.constant(value), type);
  }

  @Override
  public String toString() {
    return "NestedLoraLoss[" + nesting + ", L=" + outputs + "]";
  }
}
