package org.opsvd.operators.spectra;

/**
 * Generalised (associated) Laguerre polynomials L_k^{(α)}(x), α &gt; −1, by the three-term recurrence
 * L_0 = 1, L_1 = 1 + α − x, (j+1)·L_{j+1} = (2j + 1 + α − x)·L_j − (j + α)·L_{j−1}.
 * Normalised so that L_k^{(α)}(0) = C(k+α, k); orthogonal for the weight x^α e^{−x} on [0, ∞).
 */
public final class AssociatedLaguerre {

    /**
     * Beyond this x the enveloped form is 0: |L_k^{(α)}(x)| ≤ C(k+α, k)(1+x)^k, so x^p e^{−x/2}|L| is below
     * e^{−x/2 + (k+p)·ln(1+x) + (k+α)·ln 2}, far under the smallest double for any int k, p and α &lt; 2^31.
     */
    private static final double NEGLIGIBLE_BEYOND = 0x1p1000;

    private AssociatedLaguerre() {
    }

    /** L_k^{(α)}(x). */
    public static double value(int k, double alpha, double x) {
        Scaled l = scaled(k, alpha, x);
        return Math.scalb(l.mantissa(), l.exponent());
    }

    /**
     * x^p·e^{−x/2}·L_k^{(α)}(x) for x ≥ 0 (the shape of the hydrogen radial functions, with x = 2κr), finite for
     * every x: the product is formed in log space from a recurrence rescaled by powers of two, so a large L_k
     * (≈ x^k/k!) and a vanishing e^{−x/2} never meet as ∞·0. Relative accuracy ≈ ε·(p·|ln x| + x/2), e.g. 1e-14 at x = 100.
     *
     * @param power p ≥ 0 (x^0 = 1 at x = 0)
     */
    public static double withEnvelope(int k, double alpha, int power, double x) {
        if (!(x >= 0) || power < 0) {
            throw new IllegalArgumentException("Laguerre envelope needs x ≥ 0 and p ≥ 0, got x=" + x + ", p=" + power);
        }
        requireValid(k, alpha);
        if (x > NEGLIGIBLE_BEYOND || (power > 0 && x == 0)) {
            return 0;
        }
        Scaled l = scaled(k, alpha, x);
        if (l.mantissa() == 0) {
            return 0;
        }
        double log = (power == 0 ? 0 : power * Math.log(x)) - 0.5 * x + Math.log(Math.abs(l.mantissa()))
                + l.exponent() * Math.log(2);
        return Math.copySign(Math.exp(log), l.mantissa());
    }

    /** L_k^{(α)}(x) = mantissa·2^exponent. */
    private record Scaled(double mantissa, int exponent) {
    }

    private static Scaled scaled(int k, double alpha, double x) {
        requireValid(k, alpha);
        double previous = 1;
        if (k == 0) {
            return new Scaled(previous, 0);
        }
        double current = 1 + alpha - x;
        int exponent = 0;
        for (int j = 1; j < k; j++) {
            int e = Math.getExponent(Math.max(Math.abs(previous), Math.abs(current)));
            if (e > 0) {   // exact rescaling below 2, so that this step cannot overflow for x ≤ 2^1000
                previous = Math.scalb(previous, -e);
                current = Math.scalb(current, -e);
                exponent += e;
            }
            double next = ((2 * j + 1 + alpha - x) * current - (j + alpha) * previous) / (j + 1);
            previous = current;
            current = next;
        }
        return new Scaled(current, exponent);
    }

    private static void requireValid(int k, double alpha) {
        if (k < 0) {
            throw new IllegalArgumentException("Laguerre degree must be ≥ 0, got " + k);
        }
        if (!(alpha > -1)) {
            throw new IllegalArgumentException("Laguerre parameter must be > -1, got " + alpha);
        }
    }
}
