package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Sturm bisection against the closed-form spectrum of tridiag(−1, 2, −1): 2 − 2cos(kπ/(n+1)). */
class SymmetricTridiagonalTest {

    private static SymmetricTridiagonal laplacian(int n, double shift) {
        double[] d = new double[n];
        Arrays.fill(d, 2 + shift);
        double[] e2 = new double[n - 1];
        Arrays.fill(e2, 1.0);
        return new SymmetricTridiagonal(d, e2);
    }

    private static double exact(int k, int n, double shift) {
        return 2 + shift - 2 * Math.cos((k + 1) * Math.PI / (n + 1));
    }

    @Test
    void eigenvaluesToFullPrecision() {
        int n = 1000;
        SymmetricTridiagonal t = laplacian(n, 0);
        for (int k : new int[] {0, 1, 7, 500, 998, 999}) {
            assertEquals(exact(k, n, 0), t.eigenvalue(k), 1e-14, "k = " + k);
        }
        // a leading block is the same matrix of smaller order
        assertEquals(exact(3, 100, 0), t.eigenvalue(3, 100), 1e-14);
        assertEquals(n, t.countBelow(4.1));
        assertEquals(0, t.countBelow(-0.1));
        // negative and near-zero eigenvalues
        SymmetricTridiagonal shifted = laplacian(50, -exact(10, 50, 0));
        assertEquals(0.0, shifted.eigenvalue(10), 1e-14);
        assertEquals(exact(9, 50, -exact(10, 50, 0)), shifted.eigenvalue(9), 1e-14);
    }

    @Test
    void bracketsAreCheckedNotTrusted() {
        SymmetricTridiagonal t = laplacian(200, 0);
        double e5 = exact(5, 200, 0);
        assertEquals(e5, t.eigenvalue(5, 200, e5 - 1e-3, e5 + 1e-3, 0), 1e-14);
        assertEquals(e5, t.eigenvalue(5, 200, 3.0, 3.5, 0), 1e-14); // wrong bracket
        assertEquals(e5, t.eigenvalue(5, 200, 3.5, -1.0, 0), 1e-14); // reversed
        assertEquals(e5, t.eigenvalue(5, 200, e5 - 1e-2, e5 + 1e-2, 1e-9), 1e-9);
    }

    @Test
    void rejectsBadIndices() {
        SymmetricTridiagonal t = laplacian(10, 0);
        assertThrows(IllegalArgumentException.class, () -> t.eigenvalue(10));
        assertThrows(IllegalArgumentException.class, () -> t.eigenvalue(-1));
        assertThrows(IllegalArgumentException.class, () -> t.eigenvalue(0, 11));
        assertThrows(IllegalArgumentException.class, () -> new SymmetricTridiagonal(new double[0], new double[0]));
    }
}
