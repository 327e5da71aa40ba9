package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.polynomials.PolynomialsUtils;
import org.hipparchus.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

/** The recurrence against independent forms, to 1e-12 relative to the sum of absolute terms. */
class AssociatedLaguerreTest {

    @Test
    void alphaZeroIsHipparchusPlainLaguerre() {
        for (int k = 0; k <= 15; k++) {
            for (double x = 0; x < 20; x += 0.9) {
                double want = PolynomialsUtils.createLaguerrePolynomial(k).value(x);
                // Hipparchus sums monomials, so compare relative to Σ|terms| = L_k(−x)
                double scale = PolynomialsUtils.createLaguerrePolynomial(k).value(-x);
                assertEquals(want, AssociatedLaguerre.value(k, 0, x), 1e-12 * scale, "k=" + k + " x=" + x);
            }
        }
    }

    @Test
    void integerAlphaMatchesTheExplicitSum() {
        // L_k^{(α)}(x) = Σ_{i=0}^{k} (−1)^i C(k+α, k−i) x^i / i!
        for (int alpha = 1; alpha <= 8; alpha++) {
            for (int k = 0; k <= 12; k++) {
                for (double x = 0; x < 25; x += 1.3) {
                    double sum = 0, abs = 0;
                    for (int i = 0; i <= k; i++) {
                        double term = CombinatoricsUtils.binomialCoefficientDouble(k + alpha, k - i)
                                * Math.pow(x, i) / CombinatoricsUtils.factorialDouble(i);
                        sum += (i % 2 == 0 ? 1 : -1) * term;
                        abs += term;
                    }
                    assertEquals(sum, AssociatedLaguerre.value(k, alpha, x), 1e-12 * abs, "k=" + k + " α=" + alpha);
                }
            }
        }
    }

    @Test
    void envelopedFormIsTheDirectProductWhereThatIsRepresentable() {
        // x^p e^{−x/2} L_k^{(α)}(x) against the plain product; 1e-13 relative to |x^p e^{−x/2}|·L_k^{(α)}(−x)
        // (the sum of absolute terms, so cancellation near roots does not count against the log-space form).
        for (int k = 0; k <= 20; k++) {
            for (int p = 0; p <= 6; p++) {
                for (double x = 0; x < 120; x += 1.7) {
                    double envelope = Math.pow(x, p) * Math.exp(-x / 2);
                    double want = envelope * AssociatedLaguerre.value(k, 2 * p + 1, x);
                    double scale = envelope * AssociatedLaguerre.value(k, 2 * p + 1, -x);
                    assertEquals(want, AssociatedLaguerre.withEnvelope(k, 2 * p + 1, p, x), 1e-13 * scale,
                            "k=" + k + " p=" + p + " x=" + x);
                }
            }
        }
    }

    @Test
    void envelopedFormStaysFiniteWhereTheFactorsDoNot() {
        // At x = 1e300 the product e^{−x/2}·L_k (≈ 0·∞) is NaN; the enveloped form is 0. At x = 1800,
        // e^{−x/2} ≈ 1e−391 underflows but x^30 e^{−x/2} L_40 ≈ e^{−207} is representable.
        assertTrue(Double.isNaN(Math.exp(-0.5e300) * AssociatedLaguerre.value(3, 1, 1e300)));
        assertEquals(0, AssociatedLaguerre.withEnvelope(3, 1, 0, 1e300), 0);
        assertEquals(0, AssociatedLaguerre.withEnvelope(60, 5, 4, Double.POSITIVE_INFINITY), 0);
        double log = 30 * Math.log(1800) - 900 + Math.log(AssociatedLaguerre.value(40, 61, 1800));
        assertEquals(Math.exp(log), AssociatedLaguerre.withEnvelope(40, 61, 30, 1800), 1e-12 * Math.exp(log));
        assertEquals(1, AssociatedLaguerre.withEnvelope(0, 1, 0, 0), 0);
        assertEquals(0, AssociatedLaguerre.withEnvelope(2, 3, 1, 0), 0);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> AssociatedLaguerre.withEnvelope(1, 1, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> AssociatedLaguerre.withEnvelope(1, 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> AssociatedLaguerre.withEnvelope(1, -2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> AssociatedLaguerre.value(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> AssociatedLaguerre.value(2, -1, 1));
    }
}
