package org.opsvd.solver.classical;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.ops.DConvertMatrixStruct;
import org.opsvd.operators.grid.DiscreteHamiltonian;

/**
 * All eigenpairs of a small H_h by EJML's dense symmetric eigen-decomposition (tridiagonal QR, O(n³)), of
 * which the lowest k are returned. A test oracle for tiny grids: about 1 s at n = 1024, 10 s at n = 2304.
 */
public final class DenseSolver {

    /** The largest matrix accepted by {@link #solve}. */
    public static final int MAX_SIZE = 2500;

    /** The lowest k eigenvalues (ascending) and, optionally, their unit eigenvectors as columns. */
    public record Eigen(double[] values, DMatrixRMaj vectors) {
    }

    private DenseSolver() {
    }

    /**
     * The k lowest eigenpairs of H_h, 1 ≤ k ≤ size ≤ {@value #MAX_SIZE}.
     *
     * @throws IllegalArgumentException if the grid is too large or k is out of range
     */
    public static GridEigenpairs solve(DiscreteHamiltonian h, int k, boolean vectors) {
        int n = h.size();
        if (n > MAX_SIZE) {
            throw new IllegalArgumentException("grid size " + n + " is too large for the dense solver (max "
                    + MAX_SIZE + "); use ShiftInvertSolver or ChebyshevFilterSolver");
        }
        DMatrixRMaj a = DConvertMatrixStruct.convert(h.toSparse(), (DMatrixRMaj) null);
        Eigen e = lowest(a, k, vectors);
        return new GridEigenpairs(h.grid(), e.values(), e.vectors(), "dense", 0, "EJML symmetric QR, n = " + n);
    }

    /**
     * The k lowest eigenpairs of a dense symmetric matrix (not modified).
     *
     * @throws IllegalArgumentException if a is not square and symmetric to 1e-12 relative, or k ∉ 1..n
     */
    public static Eigen lowest(DMatrixRMaj a, int k, boolean vectors) {
        int n = a.numRows;
        if (a.numCols != n) {
            throw new IllegalArgumentException("matrix must be square, got " + a.numRows + "×" + a.numCols);
        }
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("number of eigenpairs k must satisfy 1 <= k <= n = " + n + ", got " + k);
        }
        double scale = 0;
        for (double x : a.data) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a.get(i, j) - a.get(j, i)) > 1e-12 * scale) {
                    throw new IllegalArgumentException("matrix is not symmetric: a[" + i + "][" + j + "] = " + a.get(i, j)
                            + " but a[" + j + "][" + i + "] = " + a.get(j, i));
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
        if (!eig.decompose(a.copy())) {
            throw new IllegalStateException("EJML symmetric eigen-decomposition failed (n = " + n + ")");
        }
        Integer[] order = new Integer[n];
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            all[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(all[x], all[y]));
        double[] values = new double[k];
        DMatrixRMaj vec = vectors ? new DMatrixRMaj(n, k) : null;
        for (int j = 0; j < k; j++) {
            values[j] = all[order[j]];
            if (vec != null) {
                DMatrixRMaj v = eig.getEigenVector(order[j]);
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    norm += v.data[i] * v.data[i];
                }
                norm = Math.sqrt(norm);
                for (int i = 0; i < n; i++) {
                    vec.data[i * k + j] = v.data[i] / norm;
                }
            }
        }
        return new Eigen(values, vec);
    }
}
