package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.polynomials.PolynomialsUtils;
import org.hipparchus.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class HermiteFunctionsTest {

    /** b = ω/√(2c) with ω = 1.3, c = 0.8: deliberately not 1. */
    private final HermiteFunctions psi = HermiteFunctions.forOscillator(1.3, 0.8);

    /**
     * Gram matrix G_mn = ∫ψ_m ψ_n dx by Gauss–Hermite (weight e^{−t²}) with x = t/√b:
     * G_mn = b^{−1/2} Σ_j w_j e^{t_j²} ψ_m ψ_n (t_j/√b), exact when 2·points − 1 ≥ m + n.
     */
    private static double[][] gram(HermiteFunctions f, int nMax, int points) {
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(points);
        double sb = Math.sqrt(f.scale());
        double[][] g = new double[nMax + 1][nMax + 1];
        for (int j = 0; j < rule.getNumberOfPoints(); j++) {
            double t = rule.getPoint(j);
            double w = rule.getWeight(j) * Math.exp(t * t) / sb;
            double[] v = f.values(nMax, t / sb);
            for (int m = 0; m <= nMax; m++) {
                for (int n = 0; n <= nMax; n++) {
                    g[m][n] += w * v[m] * v[n];
                }
            }
        }
        return g;
    }

    @Test
    void matchesTheClosedFormWithHermitePolynomialsForSmallN() {
        // ψ_n = (b/π)^{1/4} (2^n n!)^{−1/2} e^{−ξ²/2} H_n(ξ): agreement to 1e-12 (values are O(1))
        double b = psi.scale();
        for (int n = 0; n <= 12; n++) {
            double c = Math.pow(b / Math.PI, 0.25) / Math.sqrt(Math.pow(2, n) * CombinatoricsUtils.factorialDouble(n));
            for (double x = -4; x <= 4; x += 0.37) {
                double xi = Math.sqrt(b) * x;
                double want = c * Math.exp(-xi * xi / 2) * PolynomialsUtils.createHermitePolynomial(n).value(xi);
                assertEquals(want, psi.value(n, x), 1e-12, "n=" + n + " x=" + x);
            }
        }
    }

    @Test
    void orthonormalUpToN60ByGaussHermiteQuadrature() {
        double[][] g = gram(psi, 60, 64);   // exact: 2·64 − 1 ≥ 120
        for (int m = 0; m <= 60; m++) {
            for (int n = 0; n <= 60; n++) {
                assertEquals(m == n ? 1 : 0, g[m][n], 1e-10, "<ψ" + m + ",ψ" + n + ">");
            }
        }
    }

    @Test
    void highDegreesStayNormalised() {
        // Gauss–Hermite rules beyond ~100 points are slow to build, so here: the trapezoid rule with
        // h = 0.02 on [−30, 30], spectrally accurate for these smooth, Gaussian-decaying integrands.
        // ‖ψ_n‖² = 1 and <ψ_100, ψ_120> = 0 to 1e-10.
        HermiteFunctions f = new HermiteFunctions(1);
        double h = 0.02;
        double[] norm = new double[121];
        double cross = 0;
        for (double x = -30; x <= 30; x += h) {
            double[] v = f.values(120, x);
            for (int n = 0; n <= 120; n++) {
                norm[n] += h * v[n] * v[n];
            }
            cross += h * v[100] * v[120];
        }
        for (int n : new int[] {60, 100, 120}) {
            assertEquals(1, norm[n], 1e-10, "‖ψ_" + n + "‖²");
        }
        assertEquals(0, cross, 1e-10);
        // far in the tail, beyond where e^{−ξ²/2} alone underflows: finite, small, no NaN
        double far = f.value(1000, 50);
        assertTrue(Double.isFinite(far) && Math.abs(far) < 1, "ψ_1000(50) = " + far);
    }

    @Test
    void derivativesAgreeWithFiniteDifferences() {
        // 8th-order FD, h = 1e-2: agreement to 1e-8 absolute (|ψ'| ≲ 3)
        for (int n = 0; n <= 15; n++) {
            final int nn = n;
            for (double x = -3.5; x <= 3.5; x += 0.7) {
                double fd1 = FiniteDifference.derivative(t -> psi.value(nn, t), x, 1e-2);
                assertEquals(fd1, psi.derivative(n, x), 1e-8, "ψ'_" + n + "(" + x + ")");
                double fd2 = FiniteDifference.laplacian(p -> psi.value(nn, p[0]), new double[] {x}, 1e-2);
                assertEquals(fd2, psi.secondDerivative(n, x), 1e-7, "ψ''_" + n + "(" + x + ")");
            }
        }
    }

    @Test
    void solveTheOscillatorEquation() {
        // |−c ψ'' + ½ω²x²ψ − Eψ| ≤ 1e-6·E with ψ'' by 8th-order FD, E = √(2c)ω(n+½)
        double omega = 1.3, c = 0.8;
        for (int n = 0; n <= 20; n++) {
            final int nn = n;
            double e = Math.sqrt(2 * c) * omega * (n + 0.5);
            for (double x = -5; x <= 5; x += 0.45) {
                double d2 = FiniteDifference.laplacian(p -> psi.value(nn, p[0]), new double[] {x}, 1e-2);
                double residual = -c * d2 + 0.5 * omega * omega * x * x * psi.value(n, x) - e * psi.value(n, x);
                assertEquals(0, residual, 1e-6 * e, "n=" + n + " x=" + x);
            }
        }
    }
}
