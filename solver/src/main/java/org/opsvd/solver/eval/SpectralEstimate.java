package org.opsvd.solver.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.solver.NumericalFailure;

/**
 * Eigenvalue estimates of H from L functions ψ and their images Hψ sampled at N points, with standard errors,
 * needing no grid and no reference: the input to {@link EigenvalueInterval}. Energies in hartree.
 *
 * <p><b>Input.</b> Ψ and HΨ (both [N, L]) on one quadrature with weights w_i, so ⟨f, g⟩ ≈ Σ_i w_i f(x_i)g(x_i).
 * For importance-sampled Monte Carlo, x_i ~ p i.i.d. and w_i = 1/(N·p(x_i)); every quantity below is a ratio of
 * such sums, so p need only be known up to a constant factor.
 *
 * <p><b>Quantities</b> (exact-integral definitions; the estimates replace each integral by the weighted sum):
 * <ul>
 *   <li>Ritz values θ_0 ≤ … ≤ θ_{L−1}: the generalised eigenvalues of A c = θ B c, A = ⟨ψ, Hψ⟩, B = ⟨ψ, ψ⟩,
 *       with A as sampled, not symmetrised, which makes them exact with zero variance for eigenfunctions in the
 *       span on any sample ({@link RitzPencil}); Ritz functions u_k = ψc_k. For the exact integrals θ_k ≥ λ_k, the
 *       k-th eigenvalue of H counted with multiplicity (Poincaré's min–max);</li>
 *   <li>residual norms ρ_k = ‖(H − θ_k)u_k‖/‖u_k‖ (hartree), from ⟨ψ, ψ⟩, ⟨ψ, Hψ⟩ and ⟨Hψ, Hψ⟩ of the same
 *       samples, computed without cancellation ({@link RitzMoments});</li>
 *   <li>local-energy variances σ_k² = ⟨u_k²(E_L − θ_k)²⟩/⟨u_k²⟩ with E_L = Hu_k/u_k (hartree²), the variational
 *       Monte Carlo quantity. It equals ρ_k² as an integral and, with these weights, as an estimate too (the
 *       sample variance of E_L under the weights w_i u_k(x_i)²); it is listed for its own standard error;</li>
 *   <li>Rayleigh quotients q_l = ⟨ψ_l, Hψ_l⟩/⟨ψ_l, ψ_l⟩ of the learned functions themselves, and their
 *       residual norms ‖(H − q_l)ψ_l‖/‖ψ_l‖.</li>
 * </ul>
 *
 * <p><b>Standard errors: delete-a-block jackknife.</b> The N points are cut into K contiguous blocks; each
 * quantity f is recomputed from the sums without block b (f_{−b}, re-solving the Rayleigh–Ritz problem), and
 * SE(f)² = (K−1)/K·Σ_b (f_{−b} − f̄)². Why: every quantity is a smooth function of the means of the 2L×2L
 * second moments of [ψ, Hψ] (for θ_k of a simple eigenvalue; ρ_k likewise), for which the jackknife is
 * consistent and agrees to first order with the delta method, without differentiating a generalised
 * eigenproblem by hand; it costs one pass over the points (block moment matrices) plus K small L×L solves;
 * and contiguous blocks make it batch means, so it stays valid for Markov-chain samples whose blocks are
 * longer than the autocorrelation time. K = min(blocks, N) blocks of ⌊N/K⌋ or ⌈N/K⌉ points; with K − 1
 * degrees of freedom the SE itself is uncertain by ≈ 1/√(2(K−1)) (7% at K = 100). The reported value is the
 * full-sample estimate (the ratio estimators' O(1/N) bias is far below their O(N^{−½}) error). Because θ_k is
 * stationary in c_k, its SE is, to first order, that of the sample Rayleigh quotient of the fixed Ritz function.
 * Inside a degenerate level the sorted Ritz values are continuous but not smooth; the jackknife is rougher there
 * but still used. Measured (IntervalCoverageTest): z-scores (θ̂_k − θ_k)/SE over 200 replicates have standard
 * deviation 1.00–1.05 per mode, those of ρ̂_k 0.99–1.15.
 *
 * <p>{@link #quadrature} treats the weights as a deterministic rule: standard errors 0 (only the rule's
 * discretisation error remains, which it does not estimate); {@link #interleaved} estimates that error from two
 * grids offset by half a spacing, {@link #againstCoarserRule} from a second, coarser rule (the values being the finer
 * rule's). All arithmetic float64. Immutable.
 */
public final class SpectralEstimate {

