package org.opsvd.solver.classical;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Orders approximate eigenvectors by their Rayleigh quotients θ_j = v_jᵀHv_j / v_jᵀv_j. For converged
 * Lanczos Ritz vectors θ_j is the eigenvalue, with error O(‖residual‖²).
 */
final class RayleighQuotients {

    private RayleighQuotients() {
    }

    /** The columns of V (size × k) with their θ_j, sorted ascending; V is not modified. */
    static DenseSolver.Eigen sorted(SymmetricOperator h, DMatrixRMaj v) {
        int n = v.numRows;
        int k = v.numCols;
        double[] columns = new double[Math.multiplyExact(n, k)];
        Transpose.toColumns(v.data, n, k, columns);
        double[] x = new double[n];
        double[] hx = new double[n];
        double[] q = new double[k];
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            System.arraycopy(columns, j * n, x, 0, n);
            h.apply(x, 0, hx, 0);
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                num += x[i] * hx[i];
                den += x[i] * x[i];
            }
            q[j] = num / den;
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(q[a], q[b]));
        double[] values = new double[k];
        int[] perm = new int[k];
        for (int j = 0; j < k; j++) {
            values[j] = q[order[j]];
            perm[j] = order[j];
        }
        DMatrixRMaj sorted = new DMatrixRMaj(n, k);
        Transpose.fromColumns(columns, n, perm, sorted.data);
        return new DenseSolver.Eigen(values, sorted);
    }
}
