package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.opsvd.solver.NumericalFailure;

/**
 * Singular-value estimates of an operator T from L learned left functions f (on ρ₀) and right functions g
 * (on ρ₁), the SVD analogue of {@link RayleighRitz}: given the Grams C_f = ⟨f, f⟩, C_g = ⟨g, g⟩ and the
 * operator term M = ⟨f, Tg⟩ (all L×L, M_ij = ⟨f_i, T g_j⟩), the Ritz singular values are the singular
 * values of the projected operator C_f^{−½} M C_g^{−½} = U Σ Vᵀ (EJML SVD, descending): the best
 * approximations of σ_0 ≥ … ≥ σ_{L−1} that span(f) and span(g) allow. Their error is second order in
 * the subspaces' errors, where ‖f_l‖‖g_l‖ (NeuralSVD's own estimate) is first order. The rotations
 * R_f = C_f^{−½}U and R_g = C_g^{−½}V map f and g to the Ritz functions fR_f, gR_g. Immutable.
 *
 * @param singularValues σ̃_0 ≥ … ≥ σ̃_{L−1} ≥ 0
 * @param leftRotation   R_f (L×L)
 * @param rightRotation  R_g (L×L)
 */
public record SingularRitz(double[] singularValues, DMatrixRMaj leftRotation, DMatrixRMaj rightRotation) {

    public SingularRitz {
        singularValues = singularValues.clone();
        leftRotation = leftRotation.copy();
        rightRotation = rightRotation.copy();
    }

    /**
     * The estimates from C_f, C_g and M.
     *
     * @throws IllegalArgumentException on mismatched shapes
     * @throws NumericalFailure         on non-finite entries or a Gram that is not positive definite (a subtype
     *                                  of IllegalArgumentException)
     */
    public static SingularRitz of(DMatrixRMaj leftGram, DMatrixRMaj rightGram, DMatrixRMaj operatorTerm) {
        int l = leftGram.numRows;
        for (DMatrixRMaj m : new DMatrixRMaj[] {leftGram, rightGram, operatorTerm}) {
            if (m.numRows != l || m.numCols != l || l < 1) {
                throw new IllegalArgumentException("C_f, C_g and M must be square and of equal size, got C_f "
                        + shape(leftGram) + ", C_g " + shape(rightGram) + " and M " + shape(operatorTerm));
            }
            if (MatrixFeatures_DDRM.hasUncountable(m)) {
                throw new NumericalFailure("C_f, C_g and M must be finite");
            }
        }
        DMatrixRMaj wf = SymmetricEigen.of(leftGram).inverseSqrt(false);
        DMatrixRMaj wg = SymmetricEigen.of(rightGram).inverseSqrt(false);
        DMatrixRMaj tmp = new DMatrixRMaj(l, l);
        DMatrixRMaj projected = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(wf, operatorTerm, tmp);
        CommonOps_DDRM.mult(tmp, wg, projected);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(l, l, true, true, false);
        if (!svd.decompose(projected)) {
            throw new IllegalStateException("SVD of the projected " + l + "×" + l + " operator failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] sigma = new double[l];
        for (int k = 0; k < l; k++) sigma[k] = w.get(k, k);
        DMatrixRMaj rf = new DMatrixRMaj(l, l);
        DMatrixRMaj rg = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(wf, u, rf);
        CommonOps_DDRM.mult(wg, v, rg);
        return new SingularRitz(sigma, rf, rg);
    }

    private static String shape(DMatrixRMaj m) {
        return m.numRows + "×" + m.numCols;
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    @Override
    public DMatrixRMaj leftRotation() {
        return leftRotation.copy();
    }

    @Override
    public DMatrixRMaj rightRotation() {
        return rightRotation.copy();
    }
}
