package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.opsvd.solver.classical.GridEigenpairs;
import org.opsvd.solver.classical.KroneckerSolver;

/** Weighted Grams by blocks agree with the defining sums; factories normalise as documented; bad input is rejected. */
class SampledFunctionsTest {

    @Test
    void blockedGramsEqualTheDefiningSumsToRoundOff() {
        Random rnd = new Random(7);
        int n = 2 * WeightedProducts.BLOCK + 37;   // a partial last block
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, 5, -1, 1, rnd);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, 3, -1, 1, rnd);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.1 + rnd.nextDouble();
        }
        SampledFunctions fa = SampledFunctions.of(a, w);
        SampledFunctions fb = SampledFunctions.of(b, w);
        DMatrixRMaj g = fa.gram();
        DMatrixRMaj x = fa.crossGram(fb);
        for (int l = 0; l < 5; l++) {
            for (int m = 0; m < 5; m++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += w[i] * a.get(i, l) * a.get(i, m);
                }
                assertEquals(s, g.get(l, m), 1e-12 * n, "gram " + l + "," + m);
            }
            for (int m = 0; m < 3; m++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += w[i] * a.get(i, l) * b.get(i, m);
                }
                assertEquals(s, x.get(l, m), 1e-12 * n, "cross " + l + "," + m);
            }
        }
        DMatrixRMaj c = fa.normalisedGram();
        for (int l = 0; l < 5; l++) {
            assertEquals(1, c.get(l, l), 0);
            assertEquals(g.get(l, 4) / Math.sqrt(g.get(l, l) * g.get(4, 4)), c.get(l, 4), 1e-15);
        }
    }

    @Test
    void gridEigenvectorsBecomeUnitNormFunctions() {
        Grid grid = Grid.dirichlet(2, 32, 6);
        GridEigenpairs pairs = KroneckerSolver.solve(new Hamiltonian(1.0, HarmonicPotential.isotropic(2, Oscillators.OMEGA)),
                grid, LaplacianStencil.FOURTH_ORDER, 6, true);
        SampledFunctions f = SampledFunctions.of(pairs);
        assertEquals(grid.size(), f.points());
        assertEquals(grid.cellVolume(), f.weight(17), 0);
        DMatrixRMaj g = f.gram();
        for (int l = 0; l < 6; l++) {
            for (int m = 0; m < 6; m++) {
                assertEquals(l == m ? 1 : 0, g.get(l, m), 1e-12, "Σ w ψ_l ψ_m");
            }
        }
    }

    @Test
    void exactEigenbasisIsOrthonormalOnTheFineGrid() {
        SampledFunctions f = SampledFunctions.of(Oscillators.basis2d(), Oscillators.FINE);
        assertEquals(15, f.functions());
        DMatrixRMaj g = f.gram();
        for (int l = 0; l < 15; l++) {
            for (int m = 0; m < 15; m++) {
                assertEquals(l == m ? 1 : 0, g.get(l, m), 1e-13, "Σ w ψ_l ψ_m");
            }
        }
    }

    @Test
    void rejectsMismatchedShapesAndBadWeights() {
        DMatrixRMaj v = new DMatrixRMaj(3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampledFunctions.of(v, new double[] {1, 1, 1, 1}));
        assertTrue(e.getMessage().contains("3 rows") && e.getMessage().contains("4 weights"), e.getMessage());
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            e = assertThrows(IllegalArgumentException.class, () -> SampledFunctions.of(v, new double[] {1, bad, 1}));
            assertTrue(e.getMessage().contains("positive and finite; weight 1"), e.getMessage());
        }
        DMatrixRMaj nan = new DMatrixRMaj(3, 2);
        nan.set(2, 1, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> SampledFunctions.of(nan, new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("point 2, function 1"), e.getMessage());
        SampledFunctions a = SampledFunctions.of(v, new double[] {1, 1, 1});
        SampledFunctions b = SampledFunctions.of(v, new double[] {1, 2, 1});
        e = assertThrows(IllegalArgumentException.class, () -> a.crossGram(b));
        assertTrue(e.getMessage().contains("different weights"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> a.crossGram(SampledFunctions.of(new DMatrixRMaj(2, 2), new double[] {1, 1})));
        assertTrue(e.getMessage().contains("3 and 2 points"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SampledFunctions.of(Oscillators.basis2d(), Grid.dirichlet(1, 8, 3)));
        assertTrue(e.getMessage().contains("2-dimensional but the grid is 1-dimensional"), e.getMessage());
    }
}
