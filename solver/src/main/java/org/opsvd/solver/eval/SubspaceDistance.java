package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The subspace distance d(A, B) = 1 − tr(P_A·P_B)/k of two k-column samples A, B (N×k) on a common
 * quadrature, where P_A is the W-orthogonal projector onto span(A) (the NeuralSVD repository's formula).
 *
 * <p>Computed from k×k Grams only: with G_A = AᵀWA, G_B = BᵀWB, X = AᵀWB and W-orthonormal bases
 * Q_A = A·G_A^{+½}, Q_B = B·G_B^{+½}, tr(P_A P_B) = ‖Q_AᵀWQ_B‖_F² = ‖G_A^{+½}·X·G_B^{+½}‖_F², i.e. the
 * sum of cos² of the principal angles. G^{+½} is the pseudo-inverse square root (eigenvalues below
 * 1e-13·max dropped), so a rank-deficient A spans fewer than k dimensions and counts as such.
 * Range [0, 1]; 0 iff the spans agree.
 */
public final class SubspaceDistance {

    private SubspaceDistance() {
    }

    /**
     * d from the Grams.
     *
     * @param gramA G_A (k×k)
     * @param cross X = AᵀWB (k×k)
     * @param gramB G_B (k×k)
     */
    public static double of(DMatrixRMaj gramA, DMatrixRMaj cross, DMatrixRMaj gramB) {
        int k = cross.numRows;
        if (cross.numCols != k || gramA.numRows != k || gramA.numCols != k || gramB.numRows != k
                || gramB.numCols != k) {
            throw new IllegalArgumentException("subspace distance needs k×k matrices, got G_A " + gramA.numRows + "×"
                    + gramA.numCols + ", X " + cross.numRows + "×" + cross.numCols + ", G_B " + gramB.numRows
                    + "×" + gramB.numCols);
        }
        DMatrixRMaj a = SymmetricEigen.of(gramA).inverseSqrt(true);
        DMatrixRMaj b = SymmetricEigen.of(gramB).inverseSqrt(true);
        DMatrixRMaj ax = new DMatrixRMaj(k, k);
        DMatrixRMaj axb = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(a, cross, ax);
        CommonOps_DDRM.mult(ax, b, axb);
        double f = NormOps_DDRM.normF(axb);
        return Math.max(0, 1 - f * f / k);
    }

    /** d(span A, span B) for two samples with the same number of functions on the same quadrature. */
    public static double between(SampledFunctions a, SampledFunctions b) {
        a.requireSameQuadrature(b);
        if (a.functions() != b.functions()) {
            throw new IllegalArgumentException("subspace distance needs equal numbers of functions, got "
                    + a.functions() + " and " + b.functions());
        }
        DMatrixRMaj g = WeightedProducts.gram(a.rawWeights(), a.rawValues(), b.rawValues());
        int k = a.functions();
        return of(CommonOps_DDRM.extract(g, 0, k, 0, k), CommonOps_DDRM.extract(g, 0, k, k, 2 * k),
                CommonOps_DDRM.extract(g, k, 2 * k, k, 2 * k));
    }
}
