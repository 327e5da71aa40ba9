package org.opsvd.operators.grid;

import org.ejml.data.DMatrixRMaj;

/**
 * The function a DVR grid vector stands for, at points off the grid: ψ(y) = Σ_i ψ(x_i)·θ_i(y), with θ_i the
 * cardinal functions of the grid's DVR basis (θ_i(x_j) = δ_ij), per axis and multiplied across axes.
 *
 * <ul>
 *   <li>Dirichlet grid (sine DVR, x_i = −a + (i+1)h, h = 2a/(n+1)): the sine modes sin(kπ(y + a)/2a),
 *       k = 1…n, so θ_i(y) = 2/(n+1)·Σ_k sin(kπ(i+1)/(n+1))·sin(kπ(y + a)/2a) inside [−a, a] and 0 outside;</li>
 *   <li>periodic grid (Fourier DVR, x_i = −a + ih, h = 2a/n, period P = 2a): the plane waves |k| &lt; n/2 and,
 *       for even n, cos(πn(y − x_i)/P), so θ_i(y) = 1/n·[1 + 2Σ_{0&lt;k&lt;n/2} cos(2πk(y − x_i)/P)
 *       + (n even) cos(πn(y − x_i)/P)].</li>
 * </ul>
 * This is exact for the DVR's own eigenvectors as functions of its basis, which is what makes a DVR reference
 * usable on any other quadrature (spectral accuracy, unlike piecewise polynomial interpolation). Sums are
 * written out (n terms per cardinal value): a library FFT would not help at these sizes (n ≤ a few hundred
 * per axis, targets on a tensor grid). float64.
 */
public final class DvrInterpolation {

    private DvrInterpolation() {
    }

    /** Cardinal values θ_i(y_p) of one axis of {@code grid}: a [targets.length × n] matrix. */
    public static DMatrixRMaj axis(Grid grid, double[] targets) {
        int n = grid.pointsPerAxis();
        double a = grid.halfWidth();
        DMatrixRMaj out = new DMatrixRMaj(targets.length, n);
        boolean periodic = grid.boundary() == Boundary.PERIODIC;
        for (int p = 0; p < targets.length; p++) {
            double y = targets[p];
            for (int i = 0; i < n; i++) {
                out.set(p, i, periodic ? fourier(n, 2 * a, y - grid.coordinate(i)) : sine(n, a, i, y));
            }
        }
        return out;
    }

    private static double sine(int n, double a, int i, double y) {
        if (y <= -a || y >= a) {
            return 0;
        }
        double s = 0;
        for (int k = 1; k <= n; k++) {
            s += Math.sin(k * Math.PI * (i + 1) / (n + 1)) * Math.sin(k * Math.PI * (y + a) / (2 * a));
        }
        return 2.0 / (n + 1) * s;
    }

    private static double fourier(int n, double period, double t) {
        double s = 1;
        for (int k = 1; 2 * k < n; k++) {
            s += 2 * Math.cos(2 * Math.PI * k * t / period);
        }
        if (n % 2 == 0) {
            s += Math.cos(Math.PI * n * t / period);
        }
        return s / n;
    }

    /**
     * Columns of grid values on {@code from} ([from.size() × k], rows in {@link Grid#point} order) as values on the
     * points of the tensor grid {@code to} ([to.size() × k]), by the cardinal functions axis by axis.
     */
    public static DMatrixRMaj onGrid(Grid from, DMatrixRMaj values, Grid to) {
        int d = from.dimension();
        if (to.dimension() != d) {
            throw new IllegalArgumentException("cannot interpolate a " + d + "-dimensional grid onto a "
                    + to.dimension() + "-dimensional one");
        }
        if (values.numRows != from.size()) {
            throw new IllegalArgumentException(values.numRows + " rows for a grid of " + from.size() + " points");
        }
        DMatrixRMaj cardinal = axis(from, to.axis());
        int n = from.pointsPerAxis();
        int m = to.pointsPerAxis();
        int k = values.numCols;
        DMatrixRMaj out = new DMatrixRMaj(to.size(), k);
        double[] column = new double[from.size()];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < column.length; i++) {
                column[i] = values.unsafe_get(i, c);
            }
            double[] current = column;
            for (int axisIndex = 0; axisIndex < d; axisIndex++) { // contract axis axisIndex: n → m
                int before = 1;
                for (int j = 0; j < axisIndex; j++) {
                    before *= m;
                }
                int after = 1;
                for (int j = axisIndex + 1; j < d; j++) {
                    after *= n;
                }
                double[] next = new double[before * m * after];
                for (int b = 0; b < before; b++) {
                    for (int p = 0; p < m; p++) {
                        int target = (b * m + p) * after;
                        for (int i = 0; i < n; i++) {
                            double w = cardinal.unsafe_get(p, i);
                            if (w == 0) {
                                continue;
                            }
                            int source = (b * n + i) * after;
                            for (int r = 0; r < after; r++) {
                                next[target + r] += w * current[source + r];
                            }
                        }
                    }
                }
                current = next;
            }
            for (int i = 0; i < current.length; i++) {
                out.unsafe_set(i, c, current[i]);
            }
        }
        return out;
    }
}
