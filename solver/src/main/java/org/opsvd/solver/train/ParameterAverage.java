package org.opsvd.solver.train;

/**
 * Exponential moving average of the parameters, used for evaluation:
 * θ̄ ← δ_t θ̄ + (1 − δ_t) θ after step t, with the warm-up δ_t = min(δ, (1 + t)/(10 + t))
 * (torch_ema's default, used by the reference code with δ = 0.995). δ = 0 disables averaging.
 */
public record ParameterAverage(double decay) {
  public ParameterAverage {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + decay);
    }
  }

  /** δ_t for the update after step t (0-based). */
  public double decayAt(long t) {
    return Math.min(decay, (1.0 + t) / (10.0 + t));
  }
}
