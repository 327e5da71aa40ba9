package org.opsvd.solver.classical;

import java.util.Optional;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

/**
 * A sparse Cholesky factorisation P·A·Pᵀ = L·Lᵀ of a symmetric positive definite matrix under a given
 * elimination order (e.g. {@link NestedDissection}), with EJML's up-looking {@link CholeskyUpLooking_DSCC}.
 *
 * <p>Solves A·x = b as x = Pᵀ·L⁻ᵀ·L⁻¹·P·b. Not thread-safe (one work array).
 */
public final class PermutedCholesky {

    private final DMatrixSparseCSC factor;
    private final int[] order;
    private final double[] work;

    private PermutedCholesky(DMatrixSparseCSC factor, int[] order) {
        this.factor = factor;
        this.order = order;
        this.work = new double[order.length];
    }

    /**
     * Factors A (both triangles or just the upper one stored) in the elimination order {@code order}
     * ({@code order[k]} = original index eliminated k-th).
     *
     * @return the factorisation, or empty if A is not (numerically) positive definite
     */
    public static Optional<PermutedCholesky> factor(DMatrixSparseCSC a, int[] order) {
        int n = a.numRows;
        if (a.numCols != n || order.length != n) {
            throw new IllegalArgumentException("need a square matrix and an order of the same size, got "
                    + a.numRows + "×" + a.numCols + " and " + order.length);
        }
        DMatrixSparseCSC b = permuteUpper(a, order);
        CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
        if (!chol.decompose(b)) {
            return Optional.empty();
        }
        DMatrixSparseCSC l = chol.getL();
        for (int j = 0; j < n; j++) { // a zero-size or non-finite pivot also means "not SPD"
            double diag = l.nz_values[l.col_idx[j]];
            if (!(diag > 0) || !Double.isFinite(diag)) {
                return Optional.empty();
            }
        }
        return Optional.of(new PermutedCholesky(l, order.clone()));
    }

    /** The upper triangle of B = P·A·Pᵀ, B[k][l] = A[order[k]][order[l]], rows sorted within columns. */
    static DMatrixSparseCSC permuteUpper(DMatrixSparseCSC a, int[] order) {
        int n = a.numCols;
        int[] inv = NestedDissection.inverse(order);
        DMatrixSparseCSC b = new DMatrixSparseCSC(n, n, a.nz_length / 2 + n);
        int nz = 0;
        for (int l = 0; l < n; l++) {
            b.col_idx[l] = nz;
            int c = order[l];
            int start = nz;
            for (int p = a.col_idx[c]; p < a.col_idx[c + 1]; p++) {
                int k = inv[a.nz_rows[p]];
                if (k <= l) {
                    if (nz == b.nz_rows.length) {
                        b.growMaxLength(2 * nz + 1, true);
                    }
                    // insertion into the sorted tail of this column
                    int q = nz++;
                    while (q > start && b.nz_rows[q - 1] > k) {
                        b.nz_rows[q] = b.nz_rows[q - 1];
                        b.nz_values[q] = b.nz_values[q - 1];
                        q--;
                    }
                    b.nz_rows[q] = k;
                    b.nz_values[q] = a.nz_values[p];
                }
            }
        }
        b.col_idx[n] = nz;
        b.nz_length = nz;
        b.indicesSorted = true;
        return b;
    }

    /** The matrix size. */
    public int size() {
        return order.length;
    }

    /** Non-zeros in L (fill included). */
    public int factorNonZeros() {
        return factor.nz_length;
    }

    /** x[xOff..] = A⁻¹·b[bOff..]; b and x may be the same array with the same offset. */
    public void solve(double[] b, int bOff, double[] x, int xOff) {
        int n = order.length;
        for (int k = 0; k < n; k++) {
            work[k] = b[bOff + order[k]];
        }
        TriangularSolver_DSCC.solveL(factor, work);
        TriangularSolver_DSCC.solveTranL(factor, work);
        for (int k = 0; k < n; k++) {
            x[xOff + order[k]] = work[k];
        }
    }
}
