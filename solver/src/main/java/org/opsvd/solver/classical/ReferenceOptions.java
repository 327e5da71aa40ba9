package org.opsvd.solver.classical;

import org.opsvd.operators.grid.LaplacianStencil;

/**
 * Settings of a reference solve.
 *
 * @param gridPoints points per axis n ≥ 3 (grid routes)
 * @param order      finite-difference order, 2 or 4
 * @param k          number of eigenvalues ≥ 1 (rounded up to complete shells)
 * @param route      how to solve
 * @param sigma      shift for shift-invert, or null to place it below the spectrum automatically
 */
public record ReferenceOptions(int gridPoints, int order, int k, Route route, Double sigma) {

    public ReferenceOptions {
        if (gridPoints < 3) {
            throw new IllegalArgumentException("--grid must be at least 3 points per axis, got " + gridPoints);
        }
        LaplacianStencil.ofOrder(order);
        if (k < 1) {
            throw new IllegalArgumentException("--k must be at least 1, got " + k);
        }
        if (route == null) {
            throw new IllegalArgumentException("route must not be null");
        }
        if (sigma != null && !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("--sigma must be finite, got " + sigma);
        }
    }

    /** Default grid points per axis: 1024 in 1D, 128 in 2D, 40 in 3D, 12 beyond. */
    public static int defaultGrid(int dimension) {
        return switch (dimension) {
            case 1 -> 1024;
            case 2 -> 128;
            case 3 -> 40;
            default -> 12;
        };
    }

    /** Automatic route, 4th order, default grid for the dimension. */
    public static ReferenceOptions defaults(int dimension, int k) {
        return new ReferenceOptions(defaultGrid(dimension), 4, k, Route.AUTO, null);
    }

    public LaplacianStencil stencil() {
        return LaplacianStencil.ofOrder(order);
    }
}
