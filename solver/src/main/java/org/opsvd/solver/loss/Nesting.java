package org.opsvd.solver.loss;

import java.util.Locale;

/**
 * How the L learned functions are nested. Both are expressed by a vector mask m (weights of the
 * operator terms) and a matrix mask M (weights of the Gram terms) in
 *
 * <pre>  L(f) = −2 Σ_l m_l ⟨f_l, T f_l⟩ + Σ_{k,l} M_kl ⟨f_k, f_l⟩²,
 *  G_l  = −4 m_l T f_l + 4 Σ_k M_kl ⟨f_k, f_l⟩ f_k   (gradient for f_l).</pre>
 *
 * Indices below are 0-based in code (l = 0..L−1) and 1-based in formulas.
 */
public enum Nesting {
  /**
   * Each f_l follows the gradient of the partial objective L(f_{1:l}) with f_{1:l−1} fixed:
   * m_l = 1, M_kl = 1 iff k ≤ l (upper triangular, not symmetric). Not the gradient of one scalar.
   */
  SEQUENTIAL,
  /**
   * Minimizes Σ_i α_i L(f_{1:i}) with uniform α_i = 1/L: m_l = (L − l + 1)/L and
   * M_kl = min(m_k, m_l) (symmetric).
   */
  JOINT;

  /** Parses {@code seq|sequential|jnt|joint} (case-insensitive). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Nesting parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "seq", "sequential" -> SEQUENTIAL;
      case "jnt", "joint" -> JOINT;
      default -> throw new IllegalArgumentException(
          "unknown nesting '" + text + "' (expected seq, sequential, jnt or joint)");
    };
  }

  /** The vector mask m, length L: all ones (sequential) or m_l = (L − l + 1)/L (joint). */
  public double[] vectorMask(int outputs) {
    requirePositive(outputs);
    double[] m = new double[outputs];
    for (int l = 0; l < outputs; l++) {
      m[l] = this == SEQUENTIAL ? 1.0 : (double) (outputs - l) / outputs;
    }
    return m;
  }

  /**
   * The matrix mask M, L×L, indexed [k][l]: sequential M_kl = 1 iff k ≤ l (upper triangular ones);
   * joint M_kl = min(m_k, m_l).
   */
  public double[][] matrixMask(int outputs) {
    double[] m = vectorMask(outputs);
    double[][] mm = new double[outputs][outputs];
    for (int k = 0; k < outputs; k++) {
      for (int l = 0; l < outputs; l++) {
        mm[k][l] = this == SEQUENTIAL ? (k <= l ? 1.0 : 0.0) : Math.min(m[k], m[l]);
      }
    }
    return mm;
  }

  static void requirePositive(int outputs) {
    if (outputs < 1) {
      throw new IllegalArgumentException("number of outputs L must be at least 1, got " + outputs);
    }
  }

  @com.fasterxml.jackson.annotation.JsonValue

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
