package org.opsvd.solver.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A training objective on the same interface as NeuralSVD: from the network outputs F [B, L] (differentiable)
 * and the operator outputs TF [B, L] (values only) of one batch, it builds the {@link LossTerms}, whose
 * output gradient G is injected at the outputs, θ ← θ − step(J_θ(F)ᵀG). Implemented by
 * {@link NestedLoraLoss}, {@link NeuralEfLoss}, {@link OmmLoss} and {@link SpinLoss} (whose moving averages need graph state
 * beyond this interface: see {@code train.SpinState}).
 */
public interface TrainingLoss {

  /** Number of learned functions L. */
  int outputs();

  /** Builds the terms of one batch (B even: the estimators use two half batches). */
  <T extends TFloating> LossTerms<T> build(Ops tf, Operand<T> f, Operand<T> operatorOutputs);
}
