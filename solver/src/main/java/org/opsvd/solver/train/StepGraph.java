package org.opsvd.solver.train;

import java.util.List;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.types.family.TFloating;

/**
 * One training step as a graph that the driver ({@link Trainer#run}) executes with one {@code Session.run}: what
 * every problem kind implements (eigenproblems: {@link TrainingGraph}; singular problems: {@link SvdTrainingGraph}).
 * The driver feeds the batch ({@link BatchSource}) and the per-step scalars (learning rate, Adam's bias
 * corrections, the moving-average decay), fetches the loss and the diagnostics, and runs the updates.
 */
public interface StepGraph<T extends TFloating> {

  Session session();

  Precision precision();

  OptimizerGraph<T> optimizer();

  /** The moving-average decay δ of θ̄ ← δθ̄ + (1−δ)θ', fed each step. */
  Operand<T> averageDecay();

  /** Optimiser and moving-average updates, run as targets. */
  List<Op> updates();

  /** The scalar loss; a non-finite value skips the step (the updates keep the old values) and ends training. */
  Operand<T> loss();

  /** Per-step vectors fetched after the loss, e.g. squared norms and batch Rayleigh quotients [L]. */
  List<Operand<T>> diagnostics();

  /** Appended to the stop reason when the loss is not finite: what to try. */
  default String divergenceAdvice() {
    return "";
  }
}
