package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.solver.loss.LossTerms;
import org.opsvd.solver.loss.SpinLoss;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.family.TFloating;

/**
 * SpIN's moving averages as graph state ({@link SpinLoss}, β &lt; 1): Σ̄ [L, L] (initially I) and, per network
 * parameter θ_p, J̄_p [L(L+1)/2, shape(θ_p)] (initially 0), the average of the pair Jacobians
 * J_ij = (2/B) Σ_b F_bi ∂F_bj/∂θ_p, i ≤ j. Each step:
 * <pre>
 *  Σ̄' = (1−β)Σ̄ + β FᵀF/B,   J̄'_p = (1−β)J̄_p + β [VJP(F, θ_p, E_ij)]_{i≤j}    (L(L+1)/2 VJPs)
 *  gradient_p = VJP(F, θ_p, −(2/B)·TF·A) + Σ_{i≤j} Ĝ_ij J̄'_{p,ij}                    (Σ̄', J̄' of this step)
 * </pre>
 * and Σ̄ ← Σ̄', J̄ ← J̄' are assigned under the optimiser's finiteness guard (a skipped step keeps them).
 * The variables are part of the checkpoint (after the optimiser slots).
 */
final class SpinState<T extends TFloating> {

  private final ResourceVariable<T> sigma;
  private final List<ResourceVariable<T>> jacobians = new ArrayList<>();
  private final Operand<T> sigmaNext;
  private final List<Operand<T>> jacobiansNext = new ArrayList<>();
  private final LossTerms<T> terms;
  private final List<Operand<T>> gradients = new ArrayList<>();
  private final int outputs;

  /**
   * @param shapes parameter shapes, in the order of {@code reads}
   * @param reads  parameter reads the network outputs {@code f} were computed from
   */
  SpinState(Ops tf, SpinLoss loss, List<long[]> shapes, List<Operand<T>> reads, Operand<T> f,
      Operand<T> operatorOutputs, Precision precision) {
    Class<T> type = precision.type();
    this.outputs = loss.outputs();
    int l = outputs;
    int pairs = l * (l + 1) / 2;
    Operand<T> beta = precision.scalar(tf, loss.decay());
    Operand<T> keep = precision.scalar(tf, 1 - loss.decay());
    this.sigma = new ResourceVariable<>(tf, "spin/sigma_average", new long[] {l, l}, type);
    this.sigmaNext = tf.math.add(tf.math.mul(keep, sigma.read()),
        tf.math.mul(beta, tf.stopGradient(loss.batchCovariance(tf, f))));
    SpinLoss.Parts<T> parts = loss.build(tf, f, operatorOutputs, sigmaNext);
    this.terms = parts.terms();

    List<List<Operand<T>>> perPair = new ArrayList<>(); // [pair][parameter]
    for (Operand<T> cotangent : loss.pairCotangents(tf, f)) {
      perPair.add(AbstractStepGraph.gradients(tf.gradients(f, reads, Gradients.dx(List.of(cotangent))), reads.size()));
    }
    List<Operand<T>> batchPart = AbstractStepGraph.gradients(
        tf.gradients(f, reads, Gradients.dx(List.of(terms.outputGradient()))), reads.size());
    Operand<T> weights = tf.reshape(parts.pairWeights(), tf.constant(new long[] {1, pairs}));
    for (int p = 0; p < reads.size(); p++) {
      long[] shape = shapes.get(p);
      long[] full = new long[shape.length + 1];
      full[0] = pairs;
      System.arraycopy(shape, 0, full, 1, shape.length);
      ResourceVariable<T> avg = new ResourceVariable<>(tf, "spin/jacobian_average/" + p, full, type);
      jacobians.add(avg);
      List<Operand<T>> stacked = new ArrayList<>();
      for (List<Operand<T>> g : perPair) stacked.add(g.get(p));
      Operand<T> next = tf.math.add(tf.math.mul(keep, avg.read()), tf.math.mul(beta, tf.stack(stacked)));
      jacobiansNext.add(next);
      Operand<T> flat = tf.reshape(next, tf.constant(new long[] {pairs, -1}));
      Operand<T> masked = tf.reshape(tf.linalg.matMul(weights, flat), tf.constant(shape));
      gradients.add(tf.math.add(batchPart.get(p), masked));
    }
  }

  /** Loss terms (Λ from the updated Σ̄). */
  LossTerms<T> terms() {
    return terms;
  }

  /** −∇̃ per parameter (the optimiser minimises). */
  List<Operand<T>> gradients() {
    return gradients;
  }

  /** Σ̄ then J̄_p in parameter order. */
  List<ResourceVariable<T>> variables() {
    List<ResourceVariable<T>> all = new ArrayList<>();
    all.add(sigma);
    all.addAll(jacobians);
    return all;
  }

  /** Initial values in {@link #variables()} order: Σ̄ = I, J̄ = 0. */
  List<double[]> initialValues() {
    List<double[]> out = new ArrayList<>();
    double[] eye = new double[outputs * outputs];
    for (int i = 0; i < outputs; i++) eye[i * outputs + i] = 1;
    out.add(eye);
    for (ResourceVariable<T> j : jacobians) out.add(new double[j.size()]);
    return out;
  }

  /** Adds the guarded assignments Σ̄ ← Σ̄', J̄ ← J̄'. */
  void update(Ops tf, OptimizerGraph<T> optimizer, List<Op> updates) {
    updates.add(sigma.assign(tf, optimizer.guarded(tf, sigmaNext, sigma.read())));
    for (int p = 0; p < jacobians.size(); p++) {
      ResourceVariable<T> j = jacobians.get(p);
      updates.add(j.assign(tf, optimizer.guarded(tf, jacobiansNext.get(p), j.read())));
    }
  }
}
