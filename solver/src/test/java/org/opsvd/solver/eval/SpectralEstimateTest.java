package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.spectra.ExactEigenbasis;

/**
 * {@link SpectralEstimate} on the 2D oscillator H = −½Δ + ½|x|² (E = 1, 2, 2, 3, 3, 3, … hartree), float64: exact
 * eigenfunctions give exact values on any points; perturbed ones match the exact integrals on a grid and their
 * statistics under Monte Carlo.
 */
class SpectralEstimateTest {

    private static final ExactEigenbasis BASIS = PerturbedStates.oscillator(2, null, 15);
    private static final PerturbedStates.Points GRID = PerturbedStates.grid(9, 0.25);

    @Test
    void exactEigenfunctionsGiveExactEigenvaluesAndZeroResidualsOnAnyPoints() {
        // a mixed (non-orthogonal) basis of the lowest 6 exact states: Ritz values are E, residuals 0
        PerturbedStates exact = PerturbedStates.of(BASIS, 6, 0, true, new Random(1));
        double[] e = {1, 2, 2, 3, 3, 3};
        SampledFunctions[] onGrid = exact.sample(GRID);
        SampledFunctions[] sampled = exact.sample(PerturbedStates.gaussian(500, 2, 1.0, new Random(2)));
        for (SpectralEstimate est : new SpectralEstimate[] {SpectralEstimate.quadrature(onGrid[0], onGrid[1]),
                SpectralEstimate.monteCarlo(sampled[0], sampled[1])}) {
            for (int k = 0; k < 6; k++) {
                assertEquals(e[k], est.ritzValue(k).value(), 1e-12 * e[k], "θ_" + k);
                assertTrue(est.ritzValue(k).standardError() < 1e-12, "SE(θ_" + k + ") " + est.ritzValue(k));
                assertTrue(est.residualNorm(k).value() < 1e-12, "ρ_" + k + " = " + est.residualNorm(k));
                assertTrue(est.localEnergyVariance(k).value() < 1e-24, "σ²_" + k);
            }
        }
        // the learned (mixed) functions are not eigenfunctions: their own residuals are O(1)
        SpectralEstimate est = SpectralEstimate.quadrature(onGrid[0], onGrid[1]);
        double[] q = exact.exactRayleighQuotients();
        double[] rho = exact.exactLearnedResidualNorms();
        for (int l = 0; l < 6; l++) {
            assertEquals(q[l], est.rayleighQuotient(l).value(), 1e-12 * q[l], "q_" + l);
            assertEquals(rho[l], est.learnedResidualNorm(l).value(), 1e-12, "learned ρ_" + l);
        }
        assertTrue(rho[0] > 0.1, "mixing makes ψ̃_0 a non-eigenfunction, ρ = " + rho[0]);
        assertEquals(0, est.blocks());
    }

    @Test
    void perturbedFunctionsOnAGridMatchTheExactIntegrals() {
        // ψ̃ = (mixed exact span of 6 states) + ε·(states 6..14): θ_k − E_k = O(ε²), ρ_k = O(ε), all analytic
        double[] e = {1, 2, 2, 3, 3, 3};
        double[] shift = new double[2];
        for (int i = 0; i < 2; i++) {
            double eps = i == 0 ? 0.02 : 0.01;
            PerturbedStates p = PerturbedStates.of(BASIS, 6, eps, true, new Random(3));
            SampledFunctions[] s = p.sample(GRID);
            SpectralEstimate est = SpectralEstimate.quadrature(s[0], s[1]);
            double[] theta = p.exactRitz().ritzValues();
            double[] rho = p.exactResidualNorms();
            double[] q = p.exactRayleighQuotients();
            double[] learnedRho = p.exactLearnedResidualNorms();
            for (int k = 0; k < 6; k++) {
                assertEquals(theta[k], est.ritzValue(k).value(), 1e-12 * theta[k], "θ_" + k);
                assertEquals(rho[k], est.residualNorm(k).value(), 1e-9 * rho[k], "ρ_" + k);
                assertEquals(rho[k] * rho[k], est.localEnergyVariance(k).value(), 1e-9 * rho[k] * rho[k], "σ²_" + k);
                assertEquals(q[k], est.rayleighQuotient(k).value(), 1e-12 * q[k], "q_" + k);
                assertEquals(learnedRho[k], est.learnedResidualNorm(k).value(), 1e-9 * learnedRho[k], "ρ̃_" + k);
                assertTrue(theta[k] >= e[k], "min–max: θ_" + k + " = " + theta[k] + " ≥ " + e[k]);
                assertTrue(rho[k] > 0.3 * eps && rho[k] < 10 * eps, "ρ_" + k + " = " + rho[k] + " is O(ε)");
                shift[i] = Math.max(shift[i], theta[k] - e[k]);
            }
        }
        // halving ε divides the eigenvalue shift by 4 (second order), to 1% (same contamination directions)
        assertEquals(4, shift[0] / shift[1], 0.04, "θ − E is O(ε²): shifts " + shift[0] + ", " + shift[1]);
    }

