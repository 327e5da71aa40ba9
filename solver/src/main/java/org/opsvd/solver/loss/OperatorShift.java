package org.opsvd.solver.loss;

import java.util.Optional;

/**
 * The operator actually learned, T = a·(−H) + b·I, for a Hamiltonian H with energies E:
 * eigenvalue λ = a·(−E) + b, same eigenfunctions. LoRA only learns the positive part of the spectrum
 * of T (the optimum is the best rank-L PSD approximation), so with a > 0 the lowest energies must map
 * to the top positive eigenvalues and at least L of them must be positive.
 *
 * <p>Examples (code convention H = −Δ + V): 2D hydrogen a = 100, b = 0; 2D oscillator a = 1, b = 16
 * (λ = 16 − (2n + 2), 28 positive eigenvalues counted with degeneracy).
 *
 * @param scale a, finite and non-zero
 * @param shift b, finite
 */
public record OperatorShift(double scale, double shift) {

  public OperatorShift {
    if (!Double.isFinite(scale) || scale == 0.0) {
      throw new IllegalArgumentException("operator scale a must be finite and non-zero, got " + scale);
    }
    if (!Double.isFinite(shift)) {
      throw new IllegalArgumentException("operator shift b must be finite, got " + shift);
    }
  }

  /** No shift, no scale: T = −H. */
  public static OperatorShift identity() {
    return new OperatorShift(1.0, 0.0);
  }

  /**
   * Picks b so that every level E ≤ E_max maps to an eigenvalue ≥ margin: b = a·E_max + margin, so
   * λ(E_max) = margin and λ(E) = margin + a·(E_max − E) for lower levels. Levels above
   * E_max + margin/a map to negative eigenvalues and are not learned.
   *
   * @param scale a > 0 (a negative scale would reverse the order of the levels)
   * @param maxEnergy E_max, the highest wanted energy, finite
   * @param margin the smallest wanted eigenvalue of T, &gt; 0
   */
  public static OperatorShift forLevelsUpTo(double scale, double maxEnergy, double margin) {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale a must be positive and finite so that the lowest "
          + "energies become the largest eigenvalues, got " + scale);
    }
    if (!Double.isFinite(maxEnergy)) {
      throw new IllegalArgumentException("maximum energy must be finite, got " + maxEnergy);
    }
    if (!(margin > 0) || !Double.isFinite(margin)) {
      throw new IllegalArgumentException("margin must be positive and finite, got " + margin);
    }
    return new OperatorShift(scale, scale * maxEnergy + margin);
  }

  /** λ = a·(−E) + b. */
  public double eigenvalueOf(double energy) {
    return scale * (-energy) + shift;
  }

  /** E = −(λ − b)/a, the inverse of {@link #eigenvalueOf}. */
  public double energyOf(double lambda) {
    return -(lambda - shift) / scale;
  }

  /**
   * Number of strictly positive eigenvalues of T for the given energies of H (listed with
   * multiplicity, known or estimated). A level mapping to exactly 0 is not counted.
   */
  public int positiveCount(double[] energies) {
    int count = 0;
    for (double e : energies) {
      if (!Double.isFinite(e)) {
        throw new IllegalArgumentException("energies must be finite, got " + e);
      }
      if (eigenvalueOf(e) > 0) count++;
    }
    return count;
  }

  /**
   * A warning when L exceeds the number of positive eigenvalues of T among {@code energies}, empty
   * otherwise.
   */
  public Optional<String> capturabilityWarning(int outputs, double[] energies) {
    Nesting.requirePositive(outputs);
    int positive = positiveCount(energies);
    if (outputs <= positive) return Optional.empty();
    return Optional.of("L = " + outputs + " functions requested but T = " + this
        + " has only " + positive + " positive eigenvalues among the " + energies.length
        + " given levels; LoRA only learns the positive part of the spectrum, so the remaining "
        + (outputs - positive) + " functions tend to 0 (use L <= " + positive
        + " or a larger shift b)");
  }

  /**
   * Throws when L exceeds the number of positive eigenvalues of T among {@code energies}.
   *
   * @throws IllegalArgumentException with the message of {@link #capturabilityWarning}
   */
  public void requireCapturable(int outputs, double[] energies) {
    capturabilityWarning(outputs, energies).ifPresent(w -> {
      throw new IllegalArgumentException(w);
    });
  }

  @Override
  public String toString() {
    return "T = " + scale + "·(−H) + " + shift;
  }
}
