package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.spectra.Hydrogen2DSpectrum;
import org.opsvd.solver.NumericalFailure;

/** Rayleigh–Ritz recovers known spectra from non-orthogonal bases, including negative (hydrogen) ones. */
class RayleighRitzTest {

    /** C = SᵀS, Q = SᵀΛS for a random S: the generalised eigenvalues of (Q, C) are Λ. */
    private static DMatrixRMaj[] problem(double[] lambda, long seed) {
        int l = lambda.length;
        DMatrixRMaj s = RandomMatrices_DDRM.rectangle(l, l, -1, 1, new Random(seed));
        CommonOps_DDRM.addEquals(s, 2, CommonOps_DDRM.identity(l));   // well conditioned
        DMatrixRMaj c = new DMatrixRMaj(l, l);
        DMatrixRMaj ls = new DMatrixRMaj(l, l);
        DMatrixRMaj q = new DMatrixRMaj(l, l);
        CommonOps_DDRM.multTransA(s, s, c);
        CommonOps_DDRM.mult(CommonOps_DDRM.diag(lambda), s, ls);
        CommonOps_DDRM.multTransA(s, ls, q);
        return new DMatrixRMaj[] {c, q};
    }

    @Test
    void recoversHydrogenEnergiesWithRelativeErrorsOnAbsoluteValues() {
        // 2D hydrogen, c = 1: E_n = −1/(2n−1)², n = 1..4 (distinct, negative), shuffled
        double[] e = new Hydrogen2DSpectrum(1, 1).eigenvalues(16);
        double[] distinct = Arrays.stream(e).distinct().toArray();
        double[] lambda = {distinct[2], distinct[0], distinct[3], distinct[1]};
        DMatrixRMaj[] cq = problem(lambda, 3);
        RayleighRitz rr = RayleighRitz.of(cq[0], cq[1]);
        double[] sorted = lambda.clone();
        Arrays.sort(sorted);
        double[] rel = SpectralMetrics.relativeErrors(rr.ritzValues(), sorted);
        for (int i = 0; i < 4; i++) {
            assertTrue(rel[i] < 1e-12, "relative error " + rel[i] + " of " + sorted[i]);
            assertEquals(cq[1].get(i, i) / cq[0].get(i, i), rr.rayleighQuotients()[i], 1e-15);
            assertEquals(cq[0].get(i, i), rr.squaredNorms()[i], 0);
        }
        assertEquals(0.01, SpectralMetrics.relativeErrors(new double[] {1.01 * sorted[0]},
                new double[] {sorted[0]})[0], 1e-14);
        // RᵀCR = I and RᵀQR = diag(λ)
        DMatrixRMaj r = rr.rotation();
        DMatrixRMaj tmp = new DMatrixRMaj(4, 4);
        DMatrixRMaj out = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(cq[0], r, tmp);
        CommonOps_DDRM.multTransA(r, tmp, out);
        assertTrue(CommonOps_DDRM.identity(4).equals(out) || maxDiff(out, CommonOps_DDRM.identity(4)) < 1e-12);
        CommonOps_DDRM.mult(cq[1], r, tmp);
        CommonOps_DDRM.multTransA(r, tmp, out);
        assertTrue(maxDiff(out, CommonOps_DDRM.diag(sorted)) < 1e-12, "RᵀQR = Λ");
    }

    @Test
    void ritzFunctionsOfMixedExactEigenfunctionsAreTheEigenfunctions() {
        // ψ̂ = ΨS and Hψ̂ = ΨΛS for the first 6 exact 2D oscillator eigenfunctions (groups 1, 2, 3)
        SampledFunctions exact = SampledFunctions.of(Oscillators.basis2d(), Oscillators.FINE, 6);
        double[] e = Arrays.copyOf(Oscillators.basis2d().energies(), 6);
        DMatrixRMaj s = RandomMatrices_DDRM.rectangle(6, 6, -1, 1, new Random(11));
        CommonOps_DDRM.addEquals(s, 2, CommonOps_DDRM.identity(6));
        DMatrixRMaj ls = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.mult(CommonOps_DDRM.diag(e), s, ls);
        SampledFunctions psi = exact.times(s);
        RayleighRitz rr = RayleighRitz.of(psi, exact.times(ls));
        double[] rel = SpectralMetrics.relativeErrors(rr.ritzValues(), e);
        MetricReport m = SpectralMetrics.evaluate(rr.ritzFunctions(psi), exact, new int[] {0, 1, 3},
                rr.ritzValues(), e);
        assertTrue(m.meanRelativeEigenvalueError() < 1e-13, Arrays.toString(rel));
        assertTrue(m.meanAngle() < 1e-10, "angle " + m.meanAngle());
        assertTrue(m.orthogonality().frobenius() < 1e-12, "Ritz functions are orthonormal");
        assertTrue(m.meanUnalignedAngle() > m.meanAngle());
    }

    @Test
    void rejectsBadShapesAndIndefiniteGrams() {
        DMatrixRMaj i3 = CommonOps_DDRM.identity(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RayleighRitz.of(i3, CommonOps_DDRM.identity(4)));
        assertTrue(e.getMessage().contains("square and of equal size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RayleighRitz.of(new DMatrixRMaj(3, 2), i3));
        assertTrue(e.getMessage().contains("square and of equal size"), e.getMessage());
        DMatrixRMaj singular = new DMatrixRMaj(new double[][] {{1, 1}, {1, 1}});
        e = assertThrows(NumericalFailure.class, () -> RayleighRitz.of(singular, CommonOps_DDRM.identity(2)));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
        DMatrixRMaj nan = CommonOps_DDRM.identity(2);
        nan.set(0, 1, Double.NaN);
        e = assertThrows(NumericalFailure.class, () -> RayleighRitz.of(CommonOps_DDRM.identity(2), nan));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }

    private static double maxDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double m = 0;
        for (int i = 0; i < a.getNumElements(); i++) {
            m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        }
        return m;
    }
}
