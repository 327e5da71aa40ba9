package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.spectra.ExactEigenbasis;
import org.opsvd.solver.eval.EigenvalueInterval.LowerBound;

/**
 * Coverage and calibration over Monte Carlo replicates (float64). Each replicate draws a new perturbation
 * ψ̃ = (mixed exact span) + ε·(higher states) and a new sample of N points from N(0, I_d) with weights 1/(N·p),
 * and estimates with 100 jackknife blocks. The regime is chosen so that the statistical error matters:
 * SE(θ) ≈ ε/√N is comparable with the O(ε²) gap between θ and E that the upper end and Lehmann's lower end use.
 */
class IntervalCoverageTest {

    private static final int REPLICATES = 200;
    private static final double Z = EigenvalueInterval.DEFAULT_Z;

    /** The smallest z accepted: practically the bare estimates with no statistical widening. */
    private static final double BARE = 1e-9;

    /**
     * Fraction of (replicate, mode) pairs with E_k in interval k; the number of Lehmann lower ends and their
     * coverage; and the coverage of the bare intervals (z → 0), which shows that the widening is needed.
     */
    private static double[] coverage(int d, int l, int states, double eps, int n, int replicates, long seed) {
        ExactEigenbasis basis = PerturbedStates.oscillator(d, null, states);
        double[] e = basis.energies();
        int hits = 0;
        int lehmann = 0;
        int lehmannHits = 0;
        int bareHits = 0;
        Random rng = new Random(seed);
        for (int r = 0; r < replicates; r++) {
            PerturbedStates p = PerturbedStates.of(basis, l, eps, true, rng);
            SampledFunctions[] s = p.sample(PerturbedStates.gaussian(n, d, 1.0, rng));
            SpectralEstimate est = SpectralEstimate.monteCarlo(s[0], s[1]);
            List<EigenvalueInterval> in = EigenvalueInterval.of(est, Z);
            List<EigenvalueInterval> bare = EigenvalueInterval.of(est, BARE);
            for (int k = 0; k < l; k++) {
                bareHits += bare.get(k).contains(e[k]) ? 1 : 0;
                boolean hit = in.get(k).contains(e[k]);
                hits += hit ? 1 : 0;
                if (in.get(k).lowerBound() == LowerBound.LEHMANN) {
                    lehmann++;
                    lehmannHits += hit ? 1 : 0;
                }
            }
        }
        return new double[] {hits / (double) (replicates * l), lehmann, lehmannHits / Math.max(1.0, lehmann),
                bareHits / (double) (replicates * l), replicates};
    }

    @Test
    void intervalsHoldTheExactEigenvaluesAtLeastAsOftenAsStated() {
        double stated = EigenvalueInterval.confidence(Z);
        // 2D, L = 6 (levels 1, 2×2, 3×3), 200 replicates; 3D, L = 4 (1.5, 2.5×3) and 4D, L = 5 (2, 3×4), 100 each;
        // ε = 0.03, N = 1000
        int[][] cases = {{2, 6, 15, REPLICATES}, {3, 4, 10, REPLICATES / 2}, {4, 5, 15, REPLICATES / 2}};
        StringBuilder report = new StringBuilder(String.format("coverage at z = %.0f (stated ≥ %.4f):", Z, stated));
        double[][] results = new double[cases.length][];
        for (int c = 0; c < cases.length; c++) {
            results[c] = coverage(cases[c][0], cases[c][1], cases[c][2], 0.03, 1000, cases[c][3], c + 1);
            report.append(String.format(" %dD L=%d, %d replicates: %.4f (Lehmann ends %d, covered %.4f; bare %.4f);",
                    cases[c][0], cases[c][1], cases[c][3], results[c][0], (int) results[c][1], results[c][2],
                    results[c][3]));
        }
        System.out.println(report);
        for (double[] r : results) {
            assertTrue(r[0] >= stated, report.toString());
            assertTrue(r[3] < 0.9, "the regime needs the widening: " + report);
            assertTrue(r[1] >= r[4], "Lehmann is used (every level but the last): " + report);
        }
    }

    @Test
    void standardErrorsAreCalibrated() {
        // anisotropic 2D oscillator ω = (1, 1.3): E = 1.15, 2.15, 2.45, 3.15, 3.45 (no degeneracy), L = 5,
        // ε = 0.05, N = 1000; z_k = (θ̂_k − θ_k)/SE_k against the exact Ritz values θ_k of the same span
        ExactEigenbasis basis = PerturbedStates.oscillator(2, new double[] {1, 1.3}, 15);
        int l = 5;
        double[] sum = new double[l];
        double[] sumSq = new double[l];
        double[] rhoSum = new double[l];
        double[] rhoSq = new double[l];
        Random rng = new Random(3);
        for (int r = 0; r < REPLICATES; r++) {
            PerturbedStates p = PerturbedStates.of(basis, l, 0.05, true, rng);
            SampledFunctions[] s = p.sample(PerturbedStates.gaussian(1000, 2, 1.0, rng));
            SpectralEstimate est = SpectralEstimate.monteCarlo(s[0], s[1]);
            double[] theta = p.exactRitz().ritzValues();
            double[] rho = p.exactResidualNorms();
            for (int k = 0; k < l; k++) {
                double z = est.ritzValue(k).zScore(theta[k]);
                double zr = est.residualNorm(k).zScore(rho[k]);
                sum[k] += z;
                sumSq[k] += z * z;
                rhoSum[k] += zr;
                rhoSq[k] += zr * zr;
            }
        }
        StringBuilder report = new StringBuilder("z-scores over " + REPLICATES + " replicates (mean, sd) θ:");
        double pooled = 0;
        for (int k = 0; k < l; k++) {
            double mean = sum[k] / REPLICATES;
            double sd = Math.sqrt(sumSq[k] / REPLICATES - mean * mean);
            pooled += sumSq[k];
            report.append(String.format(" (%.2f, %.2f)", mean, sd));
        }
        pooled = Math.sqrt(pooled / (l * REPLICATES));
        report.append(String.format("; pooled rms %.3f; ρ:", pooled));
        double pooledRho = 0;
        for (int k = 0; k < l; k++) {
            double mean = rhoSum[k] / REPLICATES;
            pooledRho += rhoSq[k];
            report.append(String.format(" (%.2f, %.2f)", mean, Math.sqrt(rhoSq[k] / REPLICATES - mean * mean)));
        }
        pooledRho = Math.sqrt(pooledRho / (l * REPLICATES));
        report.append(String.format("; pooled rms %.3f", pooledRho));
        System.out.println(report);
        assertEquals(1, pooled, 0.15, report.toString());
        for (int k = 0; k < l; k++) {
            double mean = sum[k] / REPLICATES;
            assertEquals(1, Math.sqrt(sumSq[k] / REPLICATES - mean * mean), 0.25, "mode " + k + ": " + report);
            assertEquals(0, mean, 0.3, "mode " + k + ": " + report);
        }
    }
}
