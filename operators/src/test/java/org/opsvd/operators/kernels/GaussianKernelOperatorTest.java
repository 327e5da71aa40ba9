package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianKernelOperatorTest {

    /** σ = 1.3, ℓ = 0.7: deliberately not 1. */
    private final GaussianKernelOperator op = new GaussianKernelOperator(1, 0.7, 1.3);
    private final SingularSystem s = op.exact().orElseThrow();

    /**
     * Trapezoid nodes y_j on [−12σ, 12σ] with weights h·p(y_j), p the N(0,σ²) density: spectrally accurate
     * for the analytic, Gaussian-decaying integrands here (the truncated tails are below e^{−72}).
     */
    private static double[][] rule(double sigma, double h) {
        int n = (int) Math.round(24 * sigma / h) + 1;
        double[][] r = new double[2][n];
        Measure rho = new Measure.Gaussian(1, sigma);
        for (int j = 0; j < n; j++) {
            r[0][j] = -12 * sigma + j * h;
            r[1][j] = h * rho.density(new double[] {r[0][j]});
        }
        return r;
    }

    @Test
    void mehlerEigenpairsSatisfyTheEigenEquationTo1e10() {
        double[][] q = rule(1.3, 0.01);
        for (int k = 0; k <= 10; k++) {
            for (double x = -3; x <= 3; x += 0.5) {
                double tphi = 0;
                for (int j = 0; j < q[0].length; j++) {
                    tphi += q[1][j] * op.kernel(new double[] {x}, new double[] {q[0][j]}) * op.eigenfunction1d(k, q[0][j]);
                }
                assertEquals(s.singularValue(k) * s.left(k, new double[] {x}), tphi, 1e-10, "k=" + k + " x=" + x);
            }
        }
    }

    @Test
    void eigenfunctionsAreOrthonormalInL2RhoTo1e10() {
        double[][] q = rule(1.3, 0.01);
        int max = 15;
        double[][] g = new double[max + 1][max + 1];
        for (int j = 0; j < q[0].length; j++) {
            double[] v = new double[max + 1];
            for (int m = 0; m <= max; m++) {
                v[m] = op.eigenfunction1d(m, q[0][j]);
            }
            for (int m = 0; m <= max; m++) {
                for (int n = 0; n <= max; n++) {
                    g[m][n] += q[1][j] * v[m] * v[n];
                }
            }
        }
        for (int m = 0; m <= max; m++) {
            for (int n = 0; n <= max; n++) {
                assertEquals(m == n ? 1 : 0, g[m][n], 1e-10, "<φ" + m + ",φ" + n + ">");
            }
        }
    }

    @Test
    void eigenvaluesSumToTheTrace() {
        // Σ_k λ_k = ∫ k(x,x) dρ = 1 (a geometric series, to rounding)
        double sum = 0;
        for (int k = 0; k < 400; k++) {
            sum += s.singularValue(k);
        }
        assertEquals(1, sum, 1e-12);
        assertTrue(op.selfAdjoint());
    }

    @Test
    void inTwoDimensionsEigenpairsAreProductsOrderedByTotalDegreeWithDegenerateGroups() {
        GaussianKernelOperator op2 = new GaussianKernelOperator(2, 0.7, 1.3);
        SingularSystem s2 = op2.exact().orElseThrow();
        assertArrayEquals(new int[] {0, 0}, op2.multiIndex(0));
        assertArrayEquals(new int[] {1, 0}, op2.multiIndex(1));
        assertArrayEquals(new int[] {0, 1}, op2.multiIndex(2));
        assertArrayEquals(new int[] {2, 0}, op2.multiIndex(3));
        assertArrayEquals(new int[] {0, 3}, op2.multiIndex(9));
        assertArrayEquals(new int[] {2, 0, 1}, new GaussianKernelOperator(3, 1, 1).multiIndex(12));
        assertArrayEquals(new int[] {1, 2, 0}, new GaussianKernelOperator(3, 1, 1).multiIndex(13));
        assertArrayEquals(new int[] {1, 2, 3, 4}, s2.groups(10).sizes());
        assertArrayEquals(new int[] {1, 3, 6, 10}, new GaussianKernelOperator(3, 1, 1).exact().orElseThrow()
                .groups(20).sizes());
        double[] x = {0.3, -1.1};
        for (int k = 0; k < 15; k++) {
            int[] m = op2.multiIndex(k);
            assertEquals(op.eigenvalue1d(m[0]) * op.eigenvalue1d(m[1]), s2.singularValue(k), 1e-15);
            assertEquals(op.eigenfunction1d(m[0], x[0]) * op.eigenfunction1d(m[1], x[1]), s2.left(k, x), 1e-14);
            if (k > 0) {
                assertTrue(s2.singularValue(k) <= s2.singularValue(k - 1));
            }
        }
        // the 2D eigen-equation itself by a tensor trapezoid rule (h = 0.065, 481² nodes): to 1e-10
        double[][] q = rule(1.3, 0.065);
        for (int k : new int[] {0, 2, 4, 7}) {
            for (double[] p : new double[][] {{0, 0}, {0.8, -1.5}, {-2, 1}}) {
                double sum = 0;
                double[] y = new double[2];
                for (int i = 0; i < q[0].length; i++) {
                    y[0] = q[0][i];
                    for (int j = 0; j < q[0].length; j++) {
                        y[1] = q[0][j];
                        sum += q[1][i] * q[1][j] * op2.kernel(p, y) * s2.right(k, y);
                    }
                }
                assertEquals(s2.singularValue(k) * s2.left(k, p), sum, 1e-10, "k=" + k);
            }
        }
    }

    @Test
    void rejectsANonPositiveLengthScale() {
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GaussianKernelOperator(1, 0, 1)).getMessage().contains("length scale"));
    }
}
