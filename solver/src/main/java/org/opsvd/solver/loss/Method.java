package org.opsvd.solver.loss;

import java.util.Locale;

/**
 * The training method of {@code opsvd solve}: NeuralSVD (nested LoRA, {@link NestedLoraLoss}) with either
 * nesting, or one of the two baselines of the NeuralSVD paper, NeuralEF ({@link NeuralEfLoss}, original and
 * μ-EigenGame-like "unbiased" variant) and SpIN ({@link SpinLoss}), and the successor's two sequential OMM
 * losses ({@link OmmLoss}). All learn the top eigenfunctions of the
 * same operator T = a·(−H) + b from the same network outputs F and operator outputs TF (method.md §7.3).
 */
public enum Method {
  /** Spectral Inference Networks (Pfau et al. 2019): Cholesky-whitened trace with the masked gradient. */
  SPIN("spin"),
  /** NeuralEF (Deng et al. 2022), coefficients ⟨φ_i, Tφ_j⟩/⟨φ_i, Tφ_i⟩. */
  NEURALEF("neuralef"),
  /** NeuralEF with μ-EigenGame-like coefficients ⟨φ_i, φ_j⟩ (the variant the reference scripts run). */
  NEURALEF_UNBIASED("neuralef-unbiased"),
  /** NeuralSVD with sequential nesting. */
  NEURALSVD_SEQ("neuralsvd-seq"),
  /** NeuralSVD with joint nesting. */
  NEURALSVD_JOINT("neuralsvd-joint"),
  /** Orbital minimization method with sequential nesting (Ryu, Zhou, Wornell 2025). */
  OMM("omm"),
  /** Sanger's rule (generalized Hebbian algorithm) form of sequential OMM (Ryu, Zhou, Wornell 2025). */
  SANGER_OMM("sanger-omm");

  private final String label;

  Method(String label) {
    this.label = label;
  }

  /**
   * Parses {@code spin|neuralef|neuralef-unbiased|neuralsvd-seq|neuralsvd-joint|omm|sanger-omm} (case-insensitive; '_' may
   * stand for '-'). The nesting names {@code seq|sequential|jnt|joint} of older run configurations (the field
   * {@code nesting}) are read as the NeuralSVD method with that nesting.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Method parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Method m : values()) {
      if (m.label.equals(t)) return m;
    }
    return switch (t) {
      case "seq", "sequential", "neuralsvd-sequential" -> NEURALSVD_SEQ;
      case "jnt", "joint", "neuralsvd-jnt" -> NEURALSVD_JOINT;
      default -> throw new IllegalArgumentException("unknown method '" + text
          + "' (expected spin, neuralef, neuralef-unbiased, neuralsvd-seq, neuralsvd-joint, omm or sanger-omm)");
    };
  }

  /** True for the two NeuralSVD methods, whose squared norms ‖f_l‖² estimate the eigenvalues of T. */
  public boolean isNeuralSvd() {
    return this == NEURALSVD_SEQ || this == NEURALSVD_JOINT;
  }

  /** The nesting of a NeuralSVD method. */
  public Nesting nesting() {
    return switch (this) {
      case NEURALSVD_SEQ -> Nesting.SEQUENTIAL;
      case NEURALSVD_JOINT -> Nesting.JOINT;
      default -> throw new IllegalStateException(label + " has no nesting");
    };
  }

  /** The command-line name. */
  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String toString() {
    return label;
  }
}
