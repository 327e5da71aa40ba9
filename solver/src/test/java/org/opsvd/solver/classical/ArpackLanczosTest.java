package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.arpack.JavaARPACK;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** ARPACK wrapper on the 1D Dirichlet Laplacian tridiag(−1, 2, −1): λ_k = 2 − 2cos(kπ/(n+1)), k = 1..n. */
class ArpackLanczosTest {

    private static final int N = 300;

    /** y = T·x for T = tridiag(−1, 2, −1). */
    private static final SymmetricOperator LAPLACIAN = (x, xo, y, yo) -> {
        for (int i = 0; i < N; i++) {
            double s = 2 * x[xo + i];
            if (i > 0) {
                s -= x[xo + i - 1];
            }
            if (i < N - 1) {
                s -= x[xo + i + 1];
            }
            y[yo + i] = s;
        }
    };

    private static double exact(int k) {
        return 2 - 2 * Math.cos(k * Math.PI / (N + 1));
    }

    @Test
    void largestEigenvaluesMatchTheAnalyticFormulaTo1e10() {
        ArpackLanczos.Result r = ArpackLanczos.solve(LAPLACIAN, N, 6, 30, ArpackLanczos.Which.LA, 1e-12, 3000, true);
        for (int j = 0; j < 6; j++) { // ascending: the 6 largest are k = N−5..N
            assertEquals(exact(N - 5 + j), r.values()[j], 1e-10);
        }
        assertUnitEigenvectors(r);
    }

    @Test
    void smallestEigenvaluesMatchTheAnalyticFormulaTo1e10() {
        ArpackLanczos.Result r = ArpackLanczos.solve(LAPLACIAN, N, 5, 40, ArpackLanczos.Which.SA, 1e-12, 5000, true);
        for (int j = 0; j < 5; j++) {
            assertEquals(exact(j + 1), r.values()[j], 1e-10);
        }
        assertUnitEigenvectors(r);
    }

    @Test
    void pureJavaF2jImplementationGivesTheSameValues() {
        ArpackLanczos.Result r = ArpackLanczos.solve(JavaARPACK.getInstance(), LAPLACIAN, N, 5, 40,
                ArpackLanczos.Which.SA, 1e-12, 5000, true);
        for (int j = 0; j < 5; j++) {
            assertEquals(exact(j + 1), r.values()[j], 1e-10);
        }
        assertUnitEigenvectors(r);
    }

    @Test
    void valuesOnlyAndLargestMagnitude() {
        ArpackLanczos.Result r = ArpackLanczos.solve(LAPLACIAN, N, 3, 20, ArpackLanczos.Which.LM, 1e-12, 3000, false);
        assertEquals(null, r.vectors());
        assertEquals(exact(N), r.values()[2], 1e-10);
        assertTrue(r.operatorApplications() > 0);
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArpackLanczos.solve(LAPLACIAN, N, 0, 20, ArpackLanczos.Which.LA, 1e-10, 100, false));
        assertTrue(e.getMessage().contains("nev"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArpackLanczos.solve(LAPLACIAN, N, N, N, ArpackLanczos.Which.LA, 1e-10, 100, false));
        assertTrue(e.getMessage().contains("nev"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArpackLanczos.solve(LAPLACIAN, N, 5, 5, ArpackLanczos.Which.LA, 1e-10, 100, false));
        assertTrue(e.getMessage().contains("ncv"), e.getMessage());
    }

    @Test
    void iterationLimitIsReportedInWords() {
        ArpackException e = assertThrows(ArpackException.class,
                () -> ArpackLanczos.solve(LAPLACIAN, N, 4, 9, ArpackLanczos.Which.SA, 1e-14, 2, false));
        assertTrue(e.isMaxIterations());
        assertTrue(e.getMessage().contains("maximum number of Arnoldi update iterations"), e.getMessage());
    }

    private static void assertUnitEigenvectors(ArpackLanczos.Result r) {
        DMatrixRMaj v = r.vectors();
        double[] x = new double[N];
        double[] y = new double[N];
        for (int j = 0; j < v.numCols; j++) {
            Residuals.column(v, j, x);
            LAPLACIAN.apply(x, 0, y, 0);
            double norm = 0;
            double res = 0;
            for (int i = 0; i < N; i++) {
                norm += x[i] * x[i];
                res += (y[i] - r.values()[j] * x[i]) * (y[i] - r.values()[j] * x[i]);
            }
            assertEquals(1, Math.sqrt(norm), 1e-12);
            assertTrue(Math.sqrt(res) < 1e-9, "residual " + Math.sqrt(res));
        }
    }
}
