package org.opsvd.solver.eval;

import java.util.Arrays;
import java.util.Comparator;
import org.opsvd.solver.NumericalFailure;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen-decomposition S = V·diag(λ)·Vᵀ of a small real symmetric matrix (EJML's symmetric solver),
 * eigenvalues ascending, V (n×n) orthogonal with eigenvector j in column j.
 */
record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

    /** Relative cut-off of {@link #inverseSqrt(boolean)}: eigenvalues ≤ CUTOFF·max λ count as zero. */
    static final double CUTOFF = 1e-13;

    /** Decomposes ½(S + Sᵀ); S is not modified. */
    static SymmetricEigen of(DMatrixRMaj s) {
        int n = s.numRows;
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(s, sym);
        CommonOps_DDRM.addEquals(sym, s);
        CommonOps_DDRM.scale(0.5, sym);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(sym)) {
            throw new IllegalStateException("symmetric eigen-decomposition failed for a " + n + "×" + n + " matrix");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int j = 0; j < n; j++) {
            raw[j] = eig.getEigenvalue(j).real;
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> raw[j]));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            values[j] = raw[order[j]];
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            for (int i = 0; i < n; i++) {
                vectors.unsafe_set(i, j, v.get(i));
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * S^{−½} = V·diag(λ^{−½})·Vᵀ of a positive (semi-)definite S. With {@code pseudo}, eigenvalues
     * ≤ CUTOFF·max λ are dropped (the Moore–Penrose S^{+½}); without it they are an error.
     *
     * @throws NumericalFailure if S is not positive definite and {@code pseudo} is false, or if S has no
     *                          positive eigenvalue
     */
    DMatrixRMaj inverseSqrt(boolean pseudo) {
        int n = values.length;
        double max = values[n - 1];
        if (!(max > 0)) {
            throw new NumericalFailure("Gram matrix has no positive eigenvalue (largest " + max + ")");
        }
        DMatrixRMaj scaled = vectors.copy();
        for (int j = 0; j < n; j++) {
            double f;
            if (values[j] > CUTOFF * max) {
                f = 1 / Math.sqrt(values[j]);
            } else if (pseudo) {
                f = 0;
            } else {
                throw new NumericalFailure("Gram matrix is not positive definite: eigenvalue " + values[j]
                        + " ≤ " + CUTOFF + "·" + max + " (linearly dependent functions?)");
            }
            for (int i = 0; i < n; i++) {
                scaled.unsafe_set(i, j, scaled.unsafe_get(i, j) * f);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(scaled, vectors, out);
        return out;
    }
}
