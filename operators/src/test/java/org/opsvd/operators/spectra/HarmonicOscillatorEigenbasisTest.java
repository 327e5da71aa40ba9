package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.junit.jupiter.api.Test;

class HarmonicOscillatorEigenbasisTest {

    private static final double[] REFERENCE_2D = {Math.sqrt(2), Math.sqrt(2)};   // V = |x|², c = 1
    private static final double[] ANISOTROPIC_3D = {1.0, 1.3, 0.8};

    @Test
    void orderedAndLabelledAsTheSpectrum() {
        HarmonicOscillatorEigenbasis basis = new HarmonicOscillatorEigenbasis(REFERENCE_2D, 1, 16);
        assertEquals(21, basis.count());
        assertArrayEquals(basis.spectrum().eigenvalues(16), basis.energies(), 0);
        assertEquals("(nx,ny)=(0,1)", basis.label(1));
        assertEquals("(nx,ny)=(1,0)", basis.label(2));
        assertArrayEquals(new int[] {3, 1}, basis.quantumNumbers(13));   // shell nx+ny = 4 starts at index 10
    }

    /**
     * Tensor Gauss–Hermite with x_a = t/√b_a; exact here (polynomial degree per axis ≤ 2·n_max ≪ 2·points).
     * Checks that ∫ψ_i ψ_j = δ_ij to 1e-10.
     */
    private static void assertOrthonormal(HarmonicOscillatorEigenbasis basis, double[] omega, double c, int points) {
        GaussIntegrator rule = new GaussIntegratorFactory().hermite(points);
        int d = omega.length;
        double[] sb = new double[d];
        for (int a = 0; a < d; a++) {
            sb[a] = Math.sqrt(omega[a] / Math.sqrt(2 * c));
        }
        int n = basis.count();
        double[][] g = new double[n][n];
        int[] idx = new int[d];
        int total = (int) Math.pow(points, d);
        for (int p = 0; p < total; p++) {
            int rest = p;
            double w = 1;
            double[] x = new double[d];
            for (int a = 0; a < d; a++) {
                idx[a] = rest % points;
                rest /= points;
                double t = rule.getPoint(idx[a]);
                x[a] = t / sb[a];
                w *= rule.getWeight(idx[a]) * Math.exp(t * t) / sb[a];
            }
            double[] v = basis.values(x);
            for (int i = 0; i < n; i++) {
                assertEquals(basis.value(i, x), v[i], 1e-14);
                for (int j = 0; j < n; j++) {
                    g[i][j] += w * v[i] * v[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1 : 0, g[i][j], 1e-10, basis.label(i) + " vs " + basis.label(j));
            }
        }
    }

    @Test
    void orthonormal2dReferenceConvention() {
        assertOrthonormal(new HarmonicOscillatorEigenbasis(REFERENCE_2D, 1, 21), REFERENCE_2D, 1, 12);
    }

    @Test
    void orthonormal3dAnisotropicPhysicsConvention() {
        assertOrthonormal(new HarmonicOscillatorEigenbasis(ANISOTROPIC_3D, 0.5, 20), ANISOTROPIC_3D, 0.5, 10);
    }

    @Test
    void solveTheEigenEquation() {
        // |−cΔψ + Vψ − Eψ| ≤ 1e-6·E at sample points, Δ by 8th-order FD with h = 1e-2
        check(new HarmonicOscillatorEigenbasis(REFERENCE_2D, 1, 21), REFERENCE_2D, 1);
        check(new HarmonicOscillatorEigenbasis(ANISOTROPIC_3D, 0.5, 20), ANISOTROPIC_3D, 0.5);
    }

    private static void check(HarmonicOscillatorEigenbasis basis, double[] omega, double c) {
        double[][] points = {{0.3, -1.1, 0.7}, {-2.0, 0.4, 1.5}, {1.7, 1.9, -0.2}, {0, 0, 0}};
        for (int i = 0; i < basis.count(); i++) {
            final int ii = i;
            for (double[] p3 : points) {
                double[] x = java.util.Arrays.copyOf(p3, omega.length);
                double v = 0;
                for (int a = 0; a < x.length; a++) {
                    v += 0.5 * omega[a] * omega[a] * x[a] * x[a];
                }
                double lap = FiniteDifference.laplacian(y -> basis.value(ii, y), x, 1e-2);
                double residual = -c * lap + (v - basis.energy(i)) * basis.value(i, x);
                assertEquals(0, residual, 1e-6 * basis.energy(i), basis.label(i));
            }
        }
    }
}
