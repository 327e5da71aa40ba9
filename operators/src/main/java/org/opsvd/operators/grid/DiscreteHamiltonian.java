package org.opsvd.operators.grid;

import java.util.Arrays;
import org.ejml.data.DMatrixSparseCSC;
import org.opsvd.operators.CellAveragedPotential;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.Potential;

/**
 * The finite-difference discretisation H_h = −c·Δ_h + diag(V) of a {@link Hamiltonian} on a {@link Grid}.
 *
 * <p>Two views of the same symmetric n^d × n^d matrix: a matrix-free stencil product {@link #apply}
 * (fast, no storage) and an assembled EJML {@link DMatrixSparseCSC} ({@link #toSparse}) for
 * factorisations. Eigenvalues of H_h approximate those of H with error O(h^p), p the stencil order, for
 * smooth V. Immutable; V is evaluated once at construction (float64): point values, or exact cell averages for
 * singular potentials that provide them ({@link CellAveragedPotential}, e.g. Coulomb).
 */
public final class DiscreteHamiltonian implements GridHamiltonian {

    private final Grid grid;
    private final LaplacianStencil stencil;
    private final double kinetic;
    private final double[] potential;
    /** −c·w_k/h² for k = 0..reach: the kinetic part of the stencil. */
    private final double[] kineticWeights;
    /** V_i + d·(−c·w₀/h²): the diagonal of H_h. */
    private final double[] diagonal;

    private DiscreteHamiltonian(Grid grid, LaplacianStencil stencil, double kinetic, double[] potential) {
        this.grid = grid;
        this.stencil = stencil;
        this.kinetic = kinetic;
        this.potential = potential;
        double h = grid.spacing();
        this.kineticWeights = new double[stencil.reach() + 1];
        for (int k = 0; k <= stencil.reach(); k++) {
            kineticWeights[k] = -kinetic * stencil.weight(k) / (h * h);
        }
        this.diagonal = potential.clone();
        for (int i = 0; i < diagonal.length; i++) {
            diagonal[i] += grid.dimension() * kineticWeights[0];
        }
    }

    /**
     * Discretises H on the grid.
     *
     * @throws IllegalArgumentException if dimensions disagree, a periodic grid is too small for the stencil,
     *         or V is NaN or infinite at a grid point (the message names the point)
     */
    public static DiscreteHamiltonian of(Hamiltonian hamiltonian, Grid grid, LaplacianStencil stencil) {
        Potential v = hamiltonian.potential();
        if (v.dimension() != grid.dimension()) {
            throw new IllegalArgumentException("potential is " + v.dimension() + "-dimensional but the grid is "
                    + grid.dimension() + "-dimensional");
        }
        if (grid.boundary() == Boundary.PERIODIC && grid.pointsPerAxis() <= 2 * stencil.reach()) {
            throw new IllegalArgumentException("a periodic grid needs more than " + 2 * stencil.reach()
                    + " points per axis for the order-" + stencil.order() + " stencil");
        }
        int size = grid.size();
        double[] values = new double[size];
        double[] x = new double[grid.dimension()];
        CellAveragedPotential averaged = v instanceof CellAveragedPotential c ? c : null;
        double h = grid.spacing();
        for (int i = 0; i < size; i++) {
            grid.point(i, x);
            double vi = averaged != null ? averaged.cellAverage(x, h) : v.value(x);
            if (!Double.isFinite(vi)) {
                throw new IllegalArgumentException("potential " + v.describe() + " is " + vi + " at grid point "
                        + Arrays.toString(x) + "; move the grid off the singularity or soften the potential");
            }
            values[i] = vi;
        }
        return new DiscreteHamiltonian(grid, stencil, hamiltonian.kinetic(), values);
    }

    /**
     * A discretisation with given potential values on the grid (e.g. cell-averaged), length n^d.
     */
    public static DiscreteHamiltonian ofValues(double kinetic, double[] potentialValues, Grid grid,
                                               LaplacianStencil stencil) {
        if (potentialValues.length != grid.size()) {
            throw new IllegalArgumentException("expected " + grid.size() + " potential values, got "
                    + potentialValues.length);
        }
        return new DiscreteHamiltonian(grid, stencil, kinetic, potentialValues.clone());
    }

