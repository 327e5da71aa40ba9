package org.opsvd.solver.train;

import java.util.Locale;

/**
 * How a solve decides to end training ({@code --stop}): after exactly the given steps, or once its Ritz values have
 * converged ({@link ConvergenceRule}), with the steps as a cap.
 */
public enum StopMode {
  /** Exactly {@code --steps} steps (the paper reproductions, every experiment file). */
  STEPS,
  /** When the Ritz values have settled to a fraction of their interval widths, at most {@code --steps} steps. */
  CONVERGED;

  /** Parses {@code steps|converged} (case-insensitive). */
  public static StopMode parse(String name) {
    return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
      case "steps" -> STEPS;
      case "converged" -> CONVERGED;
      default -> throw new IllegalArgumentException("unknown stop mode '" + name + "' (expected converged or steps)");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
