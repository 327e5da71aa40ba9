package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on eigenvalue lists. */
final class Spectra {

    private Spectra() {
    }

    /** max_j |a_j − b_j| / max(1, |b_j|). */
    static double maxRelativeDifference(double[] a, double[] b) {
        assertEquals(b.length, a.length, "number of eigenvalues");
        double m = 0;
        for (int j = 0; j < a.length; j++) {
            m = Math.max(m, Math.abs(a[j] - b[j]) / Math.max(1, Math.abs(b[j])));
        }
        return m;
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        double d = maxRelativeDifference(actual, expected);
        assertTrue(d <= tol, what + ": max relative difference " + d + " > " + tol + "\nexpected "
                + java.util.Arrays.toString(expected) + "\nactual   " + java.util.Arrays.toString(actual));
    }
}
