package org.opsvd.solver.eval;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.operators.spectra.DegeneracyGroups;
import org.opsvd.operators.spectra.Level;
import org.opsvd.solver.NumericalFailure;

/**
 * Compares L learned functions Ψ̂ (N×L) with L reference eigenfunctions Ψ (N×L) on one quadrature
 * (points x_i, weights w_i, W = diag(w)), given the reference's degenerate groups g = [s_g, e_g) of size
 * k_g (the groups must cover 0..L−1 exactly, i.e. L must end a shell).
 *
 * <p>One pass over the N rows forms the joint Gram [Ψ̂ Ψ]ᵀW[Ψ̂ Ψ] (2L×2L) = [[Â, X], [Xᵀ, B]]; two more
 * passes compute the aligned and unaligned angle residuals. Everything else is L×L; work O(N·L²)
 * (≈1.5 s for N = 10⁶, L = 16 on a loaded 2-core machine). Definitions (ψ̂_l, ψ_l columns;
 * φ̂_l = ψ̂_l/‖ψ̂_l‖_W, φ_l = ψ_l/‖ψ_l‖_W, ‖f‖_W² = Σ_i w_i f(x_i)²):
 * <ol>
 *   <li>relative eigenvalue error e_l = |λ̂_l − λ_l| / |λ_l| (λ_l ≠ 0; negative λ are fine);</li>
 *   <li>per group, Procrustes Q_g = UVᵀ from the SVD of M_g = Φ̂_gᵀWΦ_g (k_g×k_g); the aligned learned
 *       function of mode j ∈ g is a_j = (Φ̂_g Q_g)_j, and its angle is
 *       θ_j = arccos(|⟨a_j, φ_j⟩_W| / ‖a_j‖_W) ∈ [0, π/2], evaluated stably as
 *       θ_j = 2·asin(‖â_j − σ_j φ_j‖_W / 2) with â_j = a_j/‖a_j‖_W and σ_j = sign⟨a_j, φ_j⟩
 *       (accurate to ~1e-16 for small angles, where arccos loses half the digits); the unaligned
 *       angle is the same with a_j = φ̂_j; if the learned group is rank-deficient and ‖a_j‖_W &lt; 1e-12,
 *       θ_j = π/2;</li>
 *   <li>subspace distance 1 − tr(P̂_g P_g)/k_g per group ({@link SubspaceDistance}), and over all L;</li>
 *   <li>orthogonality of the learned normalised Gram Ĉ = D^{−½}ÂD^{−½} ({@link Orthogonality}).</li>
 * </ol>
 */
public final class SpectralMetrics {

    /** ‖a_j‖_W below which an aligned combination of unit functions counts as zero. */
    private static final double VANISHED = 1e-12;

    private SpectralMetrics() {
    }

