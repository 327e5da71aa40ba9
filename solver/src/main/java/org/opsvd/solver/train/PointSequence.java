package org.opsvd.solver.train;

import java.util.Locale;

/**
 * How a training batch's points are drawn ({@code --sequence}): independently, or as randomised quasi-Monte Carlo
 * points ({@link QuasiRandomDraws}). Both give unbiased batch means of the loss's moment matrices; the second has
 * a smaller variance for their smooth integrands, so less gradient noise at the same batch size.
 */
public enum PointSequence {
  /** B independent draws from the density (configurations written before this choice). */
  RANDOM,
  /**
   * Two halves of B/2 points, each the first B/2 Sobol points under its own random digital shift (drawn anew each
   * step), mapped through the density's inverse CDF: the halves stay independent, as the losses' estimators need.
   */
  SOBOL;

  /** Parses {@code random|sobol} (case-insensitive). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static PointSequence parse(String name) {
    return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
      case "random", "iid" -> RANDOM;
      case "sobol", "qmc" -> SOBOL;
      default -> throw new IllegalArgumentException("unknown point sequence '" + name + "' (expected sobol or random)");
    };
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
