package org.opsvd.solver.eval;

/**
 * A number estimated from samples with its standard error (the estimated standard deviation of the estimator,
 * same units as the value; 0 for a deterministic quadrature, where only discretisation error remains).
 *
 * @param value         the estimate
 * @param standardError its standard error, finite and ≥ 0
 */
public record Estimate(double value, double standardError) {

    public Estimate {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("estimate is not finite: " + value);
        }
        if (!(standardError >= 0) || !Double.isFinite(standardError)) {
            throw new IllegalArgumentException("standard error must be finite and ≥ 0, got " + standardError);
        }
    }

    /** value − z·standardError. */
    public double lower(double z) {
        return value - z * standardError;
    }

    /** value + z·standardError. */
    public double upper(double z) {
        return value + z * standardError;
    }

    /** (value − reference) / standardError: the z-score of a known reference (±∞ or NaN when the error is 0). */
    public double zScore(double reference) {
        return (value - reference) / standardError;
    }

    @Override
    public String toString() {
        return value + " ± " + standardError;
    }
}