    /** Jackknife blocks K used by {@link #monteCarlo(SampledFunctions, SampledFunctions)}. */
    public static final int DEFAULT_BLOCKS = 100;

    private final int points;
    private final int blocks;
    private final List<Estimate> ritzValues;
    private final List<Estimate> residualNorms;
    private final List<Estimate> localEnergyVariances;
    private final List<Estimate> rayleighQuotients;
    private final List<Estimate> learnedResidualNorms;
    private final DMatrixRMaj rotation;
    private final RitzMoments moments;
    private final DMatrixRMaj total;
    private final List<DMatrixRMaj> without;
    /** Standard errors are |f − f_check| against the one replicate (a coarser rule), not the jackknife's. */
    private final boolean difference;

    private SpectralEstimate(int points, int blocks, RitzMoments moments, DMatrixRMaj total,
                             List<DMatrixRMaj> without, DMatrixRMaj rotation, boolean difference) {
        this.points = points;
        this.blocks = blocks;
        this.difference = difference;
        this.moments = moments;
        this.total = total;
        this.without = List.copyOf(without);
        RitzMoments.Values full = moments.evaluate(total);
        List<RitzMoments.Values> jack = new ArrayList<>();
        for (DMatrixRMaj g : without) {
            jack.add(moments.evaluate(g));
        }
        int l = full.ritzValues().length;
        List<Estimate> theta = new ArrayList<>();
        List<Estimate> rho = new ArrayList<>();
        List<Estimate> variance = new ArrayList<>();
        List<Estimate> q = new ArrayList<>();
        List<Estimate> learnedRho = new ArrayList<>();
        for (int k = 0; k < l; k++) {
            final int m = k;
            theta.add(spread(full.ritzValues()[m], jack, v -> v.ritzValues()[m]));
            rho.add(spread(Math.sqrt(full.residualSquares()[m]), jack, v -> Math.sqrt(v.residualSquares()[m])));
            variance.add(spread(full.residualSquares()[m], jack, v -> v.residualSquares()[m]));
            q.add(spread(full.rayleighQuotients()[m], jack, v -> v.rayleighQuotients()[m]));
            learnedRho.add(spread(Math.sqrt(full.learnedResidualSquares()[m]), jack,
                    v -> Math.sqrt(v.learnedResidualSquares()[m])));
        }
        this.ritzValues = List.copyOf(theta);
        this.residualNorms = List.copyOf(rho);
        this.localEnergyVariances = List.copyOf(variance);
        this.rayleighQuotients = List.copyOf(q);
        this.learnedResidualNorms = List.copyOf(learnedRho);
        this.rotation = rotation.copy();
    }

    /** Monte Carlo estimates with {@link #DEFAULT_BLOCKS} jackknife blocks. */
    public static SpectralEstimate monteCarlo(SampledFunctions psi, SampledFunctions hPsi) {
        return monteCarlo(psi, hPsi, DEFAULT_BLOCKS);
    }

    /**
     * Monte Carlo estimates from ψ [N, L] and Hψ [N, L] at points x_i ~ p (i.i.d., or a Markov chain in order)
     * with weights w_i ∝ 1/p(x_i), standard errors by the delete-a-block jackknife over min(blocks, N) blocks.
     *
     * @throws IllegalArgumentException on mismatched shapes or quadratures, or fewer than 2 blocks
     * @throws NumericalFailure         if ⟨ψ, ψ⟩ is not positive definite on the sample or on a jackknife subsample
     */
    public static SpectralEstimate monteCarlo(SampledFunctions psi, SampledFunctions hPsi, int blocks) {
        if (blocks < 2) {
            throw new IllegalArgumentException("the jackknife needs at least 2 blocks, got " + blocks);
        }
        if (psi.points() < 2) {
            throw new IllegalArgumentException("the jackknife needs at least 2 points, got " + psi.points());
        }
        return of(psi, hPsi, Math.min(blocks, psi.points()));
    }

    /** Estimates on a deterministic quadrature (e.g. a grid): standard errors 0. */
    public static SpectralEstimate quadrature(SampledFunctions psi, SampledFunctions hPsi) {
        return of(psi, hPsi, 1);
    }

