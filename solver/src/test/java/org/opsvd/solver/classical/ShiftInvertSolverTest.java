package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/** Shift-invert Lanczos against the Kronecker and dense oracles, to 1e-10 relative. */
class ShiftInvertSolverTest {

    private static void compareWithKronecker(Hamiltonian h, Grid g, LaplacianStencil s, int nev) {
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, s);
        GridEigenpairs si = new ShiftInvertSolver().solve(dh, nev, true);
        GridEigenpairs oracle = KroneckerSolver.solve(h, g, s, nev, false);
        Spectra.assertClose(oracle.eigenvalues(), si.eigenvalues(), 1e-10, g.describe() + " " + s + " " + si.notes());
        double res = Residuals.max(dh, si);
        assertTrue(res < 1e-8, "residual " + res);
        assertTrue("shift-invert".equals(si.route()) && si.operatorApplications() > 0);
    }

    @Test
    void isotropicOscillator64SquaredBothOrders() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1));
        compareWithKronecker(h, Grid.dirichlet(2, 64, 7), LaplacianStencil.SECOND_ORDER, 21);
        compareWithKronecker(h, Grid.dirichlet(2, 64, 7), LaplacianStencil.FOURTH_ORDER, 21);
    }

    @Test
    void anisotropicOscillator() {
        compareWithKronecker(Hamiltonian.of(TestPotentials.oscillator(1, Math.sqrt(2))), Grid.dirichlet(2, 64, 7),
                LaplacianStencil.FOURTH_ORDER, 21);
    }

    @Test
    void nonSeparablePotentialAgainstDense() {
        Grid g = Grid.dirichlet(2, 24, 6);
        for (LaplacianStencil s : LaplacianStencil.values()) {
            DiscreteHamiltonian dh = DiscreteHamiltonian.of(Hamiltonian.of(TestPotentials.coupled()), g, s);
            GridEigenpairs si = new ShiftInvertSolver().solve(dh, 12, true);
            GridEigenpairs dense = DenseSolver.solve(dh, 12, false);
            Spectra.assertClose(dense.eigenvalues(), si.eigenvalues(), 1e-10, "coupled potential " + s);
            assertTrue(Residuals.max(dh, si) < 1e-8);
        }
    }

    @Test
    void periodicCosinesAgainstKronecker() {
        compareWithKronecker(Hamiltonian.of(TestPotentials.cosines()), Grid.periodic(2, 40, Math.PI),
                LaplacianStencil.FOURTH_ORDER, 12);
    }

    @Test
    void clusteredHydrogenLevelsAgainstDense() {
        // −1/r on an even grid (origin off-grid): 1 + 3 + 5 levels, n = 3 shell nearly degenerate
        Grid g = Grid.dirichlet(2, 34, 12);
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(Hamiltonian.of(TestPotentials.coulomb()), g,
                LaplacianStencil.SECOND_ORDER);
        GridEigenpairs si = new ShiftInvertSolver().solve(dh, 9, true);
        GridEigenpairs dense = DenseSolver.solve(dh, 9, false);
        Spectra.assertClose(dense.eigenvalues(), si.eigenvalues(), 1e-10, "hydrogen " + si.notes());
    }

    @Test
    void aShiftAboveTheSpectrumIsLoweredAutomatically() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1));
        Grid g = Grid.dirichlet(2, 40, 7);
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, LaplacianStencil.SECOND_ORDER);
        GridEigenpairs si = new ShiftInvertSolver().withShift(3.0).solve(dh, 6, false); // λ_min ≈ 1
        assertTrue(si.notes().contains("Cholesky failed"), si.notes());
        assertTrue(si.eigenvectors() == null);
        Spectra.assertClose(KroneckerSolver.solve(h, g, LaplacianStencil.SECOND_ORDER, 6, false).eigenvalues(),
                si.eigenvalues(), 1e-10, "after lowering σ");
    }

    @Test
    void badEigenpairCounts() {
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(Hamiltonian.of(TestPotentials.oscillator(1, 1)),
                Grid.dirichlet(2, 5, 3), LaplacianStencil.SECOND_ORDER);
        for (int nev : new int[] {0, -1, 25, 26}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ShiftInvertSolver().solve(dh, nev, false));
            assertTrue(e.getMessage().contains("nev"), e.getMessage());
        }
    }
}
