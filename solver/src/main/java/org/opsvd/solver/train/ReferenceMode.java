package org.opsvd.solver.train;

import java.util.Locale;

/**
 * What a neural solve is checked against ({@code --reference}). The reference is validation only: the solve
 * itself never needs it (without one, the operator mapping comes from {@link GalerkinLevels}).
 */
public enum ReferenceMode {
  /** The exact spectrum when known, else finite differences when d ≤ 3, else none. */
  AUTO,
  /** The exact spectrum (refused when none is known). */
  EXACT,
  /** Finite differences on a grid (d ≤ 3). */
  FD,
  /** No reference: eigenvalues are reported with no errors against anything. */
  NONE;

  /** Parses {@code auto|exact|fd|none} (case-insensitive; {@code finite-difference} for fd). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static ReferenceMode parse(String name) {
    return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "exact" -> EXACT;
      case "fd", "finite-difference", "finite_difference" -> FD;
      case "none" -> NONE;
      default -> throw new IllegalArgumentException("unknown reference '" + name
          + "' (expected auto, exact, fd or none)");
    };
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