    @Test
    void aCoarseGridAndItsOffsetCopyBracketTheExactIntegralsByTheirDifference() {
        // h = 1 on [−9, 9]²: the rule's aliasing error (~e^{−π²/h²}·…) is far above round-off; the copy offset by
        // h/2 per axis has an error of the opposite sign, so θ_A, θ_B straddle θ and |θ_A − θ_B|/2 is the SE
        PerturbedStates p = PerturbedStates.of(BASIS, 6, 0.05, true, new Random(5));
        PerturbedStates.Points a = PerturbedStates.grid(9, 1.0);
        double[][] shifted = new double[a.x().length][];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = new double[] {a.x()[i][0] + 0.5, a.x()[i][1] + 0.5};
        }
        SampledFunctions[] onA = p.sample(a);
        SampledFunctions[] onB = p.sample(new PerturbedStates.Points(shifted, a.w()));
        SpectralEstimate gridA = SpectralEstimate.quadrature(onA[0], onA[1]);
        SpectralEstimate gridB = SpectralEstimate.quadrature(onB[0], onB[1]);
        SpectralEstimate both = SpectralEstimate.interleaved(onA[0], onA[1], onB[0], onB[1]);
        double[] theta = p.exactRitz().ritzValues();
        double worstSingle = 0;
        for (int k = 0; k < 6; k++) {
            double ta = gridA.ritzValue(k).value();
            double tb = gridB.ritzValue(k).value();
            worstSingle = Math.max(worstSingle, Math.abs(ta - theta[k]) / theta[k]);
            Estimate t = both.ritzValue(k);
            assertEquals(Math.abs(ta - tb) / 2, t.standardError(), 1e-12, "SE(θ_" + k + ") is half the difference");
            assertTrue(t.lower(3) <= theta[k] && theta[k] <= t.upper(3), "θ_" + k + " = " + theta[k] + " in " + t);
            assertTrue(Math.abs(t.value() - theta[k]) < Math.abs(ta - theta[k]), "the union is closer, θ_" + k);
        }
        assertTrue(worstSingle > 1e-6, "the single grid's error is visible: " + worstSingle);
        assertEquals(2, both.blocks());
        SampledFunctions[] finer = p.sample(PerturbedStates.grid(9, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> SpectralEstimate.interleaved(onA[0], onA[1], finer[0], finer[1]), "unequal point counts");
    }

    /**
     * Against a coarser rule: every value is the fine rule's alone and its standard error is the difference to the
     * coarse rule's value (Ritz values and learned Rayleigh quotients, 1e-12), here a 2D grid of h = 0.75 checked by
     * one of h = 1 (both on [−9, 9]²); the fine rule's error (visible, above 1e-12) is then within z = 1 of it.
     */
    @Test
    void aCoarserRuleGivesTheFineValuesAndTheirDifferenceAsStandardError() {
        PerturbedStates p = PerturbedStates.of(BASIS, 6, 0.02, true, new Random(3));
        SampledFunctions[] fine = p.sample(PerturbedStates.grid(9, 0.75));
        SampledFunctions[] coarse = p.sample(PerturbedStates.grid(9, 1.0));
        SpectralEstimate f = SpectralEstimate.quadrature(fine[0], fine[1]);
        SpectralEstimate c = SpectralEstimate.quadrature(coarse[0], coarse[1]);
        SpectralEstimate both = SpectralEstimate.againstCoarserRule(fine[0], fine[1], coarse[0], coarse[1]);
        double[] theta = p.exactRitz().ritzValues();
        double worst = 0;
        for (int k = 0; k < 6; k++) {
            worst = Math.max(worst, Math.abs(f.ritzValue(k).value() - theta[k]));
            assertEquals(f.ritzValue(k).value(), both.ritzValue(k).value(), 1e-12, "θ_" + k + " is the fine rule's");
            assertEquals(Math.abs(f.ritzValue(k).value() - c.ritzValue(k).value()), both.ritzValue(k).standardError(),
                    1e-12, "SE(θ_" + k + ") = |θ_fine − θ_coarse|");
            assertEquals(Math.abs(f.rayleighQuotient(k).value() - c.rayleighQuotient(k).value()),
                    both.rayleighQuotient(k).standardError(), 1e-12, "SE(q_" + k + ")");
            assertTrue(Math.abs(both.ritzValue(k).value() - theta[k]) <= both.ritzValue(k).standardError(),
                    "θ_" + k + " = " + theta[k] + " within one estimate of " + both.ritzValue(k));
        }
        assertTrue(worst > 1e-12, "the fine rule's error is visible: " + worst);
        assertEquals(1, both.blocks());
    }

