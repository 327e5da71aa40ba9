package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.spectra.ExactEigenbasis;
import org.opsvd.solver.eval.EigenvalueInterval.LowerBound;

/**
 * {@link EigenvalueInterval} on the 2D oscillator H = −½Δ + ½|x|² (E = 1, 2, 2, 3, 3, 3 hartree), float64: the
 * ends follow the Weinstein, Temple and min–max formulas, hold the exact eigenvalues (degenerate levels split by
 * L too), and fail, as documented, only for a span that misses a level.
 */
class EigenvalueIntervalTest {

    private static final ExactEigenbasis BASIS = PerturbedStates.oscillator(2, null, 15);
    private static final PerturbedStates.Points GRID = PerturbedStates.grid(9, 0.25);
    private static final double[] E = {1, 2, 2, 3, 3, 3};

    private static SpectralEstimate onGrid(PerturbedStates p) {
        SampledFunctions[] s = p.sample(GRID);
        return SpectralEstimate.quadrature(s[0], s[1]);
    }

    @Test
    void exactEigenfunctionsGivePointIntervalsAtTheEigenvalues() {
        SpectralEstimate est = onGrid(PerturbedStates.of(BASIS, 6, 0, true, new Random(1)));
        List<EigenvalueInterval> in = EigenvalueInterval.of(est, 3);
        for (int k = 0; k < 6; k++) {
            assertTrue(in.get(k).contains(E[k]), k + ": " + in.get(k));
            assertTrue(in.get(k).width() < 1e-11, k + ": width " + in.get(k).width());
        }
    }

    @Test
    void endsAreMinMaxAboveAndTheSharperOfWeinsteinAndTempleBelow() {
        // ε = 0.05 on a grid (standard errors 0): upper = θ_k; lower = θ_k − ρ_k²/(θ_{k+1} − ρ_{k+1} − θ_k) at the
        // top of each level (Temple, with mode k+1's Weinstein end as the gap), θ_k − ρ_k inside a level and at k = L−1
        PerturbedStates p = PerturbedStates.of(BASIS, 6, 0.05, true, new Random(2));
        SpectralEstimate est = onGrid(p);
        double[] theta = p.exactRitz().ritzValues();
        double[] rho = p.exactResidualNorms();
        List<EigenvalueInterval> in = EigenvalueInterval.of(est, 3);
        LowerBound[] kinds = {LowerBound.TEMPLE, LowerBound.WEINSTEIN, LowerBound.TEMPLE,
                LowerBound.WEINSTEIN, LowerBound.WEINSTEIN, LowerBound.WEINSTEIN};
        for (int k = 0; k < 6; k++) {
            EigenvalueInterval i = in.get(k);
            double lower = kinds[k] == LowerBound.TEMPLE
                    ? theta[k] - rho[k] * rho[k] / (theta[k + 1] - rho[k + 1] - theta[k])
                    : theta[k] - rho[k];
            assertEquals(kinds[k], i.lowerBound(), "mode " + k);
            assertEquals(lower, i.lower(), 1e-10, "lower end of mode " + k);
            assertEquals(theta[k], i.upper(), 1e-10, "upper end of mode " + k);
            assertTrue(i.contains(E[k]), k + ": " + E[k] + " ∉ " + i);
            EigenvalueInterval w = EigenvalueInterval.weinstein(est, k, 3);
            assertEquals(theta[k] - rho[k], w.lower(), 1e-10);
            assertEquals(theta[k] + rho[k], w.upper(), 1e-10);
            assertTrue(w.contains(E[k]));
        }
        // Temple is second order: its gap ρ²/(β − θ) is ρ/(β − θ) ≈ 0.25 of Weinstein's ρ for the ground state here
        assertTrue(theta[0] - in.get(0).lower() < 0.3 * rho[0], "Temple gap " + (theta[0] - in.get(0).lower())
                + " vs ρ_0 = " + rho[0]);
    }

    @Test
    void degenerateLevelsSplitByLStillHoldTheirEigenvalues() {
        // L = 2 takes one of the two E = 2 states; L = 4 one of the three E = 3 states (mixed, ε = 0.05)
        for (int l : new int[] {2, 4}) {
            for (int seed = 0; seed < 5; seed++) {
                PerturbedStates p = PerturbedStates.of(BASIS, l, 0.05, true, new Random(10 + seed));
                SampledFunctions[] s = p.sample(PerturbedStates.gaussian(2000, 2, 1.0, new Random(20 + seed)));
                for (SpectralEstimate est : new SpectralEstimate[] {onGrid(p),
                        SpectralEstimate.monteCarlo(s[0], s[1])}) {
                    List<EigenvalueInterval> in = EigenvalueInterval.of(est, 3);
                    for (int k = 0; k < l; k++) {
                        assertTrue(in.get(k).contains(E[k]), "L = " + l + ", mode " + k + ": " + E[k] + " ∉ "
                                + in.get(k) + " (seed " + seed + ", " + est.blocks() + " blocks)");
                    }
                    assertEquals(LowerBound.WEINSTEIN, in.get(l - 1).lowerBound(), "no gap above the last mode");
                }
            }
        }
    }

    @Test
    void aSpanThatMissesTheGroundStateBreaksOnlyTheLowerEndsAssumption() {
        // ψ̃ spans states 1, 2, 3 (E = 2, 2, 3) + ε·higher: each Weinstein interval still holds an eigenvalue,
        // but the interval for "λ_0" sits at 2 and misses λ_0 = 1 (assumption (A) fails; upper ends stay valid)
        int m = BASIS.count();
        DMatrixRMaj f = new DMatrixRMaj(m, 3);
        Random rng = new Random(4);
        for (int k = 0; k < 3; k++) {
            f.set(k + 1, k, 1);
            for (int j = 6; j < m; j++) {
                f.set(j, k, 0.05 * rng.nextGaussian());
            }
        }
        SpectralEstimate est = onGrid(new PerturbedStates(BASIS, f));
        List<EigenvalueInterval> in = EigenvalueInterval.of(est, 3);
        double[] nearest = {2, 2, 3};
        for (int k = 0; k < 3; k++) {
            assertTrue(EigenvalueInterval.weinstein(est, k, 3).contains(nearest[k]), "Weinstein " + k);
            assertTrue(in.get(k).upper() >= E[k], "min–max upper end " + k);
        }
        assertFalse(in.get(0).contains(1), "λ_0 = 1 ∉ " + in.get(0));
    }

    @Test
    void statedConfidenceIsBonferroniOverFiveNormalTails() {
        assertEquals(1 - 5 * 0.0013498980316301, EigenvalueInterval.confidence(3), 1e-12);
        assertEquals(1 - 5 * 0.0227501319481792, EigenvalueInterval.confidence(2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> EigenvalueInterval.confidence(0));
        assertThrows(IllegalArgumentException.class, () -> new EigenvalueInterval(1, 0, LowerBound.WEINSTEIN));
    }
}
