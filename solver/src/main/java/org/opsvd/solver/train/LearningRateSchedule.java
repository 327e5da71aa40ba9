package org.opsvd.solver.train;

/** The learning rate of each optimiser step: a fixed {@link CosineSchedule}, or one a stop rule ends ({@link ConvergenceStop}). */
@FunctionalInterface
public interface LearningRateSchedule {

  /** The learning rate of step t (0-based). */
  double at(int t);
}
