package org.opsvd.solver.classical;

import org.opsvd.operators.grid.Boundary;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;

/**
 * The same product y = H_h·x as {@link DiscreteHamiltonian#apply}, arranged for speed: one fused pass along
 * the fastest axis (diagonal + neighbours, branch-free in the interior), then for every other axis
 * contiguous slab updates y[line i] += w_k·(x[line i−k] + x[line i+k]) that the JIT vectorises. About 2–4×
 * faster than the generic loop on 256² and 60³ grids. Stateless, thread-safe.
 */
final class StencilOperator implements SymmetricOperator {

    private final int n;
    private final int d;
    private final int size;
    private final int reach;
    private final boolean periodic;
    /** V_i + d·(−c·w₀/h²). */
    private final double[] diagonal;
    /** −c·w_k/h², k = 1..reach (index 0 unused). */
    private final double[] weights;

    StencilOperator(DiscreteHamiltonian h) {
        Grid g = h.grid();
        this.n = g.pointsPerAxis();
        this.d = g.dimension();
        this.size = h.size();
        this.reach = h.stencil().reach();
        this.periodic = g.boundary() == Boundary.PERIODIC;
        double hh = g.spacing() * g.spacing();
        this.weights = new double[reach + 1];
        for (int k = 0; k <= reach; k++) {
            weights[k] = -h.kinetic() * h.stencil().weight(k) / hh;
        }
        this.diagonal = h.potentialValues();
        for (int i = 0; i < size; i++) {
            diagonal[i] += d * weights[0];
        }
    }

    @Override
    public void apply(double[] x, int xOff, double[] y, int yOff) {
        // fastest axis (stride 1), fused with the diagonal
        for (int line = 0; line < size; line += n) {
            int xs = xOff + line;
            int ys = yOff + line;
            int lo = Math.min(reach, n);
            int hi = Math.max(lo, n - reach);
            for (int i = 0; i < lo; i++) {
                y[ys + i] = diagonal[line + i] * x[xs + i] + edge(x, xs, i);
            }
            if (reach == 1) {
                double w1 = weights[1];
                for (int i = lo; i < hi; i++) {
                    y[ys + i] = diagonal[line + i] * x[xs + i] + w1 * (x[xs + i - 1] + x[xs + i + 1]);
                }
            } else if (reach == 2) {
                double w1 = weights[1];
                double w2 = weights[2];
                for (int i = lo; i < hi; i++) {
                    y[ys + i] = diagonal[line + i] * x[xs + i] + w1 * (x[xs + i - 1] + x[xs + i + 1])
                            + w2 * (x[xs + i - 2] + x[xs + i + 2]);
                }
            } else {
                for (int i = lo; i < hi; i++) {
                    double s = diagonal[line + i] * x[xs + i];
                    for (int k = 1; k <= reach; k++) {
                        s += weights[k] * (x[xs + i - k] + x[xs + i + k]);
                    }
                    y[ys + i] = s;
                }
            }
            for (int i = hi; i < n; i++) {
                y[ys + i] = diagonal[line + i] * x[xs + i] + edge(x, xs, i);
            }
        }
        // the other axes: whole contiguous slabs of length stride
        int stride = 1;
        for (int axis = d - 2; axis >= 0; axis--) {
            stride *= n;
            int block = stride * n;
            for (int outer = 0; outer < size; outer += block) {
                for (int i = 0; i < n; i++) {
                    int row = outer + i * stride;
                    if (i >= reach && i + reach < n && reach <= 2) {
                        interior(x, xOff, y, yOff + row, row, stride);
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

    /** y[ys..ys+len) += Σ_k w_k·(x[row−k·len] + x[row+k·len]) for a slab whose neighbours all exist (reach ≤ 2). */
    private void interior(double[] x, int xOff, double[] y, int ys, int row, int len) {
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
    private double edge(double[] x, int xs, int i) {
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
}
