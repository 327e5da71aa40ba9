package org.opsvd.solver.eval;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.opsvd.solver.NumericalFailure;

/**
 * Rayleigh–Ritz on a sample, keeping the sampled A = Σ_i w_i ψ(x_i)(Hψ)(x_i)ᵀ as it is (not symmetrised): the
 * generalised eigenproblem A c = θ B c, B = Σ_i w_i ψψᵀ (L×L, positive definite).
 *
 * <p>Why not symmetric: if span(ψ) contains an eigenfunction u = ψc (Hu = Eu pointwise), then Ac = ΣwψHu =
 * E·Bc on <i>every</i> sample, so θ = E with zero variance (the zero-variance property of the variational Monte
 * Carlo "linear method"); symmetrising A destroys it for L &gt; 1 (the sampled overlaps of eigenfunctions of different
 * levels are not 0) and leaves O(N^{−½}) noise even for exact eigenfunctions.
 * For the exact integrals A is symmetric and both forms agree, so this is a consistent estimator of the exact
 * Ritz values.
 *
 * <p>Solution: with W = B^{−½}, the eigenvalues of M = WAW (EJML, general real). Sampling noise can make a
 * near-degenerate pair complex, and exactly degenerate eigenvalues leave eigenvectors undetermined, so
 * eigenvalues whose real parts lie within {@value #CLUSTER}·max|λ| + |Im λ| of each other form a cluster; its
 * invariant subspace is the null space of Π_j (M − λ_j) (real factors (M − a)² + b² for pairs a ± ib), from
 * EJML's SVD, and inside it the symmetric part of the restricted M gives real values and orthonormal vectors.
 * Each Ritz vector c = Wy (unit y) satisfies cᵀBc = 1 and its sample Rayleigh quotient cᵀAc is θ.
 */
final class RitzPencil {

    /** Relative distance of eigenvalues treated as one cluster. */
    static final double CLUSTER = 1e-9;

    private RitzPencil() {
    }

    /** Ritz values (ascending) and vectors (L×L, column k = c_k, c_kᵀBc_k = 1). */
    record Solution(double[] values, DMatrixRMaj vectors) {
    }

    static Solution solve(DMatrixRMaj b, DMatrixRMaj a) {
        int l = b.numRows;
        if (MatrixFeatures_DDRM.hasUncountable(b) || MatrixFeatures_DDRM.hasUncountable(a)) {
            throw new NumericalFailure("⟨ψ, ψ⟩ and ⟨ψ, Hψ⟩ must be finite");
        }
        DMatrixRMaj w = SymmetricEigen.of(b).inverseSqrt(false);
        DMatrixRMaj tmp = new DMatrixRMaj(l, l);
        DMatrixRMaj m = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(w, a, tmp);
        CommonOps_DDRM.mult(tmp, w, m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(l, false, false);
        if (!eig.decompose(m.copy())) {
            throw new NumericalFailure("eigen-decomposition of the " + l + "×" + l + " Ritz pencil failed");
        }
        Complex_F64[] lambda = new Complex_F64[l];
        double scale = 0;
        for (int j = 0; j < l; j++) {
            lambda[j] = eig.getEigenvalue(j);
            scale = Math.max(scale, lambda[j].getMagnitude());
        }
        Arrays.sort(lambda, Comparator.comparingDouble((Complex_F64 z) -> z.real).thenComparingDouble(z -> z.imaginary));
        double[] values = new double[l];
        DMatrixRMaj y = new DMatrixRMaj(l, l);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(l, l, false, true, false);
        int start = 0;
        while (start < l) {
            int end = start + 1;
            while (end < l && lambda[end].real - lambda[end - 1].real
                    <= CLUSTER * scale + Math.abs(lambda[end].imaginary) + Math.abs(lambda[end - 1].imaginary)) {
                end++;
            }
            cluster(m, lambda, start, end, values, y, svd);
            start = end;
        }
        DMatrixRMaj c = new DMatrixRMaj(l, l);
        CommonOps_DDRM.mult(w, y, c);
        Integer[] order = new Integer[l];
        for (int j = 0; j < l; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> values[j]));
        double[] sorted = new double[l];
        DMatrixRMaj vectors = new DMatrixRMaj(l, l);
        for (int k = 0; k < l; k++) {
            sorted[k] = values[order[k]];
            for (int i = 0; i < l; i++) {
                vectors.set(i, k, c.get(i, order[k]));
            }
        }
        return new Solution(sorted, vectors);
    }

    /** Fills values[start, end) and columns [start, end) of y from the invariant subspace of the cluster. */
    private static void cluster(DMatrixRMaj m, Complex_F64[] lambda, int start, int end, double[] values,
                                DMatrixRMaj y, SingularValueDecomposition_F64<DMatrixRMaj> svd) {
        int l = m.numRows;
        int size = end - start;
        DMatrixRMaj product = null;
        DMatrixRMaj next = new DMatrixRMaj(l, l);
        for (int j = start; j < end; j++) {
            DMatrixRMaj factor = m.copy();
            double re = lambda[j].real;
            double im = lambda[j].imaginary;
            if (im < 0) {
                continue; // the conjugate with im > 0 contributes the real quadratic factor
            }
            for (int i = 0; i < l; i++) {
                factor.add(i, i, -re);
            }
            if (im > 0) {
                DMatrixRMaj square = new DMatrixRMaj(l, l);
                CommonOps_DDRM.mult(factor, factor, square);
                for (int i = 0; i < l; i++) {
                    square.add(i, i, im * im);
                }
                factor = square;
            }
            if (product == null) {
                product = factor;
            } else {
                CommonOps_DDRM.mult(factor, product, next);
                product.setTo(next);
            }
        }
        if (!svd.decompose(product)) {
            throw new NumericalFailure("SVD for a Ritz cluster failed");
        }
        DMatrixRMaj sv = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(null, false, sv, v, false);
        DMatrixRMaj basis = CommonOps_DDRM.extract(v, 0, l, l - size, l);
        DMatrixRMaj mb = new DMatrixRMaj(l, size);
        DMatrixRMaj restricted = new DMatrixRMaj(size, size);
        CommonOps_DDRM.mult(m, basis, mb);
        CommonOps_DDRM.multTransA(basis, mb, restricted);
        SymmetricEigen inner = SymmetricEigen.of(restricted);
        DMatrixRMaj vectors = new DMatrixRMaj(l, size);
        CommonOps_DDRM.mult(basis, inner.vectors(), vectors);
        for (int k = 0; k < size; k++) {
            values[start + k] = inner.values()[k];
            for (int i = 0; i < l; i++) {
                y.set(i, start + k, vectors.get(i, k));
            }
        }
    }
}
