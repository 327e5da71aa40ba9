package org.opsvd.operators.spectra;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigenvalues (and eigenvectors) of dense real symmetric matrices by EJML, float64, ascending. */
final class SymmetricEigenvalues {

    private SymmetricEigenvalues() {
    }

    /** The eigenvalues of a symmetric matrix, ascending (the matrix is not modified). */
    static double[] ascending(DMatrixRMaj symmetric) {
        return decompose(symmetric, false).values();
    }

    /** A symmetric matrix's eigenvalues, ascending, with their orthonormal eigenvectors as columns. */
    record Pairs(double[] values, DMatrixRMaj vectors) {
    }

    static Pairs decompose(DMatrixRMaj symmetric, boolean vectors) {
        int n = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
        if (!eig.decompose(symmetric.copy())) {
            throw new IllegalStateException("symmetric eigendecomposition failed (" + n + "×" + n + ")");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(eig.getEigenvalue(i).real, eig.getEigenvalue(j).real));
        double[] values = new double[n];
        DMatrixRMaj columns = vectors ? new DMatrixRMaj(n, n) : null;
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(order[k]).real;
            if (vectors) {
                DMatrixRMaj v = eig.getEigenVector(order[k]);
                for (int r = 0; r < n; r++) {
                    columns.set(r, k, v.get(r, 0));
                }
            }
        }
        return new Pairs(values, columns);
    }
}
