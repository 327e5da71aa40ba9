package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/** Chebyshev-filtered Lanczos against the Kronecker oracle, to 1e-10 relative. */
class ChebyshevFilterSolverTest {

    private static GridEigenpairs compareWithKronecker(ChebyshevFilterSolver solver, Hamiltonian h, Grid g,
                                                       LaplacianStencil s, int nev) {
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, s);
        GridEigenpairs ch = solver.solve(dh, nev, true);
        GridEigenpairs oracle = KroneckerSolver.solve(h, g, s, nev, false);
        Spectra.assertClose(oracle.eigenvalues(), ch.eigenvalues(), 1e-10, g.describe() + " " + s + " " + ch.notes());
        double res = Residuals.max(dh, ch);
        assertTrue(res < 1e-8, "residual " + res);
        return ch;
    }

    @Test
    void oscillator64SquaredBothOrders() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1));
        for (LaplacianStencil s : LaplacianStencil.values()) {
            compareWithKronecker(new ChebyshevFilterSolver(), h, Grid.dirichlet(2, 64, 7), s, 21);
        }
    }

    @Test
    void oscillator3d() {
        compareWithKronecker(new ChebyshevFilterSolver(), Hamiltonian.of(TestPotentials.oscillator(1, 1, 1)),
                Grid.dirichlet(3, 18, 6), LaplacianStencil.SECOND_ORDER, 20);
        compareWithKronecker(new ChebyshevFilterSolver(), Hamiltonian.of(TestPotentials.oscillator(1, 1.2, 0.9)),
                Grid.dirichlet(3, 16, 6), LaplacianStencil.FOURTH_ORDER, 20);
    }

    @Test
    void nonSeparablePotentialAgreesWithShiftInvert() {
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(Hamiltonian.of(TestPotentials.coupled()),
                Grid.dirichlet(2, 48, 7), LaplacianStencil.FOURTH_ORDER);
        GridEigenpairs ch = new ChebyshevFilterSolver().solve(dh, 15, true);
        GridEigenpairs si = new ShiftInvertSolver().solve(dh, 15, false);
        Spectra.assertClose(si.eigenvalues(), ch.eigenvalues(), 1e-10, "coupled potential " + ch.notes());
        assertTrue(Residuals.max(dh, ch) < 1e-8);
    }

    @Test
    void periodicCosinesAgainstKronecker() {
        compareWithKronecker(new ChebyshevFilterSolver(), Hamiltonian.of(TestPotentials.cosines()),
                Grid.periodic(2, 40, Math.PI), LaplacianStencil.FOURTH_ORDER, 12);
    }

    @Test
    void aCutBelowTheWantedLevelsIsRaised() {
        // λ_21 = 6 but the cut starts at 3: the first try must be rejected and the cut raised
        GridEigenpairs ch = compareWithKronecker(new ChebyshevFilterSolver().withCut(3.0),
                Hamiltonian.of(TestPotentials.oscillator(1, 1)), Grid.dirichlet(2, 32, 7),
                LaplacianStencil.SECOND_ORDER, 21);
        assertTrue(ch.notes().contains("try 2"), ch.notes());
    }

    @Test
    void plainLanczosEstimatesTheLowestEigenvalue() {
        for (LaplacianStencil s : LaplacianStencil.values()) {
            Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1.3));
            Grid g = Grid.dirichlet(2, 64, 7);
            double exact = KroneckerSolver.solve(h, g, s, 1, false).eigenvalues()[0];
            StringBuilder notes = new StringBuilder();
            double theta = SpectrumEstimates.lowestQuick(DiscreteHamiltonian.of(h, g, s), 1e-6, 2000, notes);
            assertEquals(exact, theta, 1e-4 * exact, notes.toString());
            assertTrue(notes.toString().contains("plain Lanczos"), notes.toString());
        }
    }

    @Test
    void filterThreadsGiveBitwiseTheSameResult() {
        for (Grid g : new Grid[] {Grid.dirichlet(2, 40, 7), Grid.dirichlet(3, 13, 6)}) {
            Hamiltonian h = Hamiltonian.of(g.dimension() == 2 ? TestPotentials.oscillator(1, 1.3)
                    : TestPotentials.oscillator(1, 1.2, 0.9));
            DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, LaplacianStencil.FOURTH_ORDER);
            GridEigenpairs one = new ChebyshevFilterSolver().withThreads(1).solve(dh, 10, true);
            GridEigenpairs three = new ChebyshevFilterSolver().withThreads(3).solve(dh, 10, true);
            org.junit.jupiter.api.Assertions.assertArrayEquals(one.eigenvalues(), three.eigenvalues(), three.notes());
            assertTrue(three.notes().contains("3 filter threads"), three.notes());
        }
    }

    @Test
    void degreeRule() {
        // R = (λmax − cut)/(cut − λ₁) = 100: m = 2⌈2.5·10⌉ = 50; clamped below at 8
        assertEquals(50, ChebyshevFilterSolver.degree(5, 0, 1, 101));
        assertEquals(8, ChebyshevFilterSolver.degree(5, 0, 1, 2));
    }

    @Test
    void badEigenpairCounts() {
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(Hamiltonian.of(TestPotentials.oscillator(1, 1)),
                Grid.dirichlet(2, 5, 3), LaplacianStencil.SECOND_ORDER);
        for (int nev : new int[] {0, 25}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ChebyshevFilterSolver().solve(dh, nev, false));
            assertTrue(e.getMessage().contains("nev"), e.getMessage());
        }
    }
}
