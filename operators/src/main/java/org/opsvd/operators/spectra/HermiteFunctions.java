package org.opsvd.operators.spectra;

/**
 * Normalised Hermite functions, the eigenfunctions of the 1D oscillator −c·d²/dx² + ½ω²x²:
 * ψ_n(x) = (b/π)^{1/4} (2^n n!)^{−1/2} e^{−b x²/2} H_n(√b·x), b = ω/√(2c) (bohr⁻²), ∫ψ_n² dx = 1.
 *
 * <p>Evaluated with ξ = √b·x by the three-term recurrence on the normalised functions,
 * ψ_{k+1} = √(2/(k+1))·ξ·ψ_k − √(k/(k+1))·ψ_{k−1}, carried without the Gaussian factor and rescaled
 * by powers of 10^150 (the exponent kept as a logarithm), so there is no overflow, no cancellation of
 * large polynomial coefficients, and no premature underflow of e^{−ξ²/2}; fine for n in the thousands.
 * Immutable.
 */
public final class HermiteFunctions {

    private static final double BIG = 1e150;
    private static final double LOG_BIG = Math.log(BIG);

    private final double b;

    /** @param b the inverse squared length b &gt; 0 (bohr⁻²) */
    public HermiteFunctions(double b) {
        this.b = Args.requirePositive("Hermite scale b", b);
    }

    /** The eigenfunctions of −c·d²/dx² + ½ω²x², b = ω/√(2c). */
    public static HermiteFunctions forOscillator(double omega, double kinetic) {
        return new HermiteFunctions(Args.requirePositive("frequency", omega)
                / Math.sqrt(2 * Args.requirePositive("kinetic coefficient", kinetic)));
    }

    /** The scale b. */
    public double scale() {
        return b;
    }

    /** ψ_n(x). */
    public double value(int n, double x) {
        return values(n, x)[n];
    }

    /** (ψ_0(x), …, ψ_nMax(x)). */
    public double[] values(int nMax, double x) {
        if (nMax < 0) {
            throw new IllegalArgumentException("Hermite index must be ≥ 0, got " + nMax);
        }
        double xi = Math.sqrt(b) * x;
        double logPrefactor = 0.25 * Math.log(b / Math.PI) - 0.5 * xi * xi;
        double[] out = new double[nMax + 1];
        double factor = Math.exp(logPrefactor);
        double previous = 0;
        double current = 1;
        out[0] = factor;
        for (int k = 0; k < nMax; k++) {
            double next = Math.sqrt(2.0 / (k + 1)) * xi * current - Math.sqrt((double) k / (k + 1)) * previous;
            previous = current;
            current = next;
            if (Math.abs(current) > BIG) {
                current /= BIG;
                previous /= BIG;
                logPrefactor += LOG_BIG;
                factor = Math.exp(logPrefactor);
            }
            out[k + 1] = current * factor;
        }
        return out;
    }

    /** ψ_n'(x) = √b·(√(n/2)·ψ_{n−1} − √((n+1)/2)·ψ_{n+1}). */
    public double derivative(int n, double x) {
        double[] v = values(n + 1, x);
        double lower = n > 0 ? Math.sqrt(n / 2.0) * v[n - 1] : 0;
        return Math.sqrt(b) * (lower - Math.sqrt((n + 1) / 2.0) * v[n + 1]);
    }

    /** ψ_n''(x) = b·(b x² − (2n+1))·ψ_n(x), from the Hermite differential equation. */
    public double secondDerivative(int n, double x) {
        return b * (b * x * x - (2 * n + 1)) * value(n, x);
    }
}
