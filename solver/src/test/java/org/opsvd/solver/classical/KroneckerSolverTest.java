package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/** The Kronecker-sum oracle agrees with the dense eigen-decomposition of the assembled matrix. */
class KroneckerSolverTest {

    private static void compareWithDense(Hamiltonian h, Grid g, LaplacianStencil s, int k) {
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, s);
        GridEigenpairs kron = KroneckerSolver.solve(h, g, s, k, true);
        GridEigenpairs dense = DenseSolver.solve(dh, k, false);
        Spectra.assertClose(dense.eigenvalues(), kron.eigenvalues(), 1e-10, g.describe() + " " + s);
        double res = Residuals.max(dh, kron);
        assertTrue(res < 1e-10, "tensor-product eigenvectors: residual " + res);
    }

    @Test
    void oscillatorOn24SquaredBothOrders() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1));
        for (LaplacianStencil s : LaplacianStencil.values()) {
            compareWithDense(h, Grid.dirichlet(2, 24, 6), s, 30);
        }
    }

    @Test
    void anisotropicOscillatorAndKineticOne() {
        compareWithDense(new Hamiltonian(1.0, TestPotentials.oscillator(1, 1.7)), Grid.dirichlet(2, 24, 5),
                LaplacianStencil.FOURTH_ORDER, 25);
    }

    @Test
    void periodicCosinesOn24Squared() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.cosines());
        for (LaplacianStencil s : LaplacianStencil.values()) {
            compareWithDense(h, Grid.periodic(2, 24, Math.PI), s, 30);
        }
    }

    @Test
    void threeDimensionsOn8Cubed() {
        compareWithDense(Hamiltonian.of(TestPotentials.oscillator(1, 1.3, 0.8)), Grid.dirichlet(3, 8, 5),
                LaplacianStencil.FOURTH_ORDER, 20);
    }

    @Test
    void rejectsNonSeparablePotentialsAndBadCounts() {
        Grid g = Grid.dirichlet(2, 10, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KroneckerSolver.solve(
                Hamiltonian.of(TestPotentials.coupled()), g, LaplacianStencil.SECOND_ORDER, 3, false));
        assertTrue(e.getMessage().contains("SeparablePotential"), e.getMessage());
        Hamiltonian ho = Hamiltonian.of(TestPotentials.oscillator(1, 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> KroneckerSolver.solve(ho, g, LaplacianStencil.SECOND_ORDER, 0, false));
        assertTrue(e.getMessage().contains("number of eigenpairs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> KroneckerSolver.solve(ho, g, LaplacianStencil.SECOND_ORDER, 101, false));
        assertTrue(e.getMessage().contains("number of eigenpairs"), e.getMessage());
    }
}
