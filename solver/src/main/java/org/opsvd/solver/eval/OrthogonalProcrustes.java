package org.opsvd.solver.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Orthogonal Procrustes: the orthogonal Q (k×k) minimising ‖Ψ̂Q − Ψ‖_W (weighted Frobenius norm) over
 * O(k), for Ψ̂, Ψ (N×k). With M = Ψ̂ᵀWΨ = UΣVᵀ (EJML SVD) the minimiser is Q = UVᵀ, and then
 * QᵀM = VΣVᵀ is symmetric positive semi-definite (aligned pairs have non-negative inner products).
 */
public final class OrthogonalProcrustes {

    private OrthogonalProcrustes() {
    }

    /** Q = UVᵀ from the SVD of the square cross product M = Ψ̂ᵀWΨ (k×k); M is not modified. */
    public static DMatrixRMaj rotation(DMatrixRMaj cross) {
        int k = cross.numRows;
        if (cross.numCols != k || k < 1) {
            throw new IllegalArgumentException("Procrustes needs a square, non-empty cross product, got "
                    + cross.numRows + "×" + cross.numCols);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(k, k, true, true, false);
        if (!svd.decompose(cross.copy())) {
            throw new IllegalStateException("SVD failed for a " + k + "×" + k + " cross product");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj q = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(u, v, q);
        return q;
    }
}