    @Test
    void jackknifeOfOneFunctionAgreesWithTheDeltaMethod() {
        // L = 1: q = Σ wψHψ / Σ wψ²; its delta-method SE is √(Σ_i w_i²ψ_i²(Hψ_i − qψ_i)²)/Σ w_iψ_i²
        // (N−1)/N-corrected; the delete-1 jackknife (blocks = N) agrees to O(1/N)
        PerturbedStates p = PerturbedStates.of(BASIS, 1, 0.3, false, new Random(5));
        int n = 2000;
        SampledFunctions[] s = p.sample(PerturbedStates.gaussian(n, 2, 1.0, new Random(6)));
        SpectralEstimate est = SpectralEstimate.monteCarlo(s[0], s[1], n);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += s[0].weight(i) * s[0].value(i, 0) * s[1].value(i, 0);
            den += s[0].weight(i) * s[0].value(i, 0) * s[0].value(i, 0);
        }
        double q = num / den;
        double var = 0;
        for (int i = 0; i < n; i++) {
            double g = s[0].weight(i) * s[0].value(i, 0) * (s[1].value(i, 0) - q * s[0].value(i, 0));
            var += g * g;
        }
        double delta = Math.sqrt(var * n / (n - 1.0)) / den;
        assertEquals(q, est.ritzValue(0).value(), 1e-13);
        assertEquals(q, est.rayleighQuotient(0).value(), 1e-13);
        assertEquals(delta, est.ritzValue(0).standardError(), 0.02 * delta,
                "jackknife " + est.ritzValue(0).standardError() + " vs delta method " + delta);
        assertEquals(n, est.blocks());
    }

    @Test
    void nearlyParallelRitzVectorsOfANonNormalSampleStillGiveExactValues() {
        // two points, weights 1, Ψ = I and HΨ = M = [[1, 1], [0, 1 + 1e-5]]: the sampled pencil is M itself, with
        // eigenvectors at an angle of 1e-5 (the reference basis is orthonormalised); residuals ‖Mc − θc‖ = 0
        DMatrixRMaj m = new DMatrixRMaj(new double[][] {{1, 1}, {0, 1 + 1e-5}});
        double[] w = {1, 1};
        SpectralEstimate est = SpectralEstimate.quadrature(SampledFunctions.of(CommonOps_DDRM.identity(2), w),
                SampledFunctions.of(m, w));
        // to 1e-11: the eigenvalues' condition number is ~1e5, so float64 gives ~1e5·1e-16
        assertEquals(1, est.ritzValue(0).value(), 1e-11);
        assertEquals(1 + 1e-5, est.ritzValue(1).value(), 1e-11);
        // residuals 0 to 1e-7: the orthonormalised reference basis has O(1) residuals here (M is far from normal),
        // so ρ² cancels to ~κ²·1e-16 with eigenvector condition κ ~ 1e5
        assertTrue(est.residualNorm(0).value() < 1e-7 && est.residualNorm(1).value() < 1e-7,
                est.residualNorms().toString());
    }

    @Test
    void rejectsMismatchedInputAndTooFewBlocks() {
        PerturbedStates p = PerturbedStates.of(BASIS, 3, 0.1, false, new Random(7));
        PerturbedStates.Points points = PerturbedStates.gaussian(50, 2, 1.0, new Random(8));
        SampledFunctions[] s = p.sample(points);
        SampledFunctions[] two = PerturbedStates.of(BASIS, 2, 0.1, false, new Random(7)).sample(points);
        assertThrows(IllegalArgumentException.class, () -> SpectralEstimate.monteCarlo(s[0], two[1]));
        assertThrows(IllegalArgumentException.class, () -> SpectralEstimate.monteCarlo(s[0], s[1], 1));
        assertEquals(50, SpectralEstimate.monteCarlo(s[0], s[1]).blocks(), "K = min(100, N)");
    }
}
