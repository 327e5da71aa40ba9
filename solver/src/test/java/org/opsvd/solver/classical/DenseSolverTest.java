package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

class DenseSolverTest {

    @Test
    void smallSymmetricMatrix() {
        // [[2, 1], [1, 2]]: eigenvalues 1 and 3, eigenvectors (1, −1)/√2 and (1, 1)/√2
        DenseSolver.Eigen e = DenseSolver.lowest(new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}}), 2, true);
        assertEquals(1, e.values()[0], 1e-14);
        assertEquals(3, e.values()[1], 1e-14);
        assertEquals(0, e.vectors().get(0, 0) + e.vectors().get(1, 0), 1e-14);
        assertEquals(1, Math.abs(e.vectors().get(0, 1)) * Math.sqrt(2), 1e-14);
    }

    @Test
    void rejectsNonSymmetricMatricesAndBadCounts() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{2, 1}, {0, 2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenseSolver.lowest(a, 1, false));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}});
        e = assertThrows(IllegalArgumentException.class, () -> DenseSolver.lowest(b, 0, false));
        assertTrue(e.getMessage().contains("number of eigenpairs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DenseSolver.lowest(b, 3, false));
        assertTrue(e.getMessage().contains("number of eigenpairs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DenseSolver.lowest(new DMatrixRMaj(2, 3), 1, false));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
    }

    @Test
    void rejectsLargeGrids() {
        DiscreteHamiltonian h = DiscreteHamiltonian.of(Hamiltonian.of(TestPotentials.oscillator(1, 1)),
                Grid.dirichlet(2, 64, 6), LaplacianStencil.SECOND_ORDER);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DenseSolver.solve(h, 3, false));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }
}
