package org.opsvd.operators.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.potentials.ExpressionPotential;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.opsvd.operators.potentials.ZeroPotential;

/** The discretised Hamiltonian: the stencil product and the assembled matrix are the same symmetric matrix. */
class DiscreteHamiltonianTest {

    @ParameterizedTest(name = "d={0}, n={1}, order={2}, {3}")
    @CsvSource({"1, 9, 2, DIRICHLET", "1, 9, 4, PERIODIC", "2, 7, 2, DIRICHLET", "2, 8, 4, DIRICHLET",
            "2, 6, 4, PERIODIC", "3, 5, 2, DIRICHLET", "3, 6, 4, DIRICHLET", "3, 5, 2, PERIODIC", "1, 3, 4, DIRICHLET",
            "2, 3, 4, DIRICHLET", "3, 3, 4, DIRICHLET", "3, 7, 4, PERIODIC", "1, 2, 2, DIRICHLET"})
    void stencilProductEqualsAssembledSymmetricMatrix(int d, int n, int order, Boundary boundary) {
        Grid grid = new Grid(d, n, 3.0, boundary);
        var v = new ExpressionPotential("0.3*x1^2 + sin(2*x1)" + (d > 1 ? " + 0.1*x1*x2" : ""), d);
        DiscreteHamiltonian h = DiscreteHamiltonian.of(new Hamiltonian(0.7, v), grid, LaplacianStencil.ofOrder(order));
        DMatrixSparseCSC a = h.toSparse();
        // symmetric to round-off
        DMatrixSparseCSC at = CommonOps_DSCC.transpose(a, null, null);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                assertEquals(a.get(i, j), at.get(i, j), 1e-14);
            }
        }
        // same action as the matrix-free stencil
        Random rnd = new Random(1);
        double[] x = new double[h.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextGaussian();
        }
        double[] y = new double[h.size()];
        h.apply(x, y);
        DMatrixRMaj ax = new DMatrixRMaj(h.size(), 1);
        CommonOps_DSCC.mult(a, DMatrixRMaj.wrap(h.size(), 1, x), ax);
        for (int i = 0; i < y.length; i++) {
            assertEquals(ax.data[i], y[i], 1e-11 * (1 + Math.abs(y[i])));
        }
        // the same inside larger work arrays (ARPACK's workd), with offsets
        double[] xPadded = new double[x.length + 5];
        System.arraycopy(x, 0, xPadded, 3, x.length);
        double[] yPadded = new double[x.length + 2];
        h.apply(xPadded, 3, yPadded, 2);
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], yPadded[i + 2], 0);
        }
        // the fused recurrence step out = α(H − σ)x + β·prev, also in place (prev = out)
        double alpha = 0.37;
        double sigma = 1.9;
        double beta = -1.0;
        double[] prev = new double[h.size()];
        for (int i = 0; i < prev.length; i++) {
            prev[i] = rnd.nextGaussian();
        }
        double[] fused = new double[h.size()];
        h.applyShifted(x, fused, alpha, sigma, beta, prev);
        double[] inPlace = prev.clone();
        h.applyShifted(x, inPlace, alpha, sigma, beta, inPlace);
        double[] noPrev = new double[h.size()];
        h.applyShifted(x, noPrev, alpha, sigma, 0, null);
        for (int i = 0; i < y.length; i++) {
            double expected = alpha * (y[i] - sigma * x[i]);
            double scale = 1e-12 * (1 + Math.abs(y[i]) + Math.abs(x[i]) + Math.abs(prev[i]));
            assertEquals(expected + beta * prev[i], fused[i], scale);
            assertEquals(fused[i], inPlace[i], 0);
            assertEquals(expected, noPrev[i], scale);
        }
        assertThrows(IllegalArgumentException.class, () -> h.applyShifted(x, x, 1, 0, 0, null));
        assertEquals(h.size() * (1 + 2 * d * LaplacianStencil.ofOrder(order).reach())
                - (boundary == Boundary.DIRICHLET ? missingDirichletNeighbours(d, n, order) : 0), a.nz_length);
    }

    /** Count of stencil neighbours that fall outside the Dirichlet box. */
    private static int missingDirichletNeighbours(int d, int n, int order) {
        int reach = order / 2;
        int perLine = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 1; k <= reach; k++) {
                perLine += (i - k < 0 ? 1 : 0) + (i + k >= n ? 1 : 0);
            }
        }
        return d * perLine * (int) Math.pow(n, d - 1);
    }

    @Test
    void secondOrderStencilIsTheClassicalThreePointLaplacian() {
        Grid grid = Grid.dirichlet(1, 4, 2.5); // h = 1
        DiscreteHamiltonian h = DiscreteHamiltonian.of(new Hamiltonian(0.5, new ZeroPotential(1)), grid, LaplacianStencil.SECOND_ORDER);
        DMatrixSparseCSC a = h.toSparse();
        assertEquals(1.0, a.get(1, 1), 1e-15); // -½·(-2)/h²
        assertEquals(-0.5, a.get(1, 2), 1e-15);
        assertEquals(0.0, a.get(0, 3), 0);
    }

    @Test
    void spectrumBoundsEncloseTheRayleighQuotientOfAnyVector() {
        Grid grid = Grid.dirichlet(2, 16, 5);
        DiscreteHamiltonian h = DiscreteHamiltonian.of(Hamiltonian.of(HarmonicPotential.isotropic(2, 1)), grid,
                LaplacianStencil.FOURTH_ORDER);
        Random rnd = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = new double[h.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
            }
            double[] y = new double[h.size()];
            h.apply(x, y);
            double num = 0;
            double den = 0;
            for (int i = 0; i < x.length; i++) {
                num += x[i] * y[i];
                den += x[i] * x[i];
            }
            double q = num / den;
            assertTrue(q >= h.lowerBound() && q <= h.upperBound(), "Rayleigh quotient " + q);
        }
    }

    @Test
    void potentialThatIsInfiniteOnTheGridIsRejectedNamingThePoint() {
        Grid odd = Grid.dirichlet(2, 5, 3); // the origin is the centre point
        var ex = assertThrows(IllegalArgumentException.class, () -> DiscreteHamiltonian.of(
                Hamiltonian.of(new ExpressionPotential("-1/sqrt(x^2+y^2)", 2)), odd, LaplacianStencil.SECOND_ORDER));
        assertTrue(ex.getMessage().contains("[0.0, 0.0]"), ex.getMessage());
        assertTrue(ex.getMessage().contains("is -Infinity"), ex.getMessage()); // IEEE division: -1/0
    }

    @Test
    void badGridsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Grid.dirichlet(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Grid.dirichlet(2, -4, 1));
        assertThrows(IllegalArgumentException.class, () -> Grid.dirichlet(2, 8, 0));
        assertThrows(IllegalArgumentException.class, () -> Grid.dirichlet(2, 8, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LaplacianStencil.ofOrder(3));
        assertThrows(IllegalArgumentException.class, () -> DiscreteHamiltonian.of(
                Hamiltonian.of(HarmonicPotential.isotropic(3, 1)), Grid.dirichlet(2, 8, 1), LaplacianStencil.SECOND_ORDER));
    }

    @Test
    void gridPointsAreRowMajorWithTheLastAxisFastest() {
        Grid grid = Grid.dirichlet(3, 4, 2.5); // h = 1, coordinates -1.5, -0.5, 0.5, 1.5
        assertEquals(1.0, grid.spacing(), 1e-15);
        double[] p = grid.point(1 * 16 + 2 * 4 + 3);
        assertEquals(-0.5, p[0], 1e-15);
        assertEquals(0.5, p[1], 1e-15);
        assertEquals(1.5, p[2], 1e-15);
        Grid torus = Grid.periodic(1, 8, Math.PI);
        assertEquals(-Math.PI, torus.coordinate(0), 1e-15);
        assertEquals(Math.PI / 4, torus.spacing(), 1e-15);
    }
}