    @Override
    public Grid grid() {
        return grid;
    }

    public LaplacianStencil stencil() {
        return stencil;
    }

    @Override
    public double kinetic() {
        return kinetic;
    }

    /** The matrix size n^d. */
    @Override
    public int size() {
        return potential.length;
    }

    /** V at the grid points (a copy). */
    @Override
    public double[] potentialValues() {
        return potential.clone();
    }


    /** An upper bound on the spectrum (Gershgorin): max V + c·d·Σ|w|/h². */
    @Override
    public double upperBound() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : potential) {
            m = Math.max(m, v);
        }
        double h = grid.spacing();
        return m + kinetic * grid.dimension() * stencil.absoluteSum() / (h * h);
    }

    /**
     * y = H_h·x, matrix-free. {@code x} and {@code y} must be distinct arrays of length n^d.
     */
    @Override
    public void apply(double[] x, double[] y) {
        apply(x, 0, y, 0);
    }

    /**
     * y[yOff..] = H_h·x[xOff..], matrix-free; the offsets let callers work inside larger work arrays (ARPACK).
     */
    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        stencil(x, xOff, y, yOff, 1.0, 0.0, 0.0, null, kineticWeights, 0, grid.pointsPerAxis());
    }

    /**
     * out = α·(H_h − σ)·x + β·prev in one fused stencil pass (no allocation): one step of a three-term
     * polynomial recurrence such as Chebyshev's, Y_{k+1} = (2/e)(H − c)Y_k − Y_{k−1}. {@code x} and
     * {@code out} must be distinct arrays of length n^d; {@code prev} may be {@code out} itself (it is read at
     * each point before that point is written) or null when β = 0.
     */
    @Override
    public void applyShifted(double[] x, double[] out, double alpha, double sigma, double beta, double[] prev) {
        applyShifted(x, out, alpha, sigma, beta, prev, 0, grid.pointsPerAxis());
    }

    /**
     * As {@link #applyShifted(double[], double[], double, double, double, double[])}, but writes only the output
     * points whose first (slowest) coordinate index lies in [from, to): the slices from·n^{d−1} to
     * to·n^{d−1} − 1 of {@code out}. Disjoint ranges may run on different threads at once (each reads all of
     * x and writes only its own slices). In 1D only the whole range 0..n is allowed.
     */
    @Override
    public void applyShifted(double[] x, double[] out, double alpha, double sigma, double beta, double[] prev,
                             int from, int to) {
        int n = grid.pointsPerAxis();
        if (from < 0 || to > n || from > to || (grid.dimension() == 1 && (from != 0 || to != n))) {
            throw new IllegalArgumentException("bad slice range [" + from + ", " + to + ") for " + grid.describe());
        }
        if (x == out) {
            throw new IllegalArgumentException("x and out must be distinct arrays");
        }
        if (prev == null && beta != 0) {
            throw new IllegalArgumentException("beta = " + beta + " needs a prev vector");
        }
        double[] w = new double[kineticWeights.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = alpha * kineticWeights[k];
        }
        stencil(x, 0, out, 0, alpha, sigma, beta, beta == 0 ? null : prev, w, from, to);
    }

    /**
     * y = α·(H − σ)x + β·prev (prev null: no β term), with {@code weights} = α·kineticWeights.
     *
     * <p>Arranged for speed: one fused pass along the fastest axis (diagonal, neighbours and the β term,
     * branch-free in the interior), then for every other axis contiguous slab updates
     * y[line i] += w_k·(x[line i−k] + x[line i+k]) that the JIT vectorises; 2–4× faster than a per-point loop
     * on 256² and 60³ grids.
     */
    private void stencil(double[] x, int xOff, double[] y, int yOff, double alpha, double sigma, double beta,
                         double[] prev, double[] weights, int from, int to) {
        int n = grid.pointsPerAxis();
        int d = grid.dimension();
        int size = potential.length;
        int slice = size / n; // points per index of the slowest axis
        int first = from * slice;
        int last = to * slice;
        int reach = stencil.reach();
        boolean periodic = grid.boundary() == Boundary.PERIODIC;
        // fastest axis (stride 1), fused with the diagonal
        for (int line = first; line < last; line += n) {
            int xs = xOff + line;
            int ys = yOff + line;
            int lo = Math.min(reach, n);
            int hi = Math.max(lo, n - reach);
            double as = alpha * sigma;
            for (int i = 0; i < lo; i++) {
                double t = (alpha * diagonal[line + i] - as) * x[xs + i] + edge(x, xs, i, n, reach, periodic,
                        weights);
                y[ys + i] = prev == null ? t : t + beta * prev[line + i];
            }
            interiorLine(x, xs, y, ys, line, lo, hi, alpha, as, beta, prev, weights, reach);
            for (int i = hi; i < n; i++) {
                double t = (alpha * diagonal[line + i] - as) * x[xs + i] + edge(x, xs, i, n, reach, periodic,
                        weights);
                y[ys + i] = prev == null ? t : t + beta * prev[line + i];
            }
        }
        // the other axes: whole contiguous slabs of length stride
        int stride = 1;
        for (int axis = d - 2; axis >= 0; axis--) {
            stride *= n;
            int block = stride * n;
            boolean slowest = axis == 0;
            for (int outer = slowest ? 0 : first; outer < (slowest ? size : last); outer += block) {
                for (int i = slowest ? from : 0; i < (slowest ? to : n); i++) {
                    int row = outer + i * stride;
                    if (i >= reach && i + reach < n && reach <= 2) {
                        interior(x, xOff, y, yOff + row, row, stride, reach, weights);
                        continue;
                    }
                    for (int k = 1; k <= reach; k++) {
                        double w = weights[k];
                        int below = i - k >= 0 ? row - k * stride : periodic ? row - k * stride + block : -1;
                        int above = i + k < n ? row + k * stride : periodic ? row + k * stride - block : -1;
                        if (below >= 0) {
                            axpy(w, x, xOff + below, y, yOff + row, stride);
                        }
                        if (above >= 0) {
                            axpy(w, x, xOff + above, y, yOff + row, stride);
                        }
                    }
                }
            }
        }
    }

    /** The interior [lo, hi) of one fastest-axis line for the general (scaled, shifted, β) case. */
    private void interiorLine(double[] x, int xs, double[] y, int ys, int line, int lo, int hi, double alpha,
                              double as, double beta, double[] prev, double[] weights, int reach) {
        if (reach == 2) {
            double w1 = weights[1];
            double w2 = weights[2];
            if (prev == null) {
                for (int i = lo; i < hi; i++) {
                    y[ys + i] = (alpha * diagonal[line + i] - as) * x[xs + i] + w1 * (x[xs + i - 1] + x[xs + i + 1])
                            + w2 * (x[xs + i - 2] + x[xs + i + 2]);
                }
            } else {
                for (int i = lo; i < hi; i++) {
                    y[ys + i] = (alpha * diagonal[line + i] - as) * x[xs + i] + w1 * (x[xs + i - 1] + x[xs + i + 1])
                            + w2 * (x[xs + i - 2] + x[xs + i + 2]) + beta * prev[line + i];
                }
            }
        } else if (reach == 1) {
            double w1 = weights[1];
            if (prev == null) {
                for (int i = lo; i < hi; i++) {
                    y[ys + i] = (alpha * diagonal[line + i] - as) * x[xs + i] + w1 * (x[xs + i - 1] + x[xs + i + 1]);
                }
            } else {
                for (int i = lo; i < hi; i++) {
                    y[ys + i] = (alpha * diagonal[line + i] - as) * x[xs + i] + w1 * (x[xs + i - 1] + x[xs + i + 1])
                            + beta * prev[line + i];
                }
            }
        } else {
            for (int i = lo; i < hi; i++) {
                double s = (alpha * diagonal[line + i] - as) * x[xs + i];
                for (int k = 1; k <= reach; k++) {
                    s += weights[k] * (x[xs + i - k] + x[xs + i + k]);
                }
                y[ys + i] = prev == null ? s : s + beta * prev[line + i];
            }
        }
    }

    /** y[ys..ys+len) += Σ_k w_k·(x[row−k·len] + x[row+k·len]) for a slab whose neighbours all exist (reach ≤ 2). */
    private static void interior(double[] x, int xOff, double[] y, int ys, int row, int len, int reach,
                                 double[] weights) {
        int c = xOff + row;
        double w1 = weights[1];
        if (reach == 1) {
            for (int t = 0; t < len; t++) {
                y[ys + t] += w1 * (x[c - len + t] + x[c + len + t]);
            }
        } else {
            double w2 = weights[2];
            int len2 = 2 * len;
            for (int t = 0; t < len; t++) {
                y[ys + t] += w1 * (x[c - len + t] + x[c + len + t]) + w2 * (x[c - len2 + t] + x[c + len2 + t]);
            }
        }
    }

    /** Σ_k w_k·(x[i−k] + x[i+k]) along one line near its ends, with the boundary rule. */
    private static double edge(double[] x, int xs, int i, int n, int reach, boolean periodic, double[] weights) {
        double s = 0;
        for (int k = 1; k <= reach; k++) {
            double t = 0;
            if (i - k >= 0) {
                t += x[xs + i - k];
            } else if (periodic) {
                t += x[xs + i - k + n];
            }
            if (i + k < n) {
                t += x[xs + i + k];
            } else if (periodic) {
                t += x[xs + i + k - n];
            }
            s += weights[k] * t;
        }
        return s;
    }

    private static void axpy(double w, double[] x, int xs, double[] y, int ys, int len) {
        for (int t = 0; t < len; t++) {
            y[ys + t] += w * x[xs + t];
        }
    }

    /** The assembled matrix H_h in compressed sparse column form (symmetric, both triangles stored). */
    public DMatrixSparseCSC toSparse() {
        return toSparse(0);
    }

    /**
     * The assembled matrix H_h − σ·I (both triangles stored, rows sorted within each column).
     */
    public DMatrixSparseCSC toSparse(double sigma) {
        int size = potential.length;
        int n = grid.pointsPerAxis();
        int d = grid.dimension();
        int reach = stencil.reach();
        boolean periodic = grid.boundary() == Boundary.PERIODIC;
        int perColumn = 1 + 2 * d * reach;
        DMatrixSparseCSC a = new DMatrixSparseCSC(size, size, size * perColumn);
        int[] rows = new int[perColumn];
        double[] vals = new double[perColumn];
        int[] strides = new int[d];
        int s = size;
        for (int axis = 0; axis < d; axis++) {
            s /= n;
            strides[axis] = s;
        }
        double diag = d * kineticWeights[0];
        int nz = 0;
        for (int col = 0; col < size; col++) {
            a.col_idx[col] = nz;
            int count = 0;
            rows[count] = col;
            vals[count++] = potential[col] + diag - sigma;
            for (int axis = 0; axis < d; axis++) {
                int stride = strides[axis];
                int block = stride * n;
                int i = (col / stride) % n;
                for (int k = 1; k <= reach; k++) {
                    double w = kineticWeights[k];
                    if (i - k >= 0) {
                        rows[count] = col - k * stride;
                        vals[count++] = w;
                    } else if (periodic) {
                        rows[count] = col - k * stride + block;
                        vals[count++] = w;
                    }
                    if (i + k < n) {
                        rows[count] = col + k * stride;
                        vals[count++] = w;
                    } else if (periodic) {
                        rows[count] = col + k * stride - block;
                        vals[count++] = w;
                    }
                }
            }
            sortPairs(rows, vals, count);
            for (int e = 0; e < count; e++) {
                if (e > 0 && rows[e] == rows[e - 1]) {
                    a.nz_values[nz - 1] += vals[e];
                } else {
                    a.nz_rows[nz] = rows[e];
                    a.nz_values[nz++] = vals[e];
                }
            }
        }
        a.col_idx[size] = nz;
        a.nz_length = nz;
        a.indicesSorted = true;
        return a;
    }

    private static void sortPairs(int[] rows, double[] vals, int count) {
        for (int i = 1; i < count; i++) {
            int r = rows[i];
            double v = vals[i];
            int j = i - 1;
            while (j >= 0 && rows[j] > r) {
                rows[j + 1] = rows[j];
                vals[j + 1] = vals[j];
                j--;
            }
            rows[j + 1] = r;
            vals[j + 1] = v;
        }
    }
}
