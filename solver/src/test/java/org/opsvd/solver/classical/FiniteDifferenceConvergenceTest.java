package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/**
 * The discretisation error of the oscillator levels E = Σ_a (n_a + ½) (ω = 1, c = ½) falls by 2^p when h
 * halves: ≈ 4 for the order-2 stencil and ≈ 16 for order 4. Box L = 8, so the wall error (~e^{−L²}) is far
 * below the discretisation error; h = 2L/(N+1) halves from N + 1 = 32 to 64 to 128.
 */
class FiniteDifferenceConvergenceTest {

    private static double[] errors(int d, int pointsPlusOne, LaplacianStencil s, double[] exact) {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(d == 1 ? new double[] {1} : new double[] {1, 1}));
        double[] lambda = KroneckerSolver.solve(h, Grid.dirichlet(d, pointsPlusOne - 1, 8), s, exact.length, false)
                .eigenvalues();
        double[] e = new double[exact.length];
        for (int j = 0; j < exact.length; j++) {
            e[j] = Math.abs(lambda[j] - exact[j]);
        }
        return e;
    }

    private static void assertRatios(int d, LaplacianStencil s, double[] exact, double lo, double hi) {
        double[] coarse = errors(d, 32, s, exact);
        double[] mid = errors(d, 64, s, exact);
        double[] fine = errors(d, 128, s, exact);
        for (int j = 0; j < exact.length; j++) {
            double r1 = coarse[j] / mid[j];
            double r2 = mid[j] / fine[j];
            assertTrue(r1 >= lo && r1 <= hi && r2 >= lo && r2 <= hi, d + "D " + s + " level " + j + ": error ratios "
                    + r1 + ", " + r2 + " (errors " + coarse[j] + ", " + mid[j] + ", " + fine[j] + ")");
        }
    }

    @Test
    void secondOrderStencilErrorFallsByFour() {
        assertRatios(1, LaplacianStencil.SECOND_ORDER, new double[] {0.5, 1.5, 2.5, 3.5, 4.5}, 3.5, 4.5);
        assertRatios(2, LaplacianStencil.SECOND_ORDER, new double[] {1, 2, 2, 3, 3, 3}, 3.5, 4.5);
    }

    @Test
    void fourthOrderStencilErrorFallsBySixteen() {
        assertRatios(1, LaplacianStencil.FOURTH_ORDER, new double[] {0.5, 1.5, 2.5, 3.5, 4.5}, 12, 20);
        assertRatios(2, LaplacianStencil.FOURTH_ORDER, new double[] {1, 2, 2, 3, 3, 3}, 12, 20);
    }
}
