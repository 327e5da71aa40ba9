package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;

/** {@link RitzPencil}: real Ritz values and B-normalised vectors from an unsymmetrised sampled pencil (float64). */
class RitzPencilTest {

    @Test
    void symmetricPencilGivesTheRayleighRitzValues() {
        DMatrixRMaj s = RandomMatrices_DDRM.rectangle(4, 4, -1, 1, new Random(1));
        CommonOps_DDRM.addEquals(s, 2, CommonOps_DDRM.identity(4));
        DMatrixRMaj b = new DMatrixRMaj(4, 4);
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        DMatrixRMaj ls = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.multTransA(s, s, b);
        CommonOps_DDRM.mult(CommonOps_DDRM.diag(3, -1, 0.5, 2), s, ls);
        CommonOps_DDRM.multTransA(s, ls, a);
        RitzPencil.Solution sol = RitzPencil.solve(b, a);
        assertArrayEquals(new double[] {-1, 0.5, 2, 3}, sol.values(), 1e-12);
        assertArrayEquals(RayleighRitz.of(b, a).ritzValues(), sol.values(), 1e-12);
        for (int k = 0; k < 4; k++) {
            DMatrixRMaj c = CommonOps_DDRM.extractColumn(sol.vectors(), k, null);
            assertEquals(1, quadratic(b, c), 1e-12, "cᵀBc");
            assertEquals(sol.values()[k], quadratic(a, c), 1e-12, "cᵀAc = θ");
        }
    }

    @Test
    void unsymmetricExactPencilIsSolvedExactlyAndAComplexPairBecomesTwoRealValues() {
        // A = B·T, T = [[1, 0, .4], [0, 1, 0], [0, 0, 3]] (unsymmetric, double eigenvalue 1): B⁻¹A = T exactly
        DMatrixRMaj b = CommonOps_DDRM.diag(1, 2, 0.5);
        DMatrixRMaj t = CommonOps_DDRM.diag(1, 1, 3);
        t.set(0, 2, 0.4);
        DMatrixRMaj a = new DMatrixRMaj(3, 3);
        CommonOps_DDRM.mult(b, t, a);
        assertArrayEquals(new double[] {1, 1, 3}, RitzPencil.solve(b, a).values(), 1e-12);
        // noise that makes the near-degenerate 2×2 block rotate: eigenvalues 2 ± 0.01i → both 2 (symmetric part)
        DMatrixRMaj rot = new DMatrixRMaj(new double[][] {{2, 0.01}, {-0.01, 2}});
        RitzPencil.Solution sol = RitzPencil.solve(CommonOps_DDRM.identity(2), rot);
        assertArrayEquals(new double[] {2, 2}, sol.values(), 1e-12);
        DMatrixRMaj ctc = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.multTransA(sol.vectors(), sol.vectors(), ctc);
        assertEquals(0, CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(ctc, CommonOps_DDRM.identity(2), null)),
                1e-12, "orthonormal vectors for the pair");
    }

    private static double quadratic(DMatrixRMaj m, DMatrixRMaj c) {
        DMatrixRMaj mc = new DMatrixRMaj(m.numRows, 1);
        CommonOps_DDRM.mult(m, c, mc);
        return CommonOps_DDRM.dot(c, mc);
    }
}
