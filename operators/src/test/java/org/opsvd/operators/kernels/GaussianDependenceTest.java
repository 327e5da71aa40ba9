package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

class GaussianDependenceTest {

    private static double bivariateDensity(double x, double y, double rho) {
        double q = 1 - rho * rho;
        return Math.exp(-(x * x - 2 * rho * x * y + y * y) / (2 * q)) / (2 * Math.PI * Math.sqrt(q));
    }

    private static double normal(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    @Test
    void kernelIsTheDensityRatioAndMehlersSeries() {
        for (double rho : new double[] {0.6, -0.6, 0.0}) {
            GaussianDependence t = new GaussianDependence(rho);
            SingularSystem s = t.exact().orElseThrow();
            for (double x = -2.5; x <= 2.5; x += 0.5) {
                for (double y = -2.5; y <= 2.5; y += 0.5) {
                    double k = t.kernel(new double[] {x}, new double[] {y});
                    assertEquals(bivariateDensity(x, y, rho) / (normal(x) * normal(y)), k, 1e-12 * Math.max(1, k));
                    double series = 0;
                    for (int n = 0; n < 120; n++) {
                        series += s.singularValue(n) * s.left(n, new double[] {x}) * s.right(n, new double[] {y});
                    }
                    assertEquals(k, series, 1e-10 * Math.max(1, k), "rho=" + rho + " x=" + x + " y=" + y);
                }
            }
        }
    }

    @Test
    void singularPairsSatisfyTvEqualsSigmaUByQuadrature() {
        // trapezoid on [−12, 12], h = 0.01, weight N(0,1): T v_k = σ_k u_k with σ_k = |ρ|^k ≥ 0, to 1e-10
        for (double rho : new double[] {0.7, -0.7}) {
            GaussianDependence t = new GaussianDependence(rho);
            SingularSystem s = t.exact().orElseThrow();
            for (int k = 0; k <= 8; k++) {
                for (double x = -2; x <= 2; x += 0.5) {
                    double sum = 0;
                    for (double y = -12; y <= 12.0001; y += 0.01) {
                        sum += 0.01 * normal(y) * t.kernel(new double[] {x}, new double[] {y}) * s.right(k, new double[] {y});
                    }
                    assertEquals(Math.pow(Math.abs(rho), k), s.singularValue(k), 1e-15);
                    assertEquals(s.singularValue(k) * s.left(k, new double[] {x}), sum, 1e-10, "rho=" + rho + " k=" + k);
                }
            }
        }
    }

    @Test
    void pairedSamplesHaveTheCorrelationAndTheSingularCrossMoments() {
        GaussianDependence t = new GaussianDependence(-0.5);
        SingularSystem s = t.exact().orElseThrow();
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        t.samplePairs(new Well19937c(7), x, y, n);
        double xy = 0;
        double[] cross = new double[4];
        for (int i = 0; i < n; i++) {
            xy += x[i] * y[i];
            for (int k = 0; k < 4; k++) {
                cross[k] += s.left(k, new double[] {x[i]}) * s.right(k, new double[] {y[i]});
            }
        }
        // E[XY] = ρ; E[u_k(X) v_k(Y)] = σ_k; standard errors ≤ 0.005 at N = 2e5
        assertEquals(-0.5, xy / n, 0.01);
        for (int k = 0; k < 4; k++) {
            assertEquals(s.singularValue(k), cross[k] / n, 0.02, "k=" + k);
        }
    }

    @Test
    void rejectsCorrelationOutsideTheOpenInterval() {
        assertThrows(IllegalArgumentException.class, () -> new GaussianDependence(1));
        assertThrows(IllegalArgumentException.class, () -> new GaussianDependence(Double.NaN));
    }
}
