package org.opsvd.solver.classical;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Richardson extrapolation of eigenvalues computed on grids h_0 &gt; h_1 &gt; … &gt; h_{m−1}, assuming the
 * expansion E(h) = E + a_p·h^p + a_{p+2}·h^{p+2} + … of a symmetric stencil of order p with a smooth potential.
 *
 * <p>The value solves E(h_i) = E + Σ_{j=1}^{m−1} a_j·h_i^{p+2(j−1)}, i = 0..m−1, exactly (a small linear system;
 * the spacings need not be in a fixed ratio). The error estimate is the difference to the same extrapolation
 * from the m − 1 finest grids, which bounds the error of that one and so is conservative when the expansion
 * holds.
 *
 * @param values         extrapolated eigenvalues (one per index)
 * @param errorEstimates absolute error estimates, same length
 */
public record Richardson(double[] values, double[] errorEstimates) {

    /**
     * Extrapolates index by index.
     *
     * @param spacings h_i, strictly decreasing, at least 2
     * @param values   values[i][j]: eigenvalue j on grid i; every row at least as long as the last
     * @param order    leading power p ≥ 1
     * @throws IllegalArgumentException for fewer than 2 grids, non-decreasing spacings or short rows
     */
    public static Richardson extrapolate(double[] spacings, double[][] values, int order) {
        int m = spacings.length;
        if (m < 2 || values.length != m) {
            throw new IllegalArgumentException("Richardson extrapolation needs at least 2 grids with values, got "
                    + m + " spacings and " + values.length + " value rows");
        }
        if (order < 1) {
            throw new IllegalArgumentException("order must be at least 1, got " + order);
        }
        for (int i = 1; i < m; i++) {
            if (!(spacings[i] < spacings[i - 1])) {
                throw new IllegalArgumentException("spacings must decrease strictly, got h_" + (i - 1) + " = "
                        + spacings[i - 1] + ", h_" + i + " = " + spacings[i]);
            }
        }
        int count = values[m - 1].length;
        for (double[] row : values) {
            if (row.length < count) {
                throw new IllegalArgumentException("every grid needs " + count + " eigenvalues, one has " + row.length);
            }
        }
        DMatrixRMaj all = solve(spacings, values, 0, order, count);
        DMatrixRMaj fewer = m > 2 ? solve(spacings, values, 1, order, count) : null;
        double[] out = new double[count];
        double[] err = new double[count];
        for (int e = 0; e < count; e++) {
            out[e] = all.get(0, e);
            double other = fewer != null ? fewer.get(0, e) : values[m - 1][e];
            err[e] = Math.abs(out[e] - other);
        }
        return new Richardson(out, err);
    }

    /** Row 0 of the solution of the system over grids first..m−1: the extrapolated values, one column each. */
    private static DMatrixRMaj solve(double[] spacings, double[][] values, int first, int order, int count) {
        int size = spacings.length - first;
        DMatrixRMaj a = new DMatrixRMaj(size, size);
        DMatrixRMaj b = new DMatrixRMaj(size, count);
        double scale = spacings[first]; // columns in units of the coarsest h, for conditioning
        for (int i = 0; i < size; i++) {
            double h = spacings[first + i] / scale;
            a.set(i, 0, 1);
            for (int j = 1; j < size; j++) {
                a.set(i, j, Math.pow(h, order + 2 * (j - 1)));
            }
            for (int e = 0; e < count; e++) {
                b.set(i, e, values[first + i][e]);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(size, count);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            throw new IllegalStateException("singular Richardson system for spacings " + java.util.Arrays.toString(spacings));
        }
        return x;
    }
}
