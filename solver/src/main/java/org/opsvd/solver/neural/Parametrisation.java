package org.opsvd.solver.neural;

import java.util.Locale;

/** How the L outputs of an {@link Mlp} share weights. */
public enum Parametrisation {
  /** One MLP whose last layer has L outputs (kernels [in, out], biases [out]). */
  SHARED,
  /**
   * L independent MLPs with one output each, evaluated together: kernels stacked [L, in, out],
   * biases [L, out], hidden layers contracted with one batched einsum per layer.
   */
  DISJOINT;

  /** Parses {@code shared|disjoint} (case-insensitive). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Parametrisation parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "shared" -> SHARED;
      case "disjoint", "parallel" -> DISJOINT;
      default -> throw new IllegalArgumentException(
          "unknown parametrisation '" + name + "' (valid: shared, disjoint)");
    };
  }

  @com.fasterxml.jackson.annotation.JsonValue

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
