package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * Zero variance: the 1D oscillator's u_0, u_1, u_2 (E = 0.5, 1.5, 2.5), g = e^{−x²} (Hg = (1 − 1.5x²)e^{−x²}) and
   * u_0 + g (dependent), sampled at only 200 points x ~ N(0, 1) with weights 1/(Np): the unsymmetrised pencil returns
   * the three levels to 1e-9, as every sample satisfies Ac = E·Cc for an eigenfunction in the span, while the symmetrised
   * problem's lowest value is off by the sampling error (measured 2e-3).
   */
  @Test
  void eigenfunctionsInTheSpanComeOutExactFromFewSamples() {
    int n = 200;
    java.util.Random rng = new java.util.Random(5);
    DMatrixRMaj psi = new DMatrixRMaj(n, 5);
    DMatrixRMaj hpsi = new DMatrixRMaj(n, 5);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double x = rng.nextGaussian();
      w[i] = Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2) / n;
      double e = Math.exp(-x * x / 2);
      double g = Math.exp(-x * x);
      double[] f = {e, x * e, (2 * x * x - 1) * e, g, e + g};
      double[] hf = {0.5 * e, 1.5 * x * e, 2.5 * (2 * x * x - 1) * e, (1 - 1.5 * x * x) * g,
          0.5 * e + (1 - 1.5 * x * x) * g};
      for (int k = 0; k < 5; k++) {
        psi.set(i, k, f[k]);
        hpsi.set(i, k, hf[k]);
      }
    }
    SampledFunctions phi = SampledFunctions.of(psi, w);
    DMatrixRMaj c = phi.gram();
    DMatrixRMaj a = phi.crossGram(SampledFunctions.of(hpsi, w));
    SpanRitz ritz = SpanRitz.of(c, a);
    assertEquals(4, ritz.values().length, "u_0 + g is dropped as dependent");
    for (int k = 0; k < 3; k++) assertEquals(0.5 + k, ritz.values()[k], 1e-9, "level " + k);
    DMatrixRMaj symmetric = a.copy();
    CommonOps_DDRM.transpose(a, symmetric);
    CommonOps_DDRM.addEquals(symmetric, a);
    CommonOps_DDRM.scale(0.5, symmetric);
    double sampled = SpanRitz.of(c, symmetric).values()[0];
    System.out.printf("lowest Ritz value from 200 samples: pencil %.12f, symmetrised %.12f%n", ritz.values()[0], sampled);
    assertTrue(Math.abs(sampled - 0.5) > 1e-5, "the symmetrised estimate carries the sampling error: " + sampled);
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
