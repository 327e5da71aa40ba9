package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> AssociatedLaguerre.value(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> AssociatedLaguerre.value(2, -1, 1));
    }
}
