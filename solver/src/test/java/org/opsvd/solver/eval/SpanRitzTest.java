package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.opsvd.solver.NumericalFailure;

/** Rayleigh–Ritz in a span given by more functions than it has dimensions. */
class SpanRitzTest {

  /**
   * n = 7 functions φ = u·S of k = 4 orthonormal eigenfunctions u (H u_i = λ_i u_i), S [4, 7]: C = SᵀS and Q =
   * SᵀΛS have rank 4, so {@link RayleighRitz} refuses C, and the Ritz values in span(φ) are λ exactly.
   */
  @Test
  void dependentFunctionsGiveTheSpansRitzPairs() {
    double[] lambda = {-0.5, 0.25, 1.5, 4};
    DMatrixRMaj s = RandomMatrices_DDRM.rectangle(4, 7, -1, 1, new Random(11));
    DMatrixRMaj c = new DMatrixRMaj(7, 7);
    DMatrixRMaj q = new DMatrixRMaj(7, 7);
    CommonOps_DDRM.multTransA(s, s, c);
    DMatrixRMaj ls = new DMatrixRMaj(4, 7);
    CommonOps_DDRM.mult(CommonOps_DDRM.diag(lambda), s, ls);
    CommonOps_DDRM.multTransA(s, ls, q);
    assertThrows(NumericalFailure.class, () -> RayleighRitz.of(c, q));

    SpanRitz ritz = SpanRitz.of(c, q);
    assertArrayEquals(lambda, ritz.values(), 1e-12);
    DMatrixRMaj v = ritz.coefficients();
    assertEquals(7, v.numRows);
    assertEquals(4, v.numCols);
    DMatrixRMaj cv = new DMatrixRMaj(7, 4);
    DMatrixRMaj qv = new DMatrixRMaj(7, 4);
    DMatrixRMaj vcv = new DMatrixRMaj(4, 4);
    DMatrixRMaj vqv = new DMatrixRMaj(4, 4);
    CommonOps_DDRM.mult(c, v, cv);
    CommonOps_DDRM.mult(q, v, qv);
    CommonOps_DDRM.multTransA(v, cv, vcv);
    CommonOps_DDRM.multTransA(v, qv, vqv);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(i == j ? 1 : 0, vcv.get(i, j), 1e-10, "cᵀCc = I at " + i + "," + j);
        assertEquals(i == j ? lambda[i] : 0, vqv.get(i, j), 1e-10, "cᵀQc = Θ at " + i + "," + j);
      }
    }
    // the Ritz function φ·c_i is u_i up to sign: S c_i = ±e_i
    DMatrixRMaj sv = new DMatrixRMaj(4, 4);
    CommonOps_DDRM.mult(s, v, sv);
    for (int i = 0; i < 4; i++) assertEquals(1, Math.abs(sv.get(i, i)), 1e-10);
  }

  @Test
  void refusesNonFiniteOrZeroGrams() {
    DMatrixRMaj c = CommonOps_DDRM.identity(3);
    DMatrixRMaj q = CommonOps_DDRM.identity(3);
    q.set(1, 2, Double.NaN);
    assertThrows(NumericalFailure.class, () -> SpanRitz.of(c, q));
    assertThrows(NumericalFailure.class, () -> SpanRitz.of(new DMatrixRMaj(3, 3), CommonOps_DDRM.identity(3)));
  }
}