    /**
     * Estimates on two interleaved grids of N points each (a grid and its copy offset by half a spacing along every
     * axis): the values from their union, each point weighted w_i/2, and as standard error the two-block jackknife,
     * which is |f_A − f_B|/2 for every quantity f estimated on grid A and on grid B alone. That difference measures
     * the discretisation error of either grid rule; the union's own error is smaller (the leading aliasing terms of
     * the two grids have opposite signs), so an interval of z = 3 such errors around the union's value is
     * conservative. Measured on a learned 2D solve: one grid of h = 0.27 put a Ritz value 6.1e-4 below its
     * converged value; the two grids differed by 8.1e-4 and their union was 2.0e-4 off.
     *
     * @throws IllegalArgumentException when the two grids' point counts differ
     */
    public static SpectralEstimate interleaved(SampledFunctions psiA, SampledFunctions hPsiA,
                                               SampledFunctions psiB, SampledFunctions hPsiB) {
        if (psiA.points() != psiB.points()) {
            throw new IllegalArgumentException("interleaved grids need equal point counts, got " + psiA.points()
                    + " and " + psiB.points());
        }
        return of(SampledFunctions.union(psiA, psiB), SampledFunctions.union(hPsiA, hPsiB), 2);
    }

    /**
     * Estimates on a fine deterministic rule (Ψ, HΨ on N points) checked against a coarser rule of the same kind
     * (Ψ_c, HΨ_c on N_c points, e.g. Gauss–Legendre with n and n − 2 points per axis): every quantity f is the fine
     * rule's, f_fine, and its standard error is |f_fine − f_coarse|, both computed in the same basis (the fine rule's
     * Ritz vectors; the coarse rule's moments are the replicate). For a rule converging geometrically, E_n ∝ ρ^{−2n},
     * that difference is ≈ |E_{n−2}| ≈ ρ⁴|E_n|, so an interval of z such errors around f_fine is conservative (the
     * errors alternate in sign with n, so a difference can be small by chance: z = 3 is used).
     * {@link #blocks()} is 1 (one check rule).
     *
     * @throws IllegalArgumentException on mismatched function counts
     */
    public static SpectralEstimate againstCoarserRule(SampledFunctions psi, SampledFunctions hPsi,
                                                      SampledFunctions psiCoarse, SampledFunctions hPsiCoarse) {
        if (psiCoarse.functions() != psi.functions()) {
            throw new IllegalArgumentException(psi.functions() + " functions on the fine rule but "
                    + psiCoarse.functions() + " on the coarse one");
        }
        SpectralEstimate fine = of(psi, hPsi, 1);
        DMatrixRMaj coarse = momentsIn(fine.rotation, fine.moments.shifts(), psiCoarse, hPsiCoarse);
        return new SpectralEstimate(fine.points, 1, fine.moments, fine.total, List.of(coarse), fine.rotation, true);
    }

    /**
     * The 2L×2L second moments Σ_i w_i [φ, Hφ − θ⁰φ]ᵀ[φ, Hφ − θ⁰φ] of φ = ψR on the samples' own quadrature (as
     * {@link #of} forms them for one block).
     */
    private static DMatrixRMaj momentsIn(DMatrixRMaj r, double[] theta0, SampledFunctions psi, SampledFunctions hPsi) {
        int l = psi.functions();
        if (hPsi.functions() != l) {
            throw new IllegalArgumentException(l + " functions but " + hPsi.functions() + " samples of Hψ");
        }
        psi.requireSameQuadrature(hPsi);
        DMatrixRMaj phi = psi.times(r).rawValues();
        DMatrixRMaj residual = hPsi.times(r).rawValues();
        for (int i = 0; i < psi.points(); i++) {
            for (int j = 0; j < l; j++) {
                residual.data[i * l + j] -= theta0[j] * phi.data[i * l + j];
            }
        }
        return WeightedProducts.gram(psi.rawWeights(), phi, residual);
    }

