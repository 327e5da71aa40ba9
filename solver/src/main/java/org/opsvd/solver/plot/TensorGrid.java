package org.opsvd.solver.plot;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tensor-product grid behind a list of points [N, d], recovered from the points alone: the sorted
 * distinct coordinates of each axis and, for every point, its index along each axis. Points in any
 * order are accepted; a point set that is not a full tensor grid (Monte Carlo points) gives none.
 * Accessors return copies.
 *
 * @param axes    distinct coordinates per axis, ascending ({@code axes[k]} for axis k)
 * @param indices {@code indices[i·d + k]}: index of point i along axis k
 */
public record TensorGrid(double[][] axes, int[] indices) {

    /** The grid of {@code points} (row-major [n, d]), if they form one. */
    public static Optional<TensorGrid> of(double[] points, int n, int d) {
        if (points.length != n * d || n < 1 || d < 1) {
            throw new IllegalArgumentException(points.length + " coordinates are not " + n + " points in " + d + "D");
        }
        double[][] axes = new double[d][];
        long size = 1;
        for (int k = 0; k < d; k++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = points[i * d + k];
            axes[k] = Arrays.stream(c).sorted().distinct().toArray();
            size *= axes[k].length;
        }
        if (size != n) return Optional.empty();
        int[] indices = new int[n * d];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int flat = 0;
            for (int k = 0; k < d; k++) {
                int j = Arrays.binarySearch(axes[k], points[i * d + k]);
                indices[i * d + k] = j;
                flat = flat * axes[k].length + j;
            }
            if (seen[flat]) return Optional.empty();
            seen[flat] = true;
        }
        return Optional.of(new TensorGrid(axes, indices));
    }

    /** A copy of the axes. */
    @Override
    public double[][] axes() {
        double[][] out = new double[axes.length][];
        for (int k = 0; k < axes.length; k++) out[k] = axes[k].clone();
        return out;
    }

    /** A copy of the per-point axis indices. */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /** d. */
    public int dimension() {
        return axes.length;
    }

    /** Coordinates along axis k (a copy). */
    public double[] axis(int k) {
        return axes[k].clone();
    }

    /** The index along {@code axis} whose coordinate is closest to {@code x}. */
    public int nearest(int axis, double x) {
        double[] a = axes[axis];
        int best = 0;
        for (int j = 1; j < a.length; j++) {
            if (Math.abs(a[j] - x) < Math.abs(a[best] - x)) best = j;
        }
        return best;
    }

    /**
     * Column {@code column} of a row-major [N, columns] array on the plane of axes 0 (x) and 1 (y) where the
     * remaining axes have the given indices (none for d = 2); returns {@code field[iy][ix]}.
     */
    public double[][] plane(double[] values, int columns, int column, int... fixed) {
        int d = dimension();
        if (d < 2 || fixed.length != d - 2) {
            throw new IllegalArgumentException("a plane of a " + d + "D grid needs " + Math.max(0, d - 2) + " fixed indices");
        }
        int n = indices.length / d;
        double[][] field = new double[axes[1].length][axes[0].length];
        for (double[] row : field) Arrays.fill(row, Double.NaN);
        points:
        for (int i = 0; i < n; i++) {
            for (int k = 2; k < d; k++) {
                if (indices[i * d + k] != fixed[k - 2]) continue points;
            }
            field[indices[i * d + 1]][indices[i * d]] = values[i * columns + column];
        }
        return field;
    }
}
