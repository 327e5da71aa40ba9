package org.opsvd.solver.classical;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Rayleigh–Ritz on a subspace: orthonormalise the columns of W (two passes of modified Gram–Schmidt), form
 * G = WᵀHW (k×k), solve G·z = θ·z densely and return θ ascending with the Ritz vectors W·z. The Ritz values
 * are the Rayleigh quotients of the returned vectors and are upper bounds for λ_1..λ_k (Cauchy interlacing).
 */
final class RayleighRitz {

    private RayleighRitz() {
    }

    /** The Ritz pairs of H on span(W); W (size × k) is not modified. */
    static DenseSolver.Eigen of(SymmetricOperator h, DMatrixRMaj w) {
        int n = w.numRows;
        DMatrixRMaj q = new DMatrixRMaj(w.numCols, n); // rows = basis vectors (contiguous)
        CommonOps_DDRM.transpose(w, q);
        int k = orthonormaliseRows(q);
        DMatrixRMaj basis = new DMatrixRMaj(k, n);
        System.arraycopy(q.data, 0, basis.data, 0, k * n);
        DMatrixRMaj hq = new DMatrixRMaj(k, n);
        for (int j = 0; j < k; j++) {
            h.apply(basis.data, j * n, hq.data, j * n);
        }
        DMatrixRMaj g = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(basis, hq, g);
        for (int i = 0; i < k; i++) { // symmetrise rounding
            for (int j = i + 1; j < k; j++) {
                double s = 0.5 * (g.get(i, j) + g.get(j, i));
                g.set(i, j, s);
                g.set(j, i, s);
            }
        }
        DenseSolver.Eigen e = DenseSolver.lowest(g, k, true);
        DMatrixRMaj vectors = new DMatrixRMaj(n, k);
        CommonOps_DDRM.multTransA(basis, e.vectors(), vectors);
        return new DenseSolver.Eigen(e.values(), vectors);
    }

    /**
     * The columns of V, assumed to be orthonormal approximate eigenvectors (Lanczos Ritz vectors), with their
     * Rayleigh quotients θ_j = v_jᵀHv_j, sorted ascending; V is not modified.
     */
    static DenseSolver.Eigen sortedByRayleighQuotient(SymmetricOperator h, DMatrixRMaj v) {
        int n = v.numRows;
        int k = v.numCols;
        double[] x = new double[n];
        double[] hx = new double[n];
        double[] q = new double[k];
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) {
            Residuals.column(v, j, x);
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
        java.util.Arrays.sort(order, (a, b) -> Double.compare(q[a], q[b]));
        double[] values = new double[k];
        DMatrixRMaj sorted = new DMatrixRMaj(n, k);
        for (int j = 0; j < k; j++) {
            values[j] = q[order[j]];
            for (int i = 0; i < n; i++) {
                sorted.data[i * k + j] = v.data[i * k + order[j]];
            }
        }
        return new DenseSolver.Eigen(values, sorted);
    }

    /** Orthonormalises the rows in place (MGS twice), dropping near-dependent ones; returns how many remain. */
    static int orthonormaliseRows(DMatrixRMaj q) {
        int n = q.numCols;
        double[] a = q.data;
        int kept = 0;
        for (int j = 0; j < q.numRows; j++) {
            if (kept != j) {
                System.arraycopy(a, j * n, a, kept * n, n);
            }
            int off = kept * n;
            double before = norm(a, off, n);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < kept; i++) {
                    double dot = 0;
                    for (int t = 0; t < n; t++) {
                        dot += a[i * n + t] * a[off + t];
                    }
                    for (int t = 0; t < n; t++) {
                        a[off + t] -= dot * a[i * n + t];
                    }
                }
            }
            double after = norm(a, off, n);
            if (after > 1e-10 * before && after > 0) {
                for (int t = 0; t < n; t++) {
                    a[off + t] /= after;
                }
                kept++;
            }
        }
        return kept;
    }

    private static double norm(double[] a, int off, int n) {
        double s = 0;
        for (int t = 0; t < n; t++) {
            s += a[off + t] * a[off + t];
        }
        return Math.sqrt(s);
    }
}
