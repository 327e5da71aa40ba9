package org.opsvd.solver.neural;

import java.util.Locale;

/**
 * The per-axis factor g of a Dirichlet box mask b(x) = Π_i g(x_i)/n on [−ℓ, ℓ]^d ({@link MlpSpec.BoxMask},
 * {@code --mask}), each vanishing at ±ℓ. The network learns ψ/b, so the mask decides how hard that quotient is to
 * represent.
 */
public enum MaskShape {
  /**
   * g(t) = (1 − e^{−(ℓ−t)})(1 − e^{−(t+ℓ)}) (configurations written before the choice). The box states'
   * quotients sin(kπ(t+ℓ)/2ℓ)/g(t) are smooth but no finite sum of the network's easy functions.
   */
  EXPONENTIAL,
  /**
   * g(t) = cos(πt/2ℓ), the free box's ground state along the axis: ψ/b is 1 for the ground state and, for every
   * state Π sin(k_jπ(x_j+ℓ)/2ℓ) of the free box, a polynomial in sin(πx_j/2ℓ) (sin(kθ)/sin θ, θ = π(t+ℓ)/2ℓ, is the
   * Chebyshev polynomial U_{k−1}(cos θ)). The factor's Laplacian is −(π/2ℓ)² times itself.
   */
  COSINE;

  /** Parses {@code exponential|cosine} (also {@code exp}, {@code cos}; case-insensitive). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static MaskShape parse(String name) {
    return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
      case "exponential", "exp" -> EXPONENTIAL;
      case "cosine", "cos" -> COSINE;
      default -> throw new IllegalArgumentException("unknown mask shape '" + name + "' (expected cosine or exponential)");
    };
  }

  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
