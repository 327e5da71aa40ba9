package org.opsvd.solver.classical;

import org.ejml.data.DMatrixRMaj;

/**
 * y = Q·A·Q·x with Q = I − V·Vᵀ, V orthonormal (size × k): A restricted to the orthogonal complement of
 * span(V). Its largest eigenvalues are those of A whose eigenvectors were not found yet; used to look for
 * eigenvectors a single-vector Lanczos run missed (exactly degenerate levels). Not thread-safe.
 */
final class DeflatedOperator implements SymmetricOperator {

    private final SymmetricOperator a;
    private final double[] basis; // k rows of length n
    private final int n;
    private final int k;
    private final double[] work;

    DeflatedOperator(SymmetricOperator a, DMatrixRMaj v) {
        this.a = a;
        this.n = v.numRows;
        this.k = v.numCols;
        this.basis = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                basis[j * n + i] = v.data[i * k + j];
            }
        }
        this.work = new double[n];
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        System.arraycopy(x, xOff, work, 0, n);
        project(work, 0);
        a.apply(work, 0, y, yOff);
        project(y, yOff);
    }

    /** z ← z − V·(Vᵀz) (classical Gram–Schmidt; V is orthonormal and Lanczos reorthogonalises anyway). */
    private void project(double[] z, int off) {
        double[] dots = new double[k];
        for (int j = 0; j < k; j++) {
            // four partial sums: the JIT keeps a single sum strictly sequential (latency-bound)
            double d0 = 0;
            double d1 = 0;
            double d2 = 0;
            double d3 = 0;
            int b = j * n;
            int t = 0;
            for (; t + 3 < n; t += 4) {
                d0 += basis[b + t] * z[off + t];
                d1 += basis[b + t + 1] * z[off + t + 1];
                d2 += basis[b + t + 2] * z[off + t + 2];
                d3 += basis[b + t + 3] * z[off + t + 3];
            }
            for (; t < n; t++) {
                d0 += basis[b + t] * z[off + t];
            }
            dots[j] = (d0 + d1) + (d2 + d3);
        }
        for (int j = 0; j < k; j++) {
            double dot = dots[j];
            int b = j * n;
            for (int t = 0; t < n; t++) {
                z[off + t] -= dot * basis[b + t];
            }
        }
    }
}
