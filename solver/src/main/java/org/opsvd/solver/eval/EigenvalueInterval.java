package org.opsvd.solver.eval;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Erf;

/**
 * An interval [lower, upper] (hartree) for λ_k, the k-th eigenvalue of H counted with multiplicity, from the Ritz
 * value θ_k and residual norm ρ_k of a {@link SpectralEstimate}, with the Monte Carlo error folded in.
 *
 * <p><b>Theorems</b> (H self-adjoint and bounded below; θ_k, ρ_k, u_k the exact-integral Ritz quantities of the
 * learned span, ‖u_k‖ = 1):
 * <ol>
 *   <li>Weinstein: for any u ≠ 0 and μ, dist(μ, spectrum of H) ≤ ‖(H − μ)u‖/‖u‖. So [θ_k − ρ_k, θ_k + ρ_k]
 *       contains a point of the spectrum — <i>some</i> eigenvalue, not necessarily λ_k (unconditional);</li>
 *   <li>Poincaré's min–max: λ_k ≤ θ_k (unconditional; λ_k is the k-th min–max value, i.e. the k-th eigenvalue
 *       below the essential spectrum, or the bottom of the essential spectrum if there are fewer);</li>
 *   <li>Temple (Kato–Temple form): if β ≤ λ_{k+1} and θ_k &lt; β, there is no spectrum in (λ_k, β), so
 *       (H − λ_k)(H − β) ≥ 0 and ⟨u_k, (H − λ_k)(H − β)u_k⟩ = ρ_k² − (θ_k − λ_k)(β − θ_k) ≥ 0, whence
 *       λ_k ≥ θ_k − ρ_k²/(β − θ_k) (second order in ρ where Weinstein is first order);</li>
 *   <li>Lehmann (its generalisation to clusters, {@link SpectralEstimate#lehmannLowerBounds}): if exactly m
 *       eigenvalues lie below β, the first m Ritz functions bound all of λ_0 … λ_{m−1} from below at once, to
 *       second order in the residuals, with no gap needed between them.</li>
 * </ol>
 * <b>Assumption (A)</b> for the lower ends: θ_j − ρ_j ≤ λ_j for every j, i.e. H has at most j eigenvalues below
 * θ_j − ρ_j: the learned span has missed no level. Samples of the span cannot verify it (a span orthogonal to
 * an eigenfunction, e.g. by symmetry, makes lower ends false while every Weinstein interval stays true); it is
 * what a converged solve delivers and what the coverage tests check on exact spectra. Under (A) the Weinstein
 * lower end of mode m serves as β ≤ λ_m, so Lehmann needs no separate gap estimate.
 *
 * <p><b>The interval.</b> With estimates θ̂ ± s_θ, ρ̂ ± s_ρ and z &gt; 0, write θ⁻ = θ̂_k − z·s_θ,
 * θ⁺ = θ̂_k + z·s_θ, ρ⁺ = ρ̂_k + z·s_ρ, and β_m = θ⁻_m − ρ⁺_m (mode m's Weinstein lower end):
 * <ul>
 *   <li>upper = θ⁺ (min–max; always sharper than Weinstein's θ + ρ);</li>
 *   <li>lower = max(θ⁻ − ρ⁺, ℓ̂_k − z·s_ℓ), where ℓ̂_k ± s_ℓ is Lehmann's bound for λ_k with the first m Ritz
 *       functions and ρ = β_m, m the first index above k whose gap the residuals resolve: β_m − θ⁺_{m−1} &gt;
 *       ρ⁺_{m−1}. Then λ_{m−1} ≤ θ_{m−1} ≤ θ⁺_{m−1} &lt; β_m ≤ λ_m (min–max and (A)): exactly m eigenvalues lie below
 *       β_m, as the theorem needs. Modes of the last cluster (no such m &lt; L) keep Weinstein's end. The bound's
 *       standard error comes from the same jackknife as every other quantity, with β_m held fixed.</li>
 * </ul>
 * Both ends are widened by a round-off allowance {@value #ROUND_OFF}·max_j |θ̂_j| (float64 sums and the L×L
 * generalised eigenproblems). <b>Confidence</b>: the interval uses at most seven one-sided events (θ_k above θ⁻
 * and below θ⁺, ρ_k below ρ⁺, θ_m above θ⁻_m, ρ_m below ρ⁺_m, θ_{m−1} below θ⁺_{m−1}, Lehmann's bound above
 * ℓ̂_k − z·s_ℓ); with normal sampling distributions and Bonferroni, it holds λ_k with probability
 * ≥ {@link #confidence(double) 1 − 7Φ(−z)} (99.1% at z = 3), given (A). With a deterministic quadrature
 * (standard errors 0) the statement is exact up to the quadrature's discretisation.
 *
 * @param lower      lower end (hartree)
 * @param upper      upper end (hartree)
 * @param lowerBound the theorem that gave the lower end
 */
