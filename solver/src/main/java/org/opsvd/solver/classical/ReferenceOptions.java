package org.opsvd.solver.classical;

import org.opsvd.operators.grid.LaplacianStencil;

/**
 * Settings of a reference solve.
 *
 * @param gridPoints  points per axis n ≥ 3 (grid routes)
 * @param order       finite-difference order, 2 or 4
 * @param k           number of eigenvalues ≥ 1 (rounded up to complete shells)
 * @param route       how to solve
 * @param sigma       shift for shift-invert, or null to place it below the spectrum automatically
 * @param gridGiven   true when the user fixed the grid: the automatic route then solves that finite-difference
 *                    grid (or the DVR on n points per axis, if asked); false lets it choose the most accurate
 *                    affordable discretisation (the DVR for smooth potentials, with its own grid)
 * @param extrapolate Richardson extrapolation of the finite-difference routes over spacings 8h/3, 2h, 4h/3, h: null = when the
 *                    potential is known smooth, true = always, false = never
 */
public record ReferenceOptions(int gridPoints, int order, int k, Route route, Double sigma, boolean gridGiven,
                               Boolean extrapolate) {

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

    /** A fixed grid, extrapolation when the potential is known smooth. */
    public ReferenceOptions(int gridPoints, int order, int k, Route route, Double sigma) {
        this(gridPoints, order, k, route, sigma, true, null);
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

    /**
     * Automatic route, 4th order, grid not fixed: the most accurate affordable reference (DVR for smooth
     * potentials in d ≤ 3, radial for central ones, else finite differences on the default grid).
     */
    public static ReferenceOptions defaults(int dimension, int k) {
        return new ReferenceOptions(defaultGrid(dimension), 4, k, Route.AUTO, null, false, null);
    }

    /** The same options with another extrapolation setting. */
    public ReferenceOptions withExtrapolate(Boolean newExtrapolate) {
        return new ReferenceOptions(gridPoints, order, k, route, sigma, gridGiven, newExtrapolate);
    }

    /** The same options with another route. */
    public ReferenceOptions withRoute(Route newRoute) {
        return new ReferenceOptions(gridPoints, order, k, newRoute, sigma, gridGiven, extrapolate);
    }

    public LaplacianStencil stencil() {
        return LaplacianStencil.ofOrder(order);
    }
}
