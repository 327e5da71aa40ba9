package org.opsvd.operators.grid;

/**
 * A discretisation of H = −c·Δ + V on a tensor {@link Grid} as a symmetric n^d × n^d matrix that acts
 * matrix-free: what matrix-free eigensolvers (Lanczos, Chebyshev filters) need. Implemented by the
 * finite-difference {@link DiscreteHamiltonian} and the spectral {@link DvrHamiltonian}.
 *
 * <p>Vectors are grid functions in the Euclidean coordinates of the grid: entry i belongs to
 * {@code grid().point(i)}, and v_i·h^{−d/2} is the function value there.
 */
public interface GridHamiltonian {

    /** The grid the vectors live on. */
    Grid grid();

    /** The matrix size n^d. */
    default int size() {
        return grid().size();
    }

    /** The kinetic coefficient c of −c·Δ. */
    double kinetic();

    /** V at the grid points (a copy). */
    double[] potentialValues();

    /** A lower bound on the spectrum: min V (the kinetic part −cΔ is positive semi-definite in every discretisation). */
    default double lowerBound() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : potentialValues()) {
            m = Math.min(m, v);
        }
        return m;
    }

    /** An upper bound on the spectrum. */
    double upperBound();

    /** y[yOff..yOff+n) = H·x[xOff..xOff+n); the two slices must not overlap. */
    void apply(double[] x, int xOff, double[] y, int yOff);

    /** y = H·x for distinct arrays of length n^d. */
    default void apply(double[] x, double[] y) {
        apply(x, 0, y, 0);
    }

    /**
     * out = α·(H − σ)·x + β·prev, writing only the points whose first (slowest) coordinate index lies in
     * [from, to); disjoint ranges may run on different threads at once. {@code prev} may be {@code out} itself
     * (each point is read before it is written) or null when β = 0. In 1D only the whole range is allowed.
     */
    void applyShifted(double[] x, double[] out, double alpha, double sigma, double beta, double[] prev, int from,
                      int to);

    /** {@link #applyShifted(double[], double[], double, double, double, double[], int, int)} on all points. */
    default void applyShifted(double[] x, double[] out, double alpha, double sigma, double beta, double[] prev) {
        applyShifted(x, out, alpha, sigma, beta, prev, 0, grid().pointsPerAxis());
    }
}
