package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/** The fast stencil product equals {@link DiscreteHamiltonian#apply} for every dimension, order and boundary. */
class StencilOperatorTest {

    @Test
    void matchesTheReferenceProductWithOffsets() {
        Random random = new Random(7);
        for (int d = 1; d <= 3; d++) {
            double[] omega = new double[d];
            java.util.Arrays.fill(omega, 1.1);
            Hamiltonian h = new Hamiltonian(0.7, TestPotentials.oscillator(omega));
            for (Grid g : new Grid[] {Grid.dirichlet(d, 9, 4), Grid.periodic(d, 7, 4), Grid.dirichlet(d, 3, 4)}) {
                for (LaplacianStencil s : LaplacianStencil.values()) {
                    if (g.boundary() == org.opsvd.operators.grid.Boundary.PERIODIC && g.pointsPerAxis() <= 2 * s.reach()) {
                        continue;
                    }
                    DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, s);
                    int n = dh.size();
                    double[] x = new double[n + 5];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = random.nextGaussian();
                    }
                    double[] plain = new double[n];
                    double[] xs = java.util.Arrays.copyOfRange(x, 3, 3 + n);
                    dh.apply(xs, plain);
                    double[] fast = new double[n + 2];
                    new StencilOperator(dh).apply(x, 3, fast, 2);
                    for (int i = 0; i < n; i++) {
                        assertEquals(plain[i], fast[i + 2], 1e-12 * Math.max(1, Math.abs(plain[i])),
                                g.describe() + " " + s + " at " + i);
                    }
                }
            }
        }
    }
}
