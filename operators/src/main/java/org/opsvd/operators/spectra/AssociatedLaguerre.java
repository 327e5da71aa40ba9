package org.opsvd.operators.spectra;

/**
 * Generalised (associated) Laguerre polynomials L_k^{(α)}(x), α &gt; −1, by the three-term recurrence
 * L_0 = 1, L_1 = 1 + α − x, (j+1)·L_{j+1} = (2j + 1 + α − x)·L_j − (j + α)·L_{j−1}.
 * Normalised so that L_k^{(α)}(0) = C(k+α, k); orthogonal for the weight x^α e^{−x} on [0, ∞).
 */
public final class AssociatedLaguerre {

    private AssociatedLaguerre() {
    }

    /** L_k^{(α)}(x). */
    public static double value(int k, double alpha, double x) {
        if (k < 0) {
            throw new IllegalArgumentException("Laguerre degree must be ≥ 0, got " + k);
        }
        if (!(alpha > -1)) {
            throw new IllegalArgumentException("Laguerre parameter must be > -1, got " + alpha);
        }
        double previous = 1;
        if (k == 0) {
            return previous;
        }
        double current = 1 + alpha - x;
        for (int j = 1; j < k; j++) {
            double next = ((2 * j + 1 + alpha - x) * current - (j + alpha) * previous) / (j + 1);
            previous = current;
            current = next;
        }
        return current;
    }
}
