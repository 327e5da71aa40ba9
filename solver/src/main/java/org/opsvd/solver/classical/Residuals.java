package org.opsvd.solver.classical;

import org.ejml.data.DMatrixRMaj;
import org.opsvd.operators.grid.GridHamiltonian;

/**
 * Residual checks for computed eigenpairs: r_j = ‖H·v_j − λ_j·v_j‖₂ / max(1, |λ_j|) with ‖v_j‖₂ = 1, and
 * Rayleigh quotients λ = vᵀHv / vᵀv. H is applied matrix-free.
 */
public final class Residuals {

    private Residuals() {
    }

    /** r_j for every returned pair; the pairs must carry eigenvectors. */
    public static double[] relative(GridHamiltonian h, GridEigenpairs pairs) {
        if (pairs.eigenvectors() == null) {
            throw new IllegalArgumentException("residuals need eigenvectors; the " + pairs.route()
                    + " result has none");
        }
        return relative(h, pairs.eigenvalues(), pairs.eigenvectors());
    }

    /** r_j for the columns of {@code vectors} (size × k) against {@code values}. */
    public static double[] relative(GridHamiltonian h, double[] values, DMatrixRMaj vectors) {
        int n = h.size();
        int k = values.length;
        if (vectors.numRows != n || vectors.numCols != k) {
            throw new IllegalArgumentException("vectors are " + vectors.numRows + "×" + vectors.numCols
                    + ", expected " + n + "×" + k);
        }
        double[] v = new double[n];
        double[] hv = new double[n];
        double[] r = new double[k];
        for (int j = 0; j < k; j++) {
            column(vectors, j, v);
            h.apply(v, hv);
            double s = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double e = hv[i] - values[j] * v[i];
                s += e * e;
                norm += v[i] * v[i];
            }
            r[j] = Math.sqrt(s / norm) / Math.max(1, Math.abs(values[j]));
        }
        return r;
    }

    /** max_j r_j (the number the tests and the Chebyshev route check). */
    public static double max(GridHamiltonian h, GridEigenpairs pairs) {
        double m = 0;
        for (double r : relative(h, pairs)) {
            m = Math.max(m, r);
        }
        return m;
    }

    /** The Rayleigh quotient vᵀHv / vᵀv; {@code work} is scratch of length size. */
    public static double rayleighQuotient(GridHamiltonian h, double[] v, double[] work) {
        h.apply(v, work);
        double num = 0;
        double den = 0;
        for (int i = 0; i < v.length; i++) {
            num += v[i] * work[i];
            den += v[i] * v[i];
        }
        return num / den;
    }

    /** Copies column j of m into out. */
    static void column(DMatrixRMaj m, int j, double[] out) {
        int cols = m.numCols;
        for (int i = 0; i < m.numRows; i++) {
            out[i] = m.data[i * cols + j];
        }
    }
}
