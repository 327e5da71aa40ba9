package org.opsvd.operators.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.potentials.ExpressionPotential;

class DvrKineticTest {

    private static double[] eigenvalues(DvrKinetic t) {
        int n = t.size();
        DMatrixRMaj m = new DMatrixRMaj(n, n, true, t.toArray());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        eig.decompose(m);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(e);
        return e;
    }

    @Test
    void sineDvrHasExactlyTheBoxModesSquared() {
        // n = 20 on [-2, 2]: k_m = mπ/4, m = 1..20, to rounding
        double[] e = eigenvalues(DvrKinetic.of(Grid.dirichlet(1, 20, 2.0)));
        for (int m = 1; m <= 20; m++) {
            double k = m * Math.PI / 4;
            assertEquals(k * k, e[m - 1], 1e-12 * 400);
        }
        assertEquals(Math.pow(20 * Math.PI / 4, 2), DvrKinetic.of(Grid.dirichlet(2, 20, 2.0)).largestEigenvalue(), 1e-12);
    }

    @Test
    void fourierDvrDifferentiatesPlaneWavesExactly() {
        // T·cos(3x) = 9·cos(3x) on 16 points of the torus [-π, π)
        Grid g = Grid.periodic(1, 16, Math.PI);
        DvrKinetic t = DvrKinetic.of(g);
        for (int i = 0; i < 16; i++) {
            double s = 0;
            for (int j = 0; j < 16; j++) {
                s += t.get(i, j) * Math.cos(3 * g.coordinate(j));
            }
            assertEquals(9 * Math.cos(3 * g.coordinate(i)), s, 1e-12);
        }
        double[] e = eigenvalues(t);
        assertEquals(0, e[0], 1e-12); // constants
        assertEquals(64, e[15], 1e-10); // the Nyquist mode k = 8, once
    }

    @Test
    void matrixFreeProductIsTheKroneckerSumPlusThePotential() {
        // 3D, n = 5: H·x against the explicit sum over axes, point by point
        Grid g = Grid.dirichlet(3, 5, 3.0);
        DvrHamiltonian h = DvrHamiltonian.of(new Hamiltonian(0.5, new ExpressionPotential("x^2+x*y*z", 3)), g);
        DvrKinetic t = DvrKinetic.of(g);
        double[] x = new double[125];
        for (int i = 0; i < 125; i++) {
            x[i] = Math.sin(1.7 * i) + 0.1 * i;
        }
        double[] y = new double[125];
        h.apply(x, y);
        double[] v = h.potentialValues();
        for (int p = 0; p < 125; p++) {
            int[] idx = {p / 25, (p / 5) % 5, p % 5};
            double expected = v[p] * x[p];
            for (int a = 0; a < 3; a++) {
                for (int k = 0; k < 5; k++) {
                    int[] q = idx.clone();
                    q[a] = k;
                    expected += 0.5 * t.get(idx[a], k) * x[q[0] * 25 + q[1] * 5 + q[2]];
                }
            }
            assertEquals(expected, y[p], 1e-12);
        }
        // banded (threaded) application writes the same numbers
        double[] z = new double[125];
        h.applyShifted(x, z, 1, 0, 0, null, 0, 2);
        h.applyShifted(x, z, 1, 0, 0, null, 2, 5);
        assertEquals(0, java.util.Arrays.stream(z).map(Math::abs).sum() - java.util.Arrays.stream(y).map(Math::abs).sum(), 1e-9);
    }
}