    private static SpectralEstimate of(SampledFunctions psi, SampledFunctions hPsi, int k) {
        int l = psi.functions();
        if (hPsi.functions() != l) {
            throw new IllegalArgumentException(l + " functions but " + hPsi.functions() + " samples of Hψ");
        }
        psi.requireSameQuadrature(hPsi);
        DMatrixRMaj gram = psi.gram();
        DMatrixRMaj cross = psi.crossGram(hPsi);
        DMatrixRMaj r = referenceBasis(gram, cross);
        double[] theta0 = quotients(r, gram, cross);
        DMatrixRMaj phi = psi.times(r).rawValues();
        DMatrixRMaj residual = hPsi.times(r).rawValues();
        int n = psi.points();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < l; j++) {
                residual.data[i * l + j] -= theta0[j] * phi.data[i * l + j];
            }
        }
        DMatrixRMaj inverse = r.copy();
        if (!CommonOps_DDRM.invert(inverse)) {
            throw new NumericalFailure("the Ritz vectors of the sample are linearly dependent");
        }
        RitzMoments moments = new RitzMoments(theta0, inverse);
        double[] w = psi.rawWeights();
        DMatrixRMaj[] parts = new DMatrixRMaj[k];
        DMatrixRMaj total = new DMatrixRMaj(2 * l, 2 * l);
        for (int b = 0; b < k; b++) {
            int from = (int) ((long) b * n / k);
            int to = (int) ((long) (b + 1) * n / k);
            parts[b] = WeightedProducts.gram(Arrays.copyOfRange(w, from, to),
                    CommonOps_DDRM.extract(phi, from, to, 0, l), CommonOps_DDRM.extract(residual, from, to, 0, l));
            CommonOps_DDRM.addEquals(total, parts[b]);
        }
        List<DMatrixRMaj> without = new ArrayList<>();
        if (k > 1) {
            for (int b = 0; b < k; b++) {
                DMatrixRMaj g = new DMatrixRMaj(2 * l, 2 * l);
                CommonOps_DDRM.subtract(total, parts[b], g);
                without.add(g);
            }
        }
        return new SpectralEstimate(n, k > 1 ? k : 0, moments, total, without, r, false);
    }

    /**
     * The coefficients R of the reference basis φ = ψR: the sample's Ritz vectors, unless sampling noise made
     * two of them nearly parallel (Gram RᵀBR with eigenvalue ratio below {@value #PARALLEL}), in which case
     * they are orthonormalised symmetrically, R(RᵀBR)^{−½} (Löwdin), which mixes only the near-parallel,
     * hence near-degenerate, vectors and so keeps the residuals small.
     */
    private static DMatrixRMaj referenceBasis(DMatrixRMaj b, DMatrixRMaj a) {
        DMatrixRMaj r = RitzPencil.solve(b, a).vectors();
        int l = r.numRows;
        DMatrixRMaj br = new DMatrixRMaj(l, l);
        DMatrixRMaj gram = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(b, r, br);
        CommonOps_DDRM.multTransA(r, br, gram);
        SymmetricEigen eig = SymmetricEigen.of(gram);
        if (eig.values()[0] >= PARALLEL * eig.values()[l - 1]) {
            return r;
        }
        DMatrixRMaj out = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(r, eig.inverseSqrt(false), out);
        return out;
    }

    /** Eigenvalue ratio of the reference Gram below which Ritz vectors count as nearly parallel. */
    static final double PARALLEL = 1e-8;

    /** (RᵀAR)_jj / (RᵀBR)_jj: the sample Rayleigh quotients of the columns of ψR. */
    private static double[] quotients(DMatrixRMaj r, DMatrixRMaj b, DMatrixRMaj a) {
        int l = r.numRows;
        DMatrixRMaj tmp = new DMatrixRMaj(l, l);
        DMatrixRMaj rar = new DMatrixRMaj(l, l);
        DMatrixRMaj rbr = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(a, r, tmp);
        CommonOps_DDRM.multTransA(r, tmp, rar);
        CommonOps_DDRM.mult(b, r, tmp);
        CommonOps_DDRM.multTransA(r, tmp, rbr);
        double[] out = new double[l];
        for (int j = 0; j < l; j++) {
            out[j] = rar.get(j, j) / rbr.get(j, j);
        }
        return out;
    }

    /** The jackknife's SE, or with {@link #difference} |value − f(check)| against the one check replicate. */
    private <T> Estimate spread(double value, List<T> replicates, java.util.function.ToDoubleFunction<T> f) {
        if (difference) {
            return new Estimate(value, Math.abs(value - f.applyAsDouble(replicates.get(0))));
        }
        return jackknife(value, replicates, f);
    }

    private static <T> Estimate jackknife(double value, List<T> replicates, java.util.function.ToDoubleFunction<T> f) {
        int k = replicates.size();
        if (k == 0) {
            return new Estimate(value, 0);
        }
        double[] x = new double[k];
        double mean = 0;
        for (int b = 0; b < k; b++) {
            x[b] = f.applyAsDouble(replicates.get(b));
            mean += x[b];
        }
        mean /= k;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return new Estimate(value, Math.sqrt((k - 1.0) / k * ss));
    }

    /** The number L of functions (and of Ritz values). */
    public int modes() {
        return ritzValues.size();
    }

    /** The number N of points. */
    public int points() {
        return points;
    }

    /** The number K of jackknife blocks; 0 for a deterministic quadrature. */
    public int blocks() {
        return blocks;
    }

    /** θ_k ± SE, ascending in k (hartree). */
    public Estimate ritzValue(int k) {
        return ritzValues.get(k);
    }

    /** ρ_k = ‖(H − θ_k)u_k‖/‖u_k‖ ± SE of Ritz function k (hartree). */
    public Estimate residualNorm(int k) {
        return residualNorms.get(k);
    }

    /** σ_k² = ρ_k² ± SE, the local-energy variance of Ritz function k (hartree²). */
    public Estimate localEnergyVariance(int k) {
        return localEnergyVariances.get(k);
    }

    /** q_l = ⟨ψ_l, Hψ_l⟩/⟨ψ_l, ψ_l⟩ ± SE of learned function l (hartree). */
    public Estimate rayleighQuotient(int l) {
        return rayleighQuotients.get(l);
    }

    /** ‖(H − q_l)ψ_l‖/‖ψ_l‖ ± SE of learned function l (hartree). */
    public Estimate learnedResidualNorm(int l) {
        return learnedResidualNorms.get(l);
    }

    /** θ_0 … θ_{L−1} ± SE. */
    public List<Estimate> ritzValues() {
        return ritzValues;
    }

    /** ρ_0 … ρ_{L−1} ± SE. */
    public List<Estimate> residualNorms() {
        return residualNorms;
    }

    /** σ_0² … σ_{L−1}² ± SE. */
    public List<Estimate> localEnergyVariances() {
        return localEnergyVariances;
    }

    /** q_0 … q_{L−1} ± SE. */
    public List<Estimate> rayleighQuotients() {
        return rayleighQuotients;
    }

    /** The residual norms of the learned functions ± SE. */
    public List<Estimate> learnedResidualNorms() {
        return learnedResidualNorms;
    }

    /**
     * Lehmann's lower bounds for λ_0 … λ_{m−1} (hartree) ± SE, from the first m Ritz functions of the full sample
     * (fixed trial functions u_j, the same for every jackknife replicate) and a number ρ such that H has exactly
     * m eigenvalues below ρ.
     *
     * <p><b>Theorem</b> (Lehmann; Maehly): with A₀ = ⟨u, u⟩, A₁ = ⟨u, Hu⟩, N = ⟨(H − ρ)u, (H − ρ)u⟩ (m×m) and
     * C = ρA₀ − A₁ positive definite, let ν_0 ≤ … ≤ ν_{m−1} solve N v = ν C v. Then λ_k ≥ ρ − ν_{m−1−k}.
     * Proof: the −1/ν are the Ritz values of the bounded operator K = (H − ρ)^{−1} on the trial space
     * (H − ρ)u (⟨(H − ρ)u, K(H − ρ)u⟩ = −C, ⟨(H − ρ)u, (H − ρ)u⟩ = N); K's lowest eigenvalues are 1/(λ_{m−1} − ρ)
     * ≤ … ≤ 1/(λ_0 − ρ) &lt; 0, and min–max for K gives −1/ν_i ≥ 1/(λ_{m−1−i} − ρ). For m = 1 this is Temple's
     * bound θ − ρ_res²/(ρ − θ); for a cluster it bounds every member to second order in the residuals, where
     * Temple needs a gap above each member (a degenerate level's lower members have none).
     *
     * @param m   number of trial functions, 1 ≤ m ≤ L
     * @param rho the shift ρ (hartree); the caller guarantees λ_{m−1} &lt; ρ ≤ λ_m
     * @return m estimates ascending in k; empty when C is not positive definite on the sample or on a replicate
     */
    public List<Estimate> lehmannLowerBounds(int m, double rho) {
        if (m < 1 || m > modes()) {
            throw new IllegalArgumentException("Lehmann bounds need 1 ≤ m ≤ " + modes() + ", got " + m);
        }
        double[] full = moments.lehmann(total, m, rho);
        List<double[]> jack = new ArrayList<>();
        for (DMatrixRMaj g : without) {
            jack.add(moments.lehmann(g, m, rho));
        }
        if (Double.isNaN(full[0]) || jack.stream().anyMatch(b -> Double.isNaN(b[0]))) {
            return List.of();
        }
        List<Estimate> out = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            final int j = k;
            out.add(spread(full[k], jack, b -> b[j]));
        }
        return List.copyOf(out);
    }

    /** The full-sample coefficients R (L×L): ψR are the Ritz functions u_k, with ⟨u_k, u_k⟩ = 1 on the sample. */
    public DMatrixRMaj rotation() {
        return rotation.copy();
    }
}
