package org.opsvd.solver.train;

import java.util.Locale;

/**
 * An optimiser and its hyperparameters, with PyTorch's update rules (so the reference code's
 * settings carry over unchanged). For a parameter θ with gradient g at step t = 1, 2, …:
 * <ul>
 *   <li>RMSprop: v ← ρv + (1−ρ)g²; θ ← θ − lr·g/(√v + ε) (reference: lr 1e-4, ρ 0.999, ε 1e-10);</li>
 *   <li>Adam: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 *       θ ← θ − lr·(m/(1−β₁ᵗ))/(√(v/(1−β₂ᵗ)) + ε).</li>
 * </ul>
 * Slots start at zero. The bias corrections are computed in Java and fed each step, so the graph
 * holds no step counter.
 */
public record OptimizerSpec(Kind kind, double beta1, double beta2, double epsilon) {

  /** The update rule, named {@code rmsprop} or {@code adam} in configurations. */
  public enum Kind {
    RMSPROP, ADAM;

    /** Parses {@code rmsprop} or {@code adam} (case-insensitive). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Kind parse(String name) {
      return OptimizerSpec.parse(name).kind();
    }

    /** The rule with its default constants ({@link #adam()}, {@link #rmsprop()}). */
    public OptimizerSpec spec() {
      return this == ADAM ? adam() : rmsprop();
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public OptimizerSpec {
    if (kind == null) throw new IllegalArgumentException("optimizer kind is required");
    if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("decay/beta2 must be in [0,1), got " + beta2);
    if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0,1), got " + beta1);
    if (!(epsilon > 0)) throw new IllegalArgumentException("optimizer epsilon must be positive, got " + epsilon);
  }

  /** RMSprop with the reference code's ρ = 0.999, ε = 1e-10. */
  public static OptimizerSpec rmsprop() {
    return new OptimizerSpec(Kind.RMSPROP, 0, 0.999, 1e-10);
  }

  /** Adam with β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
  public static OptimizerSpec adam() {
    return new OptimizerSpec(Kind.ADAM, 0.9, 0.999, 1e-8);
  }

  /** {@code rmsprop} or {@code adam}. */
  public static OptimizerSpec parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "rmsprop" -> rmsprop();
      case "adam" -> adam();
      default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (expected adam or rmsprop)");
    };
  }

  /** Number of slot tensors per parameter (v for RMSprop; m and v for Adam). */
  public int slots() {
    return kind == Kind.ADAM ? 2 : 1;
  }

  /** 1 − β₁ᵗ for step t ≥ 1 (1 for RMSprop). */
  public double firstCorrection(long t) {
    return kind == Kind.ADAM ? 1 - Math.pow(beta1, t) : 1;
  }

  /** 1 − β₂ᵗ for step t ≥ 1 (1 for RMSprop). */
  public double secondCorrection(long t) {
    return kind == Kind.ADAM ? 1 - Math.pow(beta2, t) : 1;
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
