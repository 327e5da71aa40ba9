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
public final class DiscreteHamiltonian {

    private final Grid grid;
    private final LaplacianStencil stencil;
    private final double kinetic;
    private final double[] potential;
    /** −c·w_k/h² for k = 0..reach: the kinetic part of the stencil. */
    private final double[] kineticWeights;

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

    public Grid grid() {
        return grid;
    }

    public LaplacianStencil stencil() {
        return stencil;
    }

    public double kinetic() {
        return kinetic;
    }

    /** The matrix size n^d. */
    public int size() {
        return potential.length;
    }

    /** V at the grid points (a copy). */
    public double[] potentialValues() {
        return potential.clone();
    }

    /** A lower bound on the spectrum: min V (−Δ_h is positive semi-definite). */
    public double lowerBound() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : potential) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** An upper bound on the spectrum (Gershgorin): max V + c·d·Σ|w|/h². */
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
    public void apply(double[] x, double[] y) {
        apply(x, 0, y, 0);
    }

    /**
     * y[yOff..] = H_h·x[xOff..], matrix-free; the offsets let callers work inside larger work arrays (ARPACK).
     */
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        int size = potential.length;
        double diag = grid.dimension() * kineticWeights[0];
        for (int i = 0; i < size; i++) {
            y[yOff + i] = (potential[i] + diag) * x[xOff + i];
        }
        int n = grid.pointsPerAxis();
        int reach = stencil.reach();
        boolean periodic = grid.boundary() == Boundary.PERIODIC;
        int stride = size;
        for (int axis = 0; axis < grid.dimension(); axis++) {
            stride /= n;
            int block = stride * n;
            for (int outer = 0; outer < size; outer += block) {
                for (int inner = 0; inner < stride; inner++) {
                    int base = outer + inner;
                    for (int k = 1; k <= reach; k++) {
                        double w = kineticWeights[k];
                        int shift = k * stride;
                        for (int i = 0; i < n; i++) {
                            int p = base + i * stride;
                            double s = 0;
                            if (i - k >= 0) {
                                s += x[xOff + p - shift];
                            } else if (periodic) {
                                s += x[xOff + p - shift + block];
                            }
                            if (i + k < n) {
                                s += x[xOff + p + shift];
                            } else if (periodic) {
                                s += x[xOff + p + shift - block];
                            }
                            y[yOff + p] += w * s;
                        }
                    }
                }
            }
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