    /**
     * All metrics.
     *
     * @param learned              Ψ̂ (N×L)
     * @param reference            Ψ (N×L), same points and weights
     * @param groups               the reference's degenerate groups, covering exactly L modes
     * @param learnedEigenvalues   λ̂ (L), e.g. Rayleigh quotients
     * @param referenceEigenvalues λ (L), non-zero
     */
    public static MetricReport evaluate(SampledFunctions learned, SampledFunctions reference, DegeneracyGroups groups,
                                        double[] learnedEigenvalues, double[] referenceEigenvalues) {
        learned.requireSameQuadrature(reference);
        int l = reference.functions();
        if (learned.functions() != l) {
            throw new IllegalArgumentException(learned.functions() + " learned functions but " + l
                    + " reference functions; compare equal numbers");
        }
        if (groups.total() != l) {
            throw new IllegalArgumentException("degeneracy groups cover " + groups.total() + " modes but there are "
                    + l + " functions; L must end a degenerate shell");
        }
        double[] errors = relativeErrors(learnedEigenvalues, referenceEigenvalues);

        double[] w = learned.rawWeights();
        DMatrixRMaj joint = WeightedProducts.gram(w, learned.rawValues(), reference.rawValues());
        DMatrixRMaj a = CommonOps_DDRM.extract(joint, 0, l, 0, l);
        DMatrixRMaj x = CommonOps_DDRM.extract(joint, 0, l, l, 2 * l);
        DMatrixRMaj b = CommonOps_DDRM.extract(joint, l, 2 * l, l, 2 * l);
        double[] na = norms(a, "learned");
        double[] nb = norms(b, "reference");
        DMatrixRMaj aHat = SampledFunctions.normalise(a);
        DMatrixRMaj xHat = new DMatrixRMaj(l, l);
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                xHat.unsafe_set(i, j, x.unsafe_get(i, j) / (na[i] * nb[j]));
            }
        }

        // Coefficients T (ψ̂ ↦ unit aligned functions) and reference factors σ_j/‖ψ_j‖, per group.
        DMatrixRMaj alignedT = new DMatrixRMaj(l, l);
        double[] alignedS = new double[l];
        boolean[] vanished = new boolean[l];
        double[] distances = new double[groups.count()];
        for (int g = 0; g < groups.count(); g++) {
            int s = groups.start(g);
            int e = groups.end(g);
            int k = e - s;
            DMatrixRMaj q = OrthogonalProcrustes.rotation(CommonOps_DDRM.extract(xHat, s, e, s, e));
            DMatrixRMaj aq = new DMatrixRMaj(k, k);
            DMatrixRMaj qaq = new DMatrixRMaj(k, k);
            DMatrixRMaj qm = new DMatrixRMaj(k, k);
            CommonOps_DDRM.mult(CommonOps_DDRM.extract(aHat, s, e, s, e), q, aq);
            CommonOps_DDRM.multTransA(q, aq, qaq);
            CommonOps_DDRM.multTransA(q, CommonOps_DDRM.extract(xHat, s, e, s, e), qm);
            for (int j = 0; j < k; j++) {
                double norm = Math.sqrt(qaq.unsafe_get(j, j));
                if (!(norm > VANISHED)) {   // rank-deficient learned group: a_j ≈ 0 is orthogonal to φ_j
                    vanished[s + j] = true;
                    continue;
                }
                for (int m = 0; m < k; m++) {
                    alignedT.unsafe_set(s + m, s + j, q.unsafe_get(m, j) / (na[s + m] * norm));
                }
                alignedS[s + j] = (qm.unsafe_get(j, j) < 0 ? -1 : 1) / nb[s + j];
            }
            distances[g] = SubspaceDistance.of(CommonOps_DDRM.extract(a, s, e, s, e),
                    CommonOps_DDRM.extract(x, s, e, s, e), CommonOps_DDRM.extract(b, s, e, s, e));
        }
        DMatrixRMaj rawT = new DMatrixRMaj(l, l);
        double[] rawS = new double[l];
        for (int j = 0; j < l; j++) {
            rawT.unsafe_set(j, j, 1 / na[j]);
            rawS[j] = (xHat.unsafe_get(j, j) < 0 ? -1 : 1) / nb[j];
        }
        double[] angles = angles(WeightedProducts.residualNorms(w, learned.rawValues(), alignedT,
                reference.rawValues(), alignedS));
        for (int j = 0; j < l; j++) {
            if (vanished[j]) {
                angles[j] = Math.PI / 2;
            }
        }
        double[] raw = angles(WeightedProducts.residualNorms(w, learned.rawValues(), rawT,
                reference.rawValues(), rawS));
        return new MetricReport(groups.starts(), errors, angles, raw, distances, SubspaceDistance.of(a, x, b),
                Orthogonality.of(aHat));
    }

    /** As {@link #evaluate(SampledFunctions, SampledFunctions, DegeneracyGroups, double[], double[])} with group starts. */
    public static MetricReport evaluate(SampledFunctions learned, SampledFunctions reference, int[] groupStarts,
                                        double[] learnedEigenvalues, double[] referenceEigenvalues) {
        return evaluate(learned, reference, new DegeneracyGroups(groupStarts, reference.functions()),
                learnedEigenvalues, referenceEigenvalues);
    }

    /** The groups of a list of levels (one group per level, sizes = degeneracies), e.g. from an ExactSpectrum. */
    public static DegeneracyGroups groups(List<Level> levels) {
        int[] starts = new int[levels.size()];
        int at = 0;
        for (int g = 0; g < starts.length; g++) {
            starts[g] = at;
            at += levels.get(g).degeneracy();
        }
        return new DegeneracyGroups(starts, at);
    }

    /** e_l = |λ̂_l − λ_l| / |λ_l| for equally long arrays; λ_l must be finite and non-zero. */
    public static double[] relativeErrors(double[] estimates, double[] reference) {
        if (estimates.length != reference.length) {
            throw new IllegalArgumentException(estimates.length + " estimated eigenvalues but "
                    + reference.length + " reference eigenvalues");
        }
        double[] e = new double[reference.length];
        for (int i = 0; i < e.length; i++) {
            if (!(reference[i] != 0) || !Double.isFinite(reference[i])) {
                throw new IllegalArgumentException("relative error needs a finite non-zero reference eigenvalue; λ_"
                        + i + " = " + reference[i]);
            }
            e[i] = Math.abs(estimates[i] - reference[i]) / Math.abs(reference[i]);
        }
        return e;
    }

    private static double[] norms(DMatrixRMaj gram, String what) {
        double[] n = new double[gram.numRows];
        for (int i = 0; i < n.length; i++) {
            double d = gram.unsafe_get(i, i);
            if (!(d > 0)) {
                throw new NumericalFailure(what + " function " + i + " has squared norm " + d
                        + " on the quadrature (must be > 0)");
            }
            n[i] = Math.sqrt(d);
        }
        return n;
    }

    /** θ = 2·asin(r/2) from the squared residual r² = ‖â − σφ‖² of unit vectors. */
    private static double[] angles(double[] squaredResiduals) {
        double[] t = new double[squaredResiduals.length];
        for (int j = 0; j < t.length; j++) {
            t[j] = 2 * Math.asin(Math.min(1, Math.sqrt(squaredResiduals[j]) / 2));
        }
        return t;
    }
}