public record EigenvalueInterval(double lower, double upper, LowerBound lowerBound) {

    /** Default z: three standard errors. */
    public static final double DEFAULT_Z = 3;

    /** Relative round-off allowance on both ends, times max_j |θ̂_j|. */
    public static final double ROUND_OFF = 1e-13;

    /** Which inequality gave the lower end. */
    public enum LowerBound { WEINSTEIN, LEHMANN }

    public EigenvalueInterval {
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] is empty or not finite");
        }
        if (lowerBound == null) {
            throw new IllegalArgumentException("name the lower bound");
        }
    }

    /** The intervals for λ_0 … λ_{L−1} at z standard errors (see the class comment). */
    public static List<EigenvalueInterval> of(SpectralEstimate estimate, double z) {
        requireZ(z);
        int l = estimate.modes();
        double slack = roundOff(estimate);
        List<EigenvalueInterval> out = new ArrayList<>(l);
        List<Estimate> lehmann = List.of();
        int top = -1;
        for (int k = 0; k < l; k++) {
            if (k > top) {
                top = clusterTop(estimate, k, z);
                lehmann = top + 1 < l
                        ? estimate.lehmannLowerBounds(top + 1, weinsteinLower(estimate, top + 1, z))
                        : List.of();
            }
            Estimate theta = estimate.ritzValue(k);
            double lower = weinsteinLower(estimate, k, z);
            LowerBound kind = LowerBound.WEINSTEIN;
            if (!lehmann.isEmpty() && lehmann.get(k).lower(z) > lower) {
                lower = lehmann.get(k).lower(z);
                kind = LowerBound.LEHMANN;
            }
            out.add(new EigenvalueInterval(lower - slack, theta.upper(z) + slack, kind));
        }
        return List.copyOf(out);
    }

    /** θ⁻_k − ρ⁺_k. */
    private static double weinsteinLower(SpectralEstimate estimate, int k, double z) {
        return estimate.ritzValue(k).lower(z) - estimate.residualNorm(k).upper(z);
    }

    /**
     * The last mode j ≥ k of k's cluster: the first j with β_{j+1} − θ⁺_j &gt; ρ⁺_j (a gap the residuals resolve),
     * or L − 1 when there is none.
     */
    private static int clusterTop(SpectralEstimate estimate, int k, double z) {
        int l = estimate.modes();
        for (int j = k; j + 1 < l; j++) {
            double gap = weinsteinLower(estimate, j + 1, z) - estimate.ritzValue(j).upper(z);
            if (gap > estimate.residualNorm(j).upper(z)) {
                return j;
            }
        }
        return l - 1;
    }

    /**
     * Weinstein's interval [θ⁻ − ρ⁺, θ⁺ + ρ⁺] for Ritz value k: it contains <i>some</i> eigenvalue of H (no
     * assumption (A)), with probability ≥ 1 − 3Φ(−z) over the sampling.
     */
    public static EigenvalueInterval weinstein(SpectralEstimate estimate, int k, double z) {
        requireZ(z);
        double slack = roundOff(estimate);
        Estimate theta = estimate.ritzValue(k);
        double rho = estimate.residualNorm(k).upper(z);
        return new EigenvalueInterval(theta.lower(z) - rho - slack, theta.upper(z) + rho + slack,
                LowerBound.WEINSTEIN);
    }

    /** The nominal coverage 1 − 7Φ(−z) of {@link #of} (normal approximation, Bonferroni over seven tails). */
    public static double confidence(double z) {
        requireZ(z);
        return 1 - 7 * 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /** Whether lower ≤ x ≤ upper. */
    public boolean contains(double x) {
        return lower <= x && x <= upper;
    }

    /** upper − lower. */
    public double width() {
        return upper - lower;
    }

    private static double roundOff(SpectralEstimate estimate) {
        double scale = 0;
        for (Estimate e : estimate.ritzValues()) {
            scale = Math.max(scale, Math.abs(e.value()));
        }
        return ROUND_OFF * scale;
    }

    private static void requireZ(double z) {
        if (!(z > 0) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("z must be positive and finite, got " + z);
        }
    }
}
