package org.opsvd.solver.neural;

import java.util.Locale;

/** How {@link Laplacians#jet} obtains the gradient and Laplacian of a network. */
public enum LaplacianMethod {
  /** Exact, propagated forward through the layers ({@link Network#forwardJet}); the default. */
  FORWARD,
  /** Exact, nested reverse mode: L·(1+d) gradient calls on {@link Network#value}. */
  AUTODIFF,
  /** Central differences with step h on 2d+1 shifted copies of the batch; error O(h²). */
  FINITE_DIFFERENCE;

  /** Parses {@code forward|autodiff|finite_difference|fd} (case-insensitive). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static LaplacianMethod parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "forward" -> FORWARD;
      case "autodiff" -> AUTODIFF;
      case "finite_difference", "fd" -> FINITE_DIFFERENCE;
      default -> throw new IllegalArgumentException(
          "unknown Laplacian method '" + name + "' (valid: forward, autodiff, finite_difference)");
    };
  }

  @com.fasterxml.jackson.annotation.JsonValue

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
