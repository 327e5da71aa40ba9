package org.opsvd.solver.train;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * A reason to end training before the last step, polled once per step; {@link #reason} is what the run reports
 * ({@code stop_reason} in {@code summary.json}). A plain {@link BooleanSupplier} (Ctrl-C) reports "interrupted".
 */
public interface StopCondition extends BooleanSupplier {

  /** Why training stopped at {@code step}. */
  String reason(int step);

  /** Whether stopping here is the run's normal end (a stop rule's), not an interruption; false unless overridden. */
  default boolean finishesRun() {
    return false;
  }

  /**
   * True once {@code seconds} of wall-clock time have passed since the first poll (the first training step): a
   * time budget. The learning-rate schedule still spans all steps, so the stop comes before its annealed end.
   *
   * @throws IllegalArgumentException unless seconds &gt; 0 and finite
   */
  static StopCondition timeBudget(double seconds) {
    if (!(seconds > 0) || !Double.isFinite(seconds)) {
      throw new IllegalArgumentException("--time-budget must be a positive number of seconds, got " + seconds);
    }
    return new StopCondition() {
      private long start = -1;

      @Override
      public boolean getAsBoolean() {
        long now = System.nanoTime();
        if (start < 0) start = now;
        return (now - start) * 1e-9 >= seconds;
      }

      @Override
      public String reason(int step) {
        return String.format(Locale.ROOT, "time budget of %.3g s spent after %d steps", seconds, step);
      }
    };
  }

  /** The first of several conditions to hold, reporting its own reason. */
  static StopCondition any(BooleanSupplier... conditions) {
    return new StopCondition() {
      private BooleanSupplier fired;

      @Override
      public boolean getAsBoolean() {
        for (BooleanSupplier c : conditions) {
          if (c.getAsBoolean()) {
            fired = c;
            return true;
          }
        }
        return false;
      }

      @Override
      public String reason(int step) {
        return reasonOf(fired, step);
      }

      @Override
      public boolean finishesRun() {
        return fired instanceof StopCondition s && s.finishesRun();
      }
    };
  }

  /** The reason of a condition that fired: its own for a StopCondition, "interrupted" otherwise. */
  static String reasonOf(BooleanSupplier condition, int step) {
    return condition instanceof StopCondition s ? s.reason(step) : "interrupted after " + step + " steps";
  }
}
