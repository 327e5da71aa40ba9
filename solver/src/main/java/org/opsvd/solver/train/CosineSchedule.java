package org.opsvd.solver.train;

/**
 * Cosine learning-rate annealing to zero over {@code steps} steps (stepped every iteration, as in
 * the reference code): lr(t) = lr₀ · ½(1 + cos(π t / T)) for t = 0..T−1; constant lr₀ when disabled.
 */
public record CosineSchedule(double initial, int steps, boolean enabled) implements LearningRateSchedule {
  public CosineSchedule {
    if (!(initial > 0) || !Double.isFinite(initial)) {
      throw new IllegalArgumentException("learning rate must be positive and finite, got " + initial);
    }
    if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
  }

  @Override
  public double at(int t) {
    return enabled ? initial * 0.5 * (1 + Math.cos(Math.PI * t / steps)) : initial;
  }
}
