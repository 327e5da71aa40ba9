package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The box's exact eigenfunctions: orthonormal on the box, eigenfunctions of −cΔ, zero outside. */
class BoxEigenbasisTest {

    private final BoxSpectrum spectrum = new BoxSpectrum(2, 1.5, 0.5);
    private final BoxEigenbasis basis = new BoxEigenbasis(spectrum, 6);

    @Test
    void energiesFollowTheSpectrum() {
        assertArrayEquals(spectrum.eigenvalues(basis.count()), basis.energies(), 1e-15);
    }

    @Test
    void functionsAreOrthonormalOnTheBox() {
        int n = 400; // midpoint rule, exact for these trigonometric products up to rounding
        double h = 3.0 / n;
        int m = basis.count();
        double[][] gram = new double[m][m];
        double[] x = new double[2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[0] = -1.5 + (i + 0.5) * h;
                x[1] = -1.5 + (j + 0.5) * h;
                double[] v = basis.values(x);
                for (int a = 0; a < m; a++) {
                    for (int b = 0; b < m; b++) {
                        gram[a][b] += v[a] * v[b] * h * h;
                    }
                }
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                assertEquals(a == b ? 1 : 0, gram[a][b], 1e-12, "Gram " + a + "," + b);
            }
        }
    }

    @Test
    void eachFunctionSolvesTheEigenproblemAndVanishesOutside() {
        double[] x = {0.3, -0.7};
        double eps = 1e-4;
        for (int i = 0; i < basis.count(); i++) {
            double lap = 0;
            for (int a = 0; a < 2; a++) {
                double[] p = x.clone();
                double[] q = x.clone();
                p[a] += eps;
                q[a] -= eps;
                lap += (basis.value(i, p) - 2 * basis.value(i, x) + basis.value(i, q)) / (eps * eps);
            }
            assertEquals(basis.energy(i) * basis.value(i, x), -0.5 * lap, 1e-5, "state " + i);
            assertEquals(0, basis.value(i, new double[] {1.6, 0}));
        }
    }
}
