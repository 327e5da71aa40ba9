package org.opsvd.operators.dynamics;

/**
 * Implied timescales of a transfer operator over a lag τ: t_k = −τ/ln σ_k for its singular values σ_k, in the
 * time units of τ. For reversible dynamics σ_k = e^{ν_k τ} and t_k = 1/|ν_k| does not depend on τ (a check of
 * Markovianity and of the estimate when plotted against τ). The constant mode (σ_0 = 1) has t_0 = ∞ and is not
 * listed; a σ_k ≥ 1 (no decay resolved) or ≤ 0 (no correlation left at this lag) has no finite timescale and gives
 * NaN.
 */
public final class ImpliedTimescales {

    private ImpliedTimescales() {
    }

    /** t_k = −τ/ln σ_k for each σ_k in (0, 1), NaN otherwise. */
    public static double[] of(double[] singularValues, double lag) {
        if (!(lag > 0)) {
            throw new IllegalArgumentException("the lag must be positive, got " + lag);
        }
        double[] t = new double[singularValues.length];
        for (int k = 0; k < t.length; k++) {
            double s = singularValues[k];
            t[k] = s > 0 && s < 1 ? -lag / Math.log(s) : Double.NaN;
        }
        return t;
    }
}
