package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/** A basis lacking one copy of an exactly degenerate level is completed by the deflated Lanczos check. */
class MissedPairSearchTest {

    @Test
    void findsTheMissingCopyOfADegenerateLevel() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1));
        Grid g = Grid.dirichlet(2, 20, 6);
        LaplacianStencil s = LaplacianStencil.SECOND_ORDER;
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, s);
        GridEigenpairs exact = KroneckerSolver.solve(h, g, s, 6, true); // levels 1, 2, 2, 3, 3, 3 (approximately)
        int[] keep = {0, 1, 3, 4, 5}; // drop the second copy of level 2
        DMatrixRMaj basis = new DMatrixRMaj(g.size(), keep.length);
        for (int j = 0; j < keep.length; j++) {
            for (int i = 0; i < g.size(); i++) {
                basis.set(i, j, exact.eigenvectors().get(i, keep[j]));
            }
        }
        PermutedCholesky inverse = PermutedCholesky.factor(dh.toSparse(0), NestedDissection.order(g, 1)).orElseThrow();
        StringBuilder notes = new StringBuilder();
        MissedPairSearch.Completion c = MissedPairSearch.complete(inverse::solve, dh::apply, basis, 5,
                1e-10, 300, notes);
        assertEquals(1, c.added(), notes.toString());
        assertTrue(c.conclusive());
        double[] lowest5 = java.util.Arrays.copyOf(c.pairs().values(), 5);
        Spectra.assertClose(java.util.Arrays.copyOf(exact.eigenvalues(), 5), lowest5, 1e-10, notes.toString());
    }
}
