package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

/** Real spherical harmonics against closed forms, by quadrature on the sphere and by the sum rule; float64. */
class RealSphericalHarmonicsTest {

    private static final double[][] DIRECTIONS = {{0.3, -0.8, 0.52}, {1, 0, 0}, {0, 0, 1}, {0, 0, -2.5},
        {-1e-9, 2e-9, 1}, {-0.6, -0.1, -0.2}, {1e-200, 0, -1e-200}, {3e200, 1e200, -2e200}};

    @Test
    void matchTheCartesianClosedFormsUpToLTwo() {
        // Textbook real harmonics of a unit vector (x, y, z), no Condon–Shortley phase; 1e-14 absolute.
        double c0 = Math.sqrt(1 / (4 * Math.PI));
        double c1 = Math.sqrt(3 / (4 * Math.PI));
        double c2 = Math.sqrt(15 / (4 * Math.PI));
        for (double[] d : DIRECTIONS) {
            double r = Math.hypot(Math.hypot(d[0], d[1]), d[2]);
            double x = d[0] / r, y = d[1] / r, z = d[2] / r;
            double[][] want = {
                {0, 0, c0},
                {1, 0, c1 * z}, {1, 1, c1 * x}, {1, -1, c1 * y},
                {2, 0, Math.sqrt(5 / (16 * Math.PI)) * (3 * z * z - 1)},
                {2, 1, c2 * x * z}, {2, -1, c2 * y * z},
                {2, 2, c2 / 2 * (x * x - y * y)}, {2, -2, c2 * x * y},
                {3, 0, Math.sqrt(7 / (16 * Math.PI)) * z * (5 * z * z - 3)},
                {3, -3, Math.sqrt(35 / (32 * Math.PI)) * y * (3 * x * x - y * y)},
            };
            for (double[] w : want) {
                assertEquals(w[2], RealSphericalHarmonics.value((int) w[0], (int) w[1], d[0], d[1], d[2]), 1e-14,
                        "l=" + w[0] + " m=" + w[1] + " at " + d[0] + "," + d[1] + "," + d[2]);
            }
        }
    }

    @Test
    void orthonormalOnTheSphereUpToLTwelve() {
        // ∫Y_{l,m}Y_{l',m'} dΩ with dΩ = dt dφ, t = cos θ: 16-point Gauss–Legendre in t (exact for the degree ≤ 24
        // polynomials of equal |m|) × 32-point trapezoid in φ (exact for frequencies ≤ 24 < 32); 1e-13 absolute.
        int lMax = 12;
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(16, -1, 1);
        int angles = 32;
        int count = (lMax + 1) * (lMax + 1);
        double[][] gram = new double[count][count];
        for (int j = 0; j < rule.getNumberOfPoints(); j++) {
            double t = rule.getPoint(j);
            double s = Math.sqrt(1 - t * t);
            for (int a = 0; a < angles; a++) {
                double phi = 2 * Math.PI * a / angles;
                double w = rule.getWeight(j) * 2 * Math.PI / angles;
                double[] y = new double[count];
                for (int l = 0, i = 0; l <= lMax; l++) {
                    for (int m = -l; m <= l; m++) {
                        y[i++] = RealSphericalHarmonics.value(l, m, s * Math.cos(phi), s * Math.sin(phi), t);
                    }
                }
                for (int p = 0; p < count; p++) {
                    for (int q = 0; q < count; q++) {
                        gram[p][q] += w * y[p] * y[q];
                    }
                }
            }
        }
        for (int p = 0; p < count; p++) {
            for (int q = 0; q < count; q++) {
                assertEquals(p == q ? 1 : 0, gram[p][q], 1e-13, "pair " + p + "," + q);
            }
        }
    }

    @Test
    void sumRuleHoldsUpToLSixty() {
        // Unsöld: Σ_m Y_{l,m}(u)² = (2l+1)/(4π) for every direction u, poles included; 1e-13 relative.
        for (double[] d : DIRECTIONS) {
            for (int l = 0; l <= 60; l++) {
                double sum = 0;
                for (int m = -l; m <= l; m++) {
                    double y = RealSphericalHarmonics.value(l, m, d[0], d[1], d[2]);
                    assertTrue(Double.isFinite(y));
                    sum += y * y;
                }
                double want = (2 * l + 1) / (4 * Math.PI);
                assertEquals(want, sum, 1e-13 * want, "l=" + l + " at " + d[0] + "," + d[1] + "," + d[2]);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> RealSphericalHarmonics.value(1, 2, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RealSphericalHarmonics.value(-1, 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RealSphericalHarmonics.value(1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> RealSphericalHarmonics.value(1, 0, Double.NaN, 0, 1));
    }
}
