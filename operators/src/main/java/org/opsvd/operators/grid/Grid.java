package org.opsvd.operators.grid;

/**
 * A uniform tensor grid on the cube [−L, L]^d with n points per axis.
 *
 * <ul>
 *   <li>{@link Boundary#DIRICHLET}: n interior points, spacing h = 2L/(n+1), x_i = −L + (i+1)h. With even n
 *       the origin is not a grid point.</li>
 *   <li>{@link Boundary#PERIODIC}: n points on the torus, h = 2L/n, x_i = −L + i·h.</li>
 * </ul>
 * Points are numbered row-major: the flat index of (i_0, …, i_{d−1}) is Σ_k i_k·n^{d−1−k}, so the last
 * axis varies fastest. Immutable.
 *
 * @param dimension d ∈ {1, 2, 3} (larger d is allowed but n^d must fit in an int)
 * @param pointsPerAxis n ≥ 1
 * @param halfWidth L &gt; 0
 * @param boundary wall condition
 */
public record Grid(int dimension, int pointsPerAxis, double halfWidth, Boundary boundary) {

    public Grid {
        if (dimension < 1) {
            throw new IllegalArgumentException("grid dimension must be at least 1, got " + dimension);
        }
        if (pointsPerAxis < 1) {
            throw new IllegalArgumentException("grid size must be positive, got " + pointsPerAxis);
        }
        if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
            throw new IllegalArgumentException("box half-width must be positive and finite, got " + halfWidth);
        }
        if (Math.pow(pointsPerAxis, dimension) > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--grid %d in %dD gives %.3g "
                    + "points, more than one array holds (2^31); use a smaller --grid", pointsPerAxis, dimension,
                    Math.pow(pointsPerAxis, dimension)));
        }
        if (boundary == null) {
            throw new IllegalArgumentException("boundary must not be null");
        }
    }

    /** A Dirichlet grid on [−L, L]^d. */
    public static Grid dirichlet(int dimension, int pointsPerAxis, double halfWidth) {
        return new Grid(dimension, pointsPerAxis, halfWidth, Boundary.DIRICHLET);
    }

    /** A periodic grid on the torus [−L, L)^d. */
    public static Grid periodic(int dimension, int pointsPerAxis, double halfWidth) {
        return new Grid(dimension, pointsPerAxis, halfWidth, Boundary.PERIODIC);
    }

    /** The spacing h. */
    public double spacing() {
        return boundary == Boundary.DIRICHLET ? 2 * halfWidth / (pointsPerAxis + 1) : 2 * halfWidth / pointsPerAxis;
    }

    /** The number of points n^d. */
    public int size() {
        int s = 1;
        for (int k = 0; k < dimension; k++) {
            s *= pointsPerAxis;
        }
        return s;
    }

    /** The coordinate of the i-th point along any axis. */
    public double coordinate(int i) {
        double h = spacing();
        return boundary == Boundary.DIRICHLET ? -halfWidth + (i + 1) * h : -halfWidth + i * h;
    }

    /** All n coordinates along one axis. */
    public double[] axis() {
        double[] a = new double[pointsPerAxis];
        for (int i = 0; i < pointsPerAxis; i++) {
            a[i] = coordinate(i);
        }
        return a;
    }

    /** The quadrature weight h^d of each point (Riemann sum / trapezoid on a periodic or decaying function). */
    public double cellVolume() {
        return Math.pow(spacing(), dimension);
    }

    /**
     * Writes the coordinates of the point with the given flat index into {@code out} (length d).
     */
    public void point(int index, double[] out) {
        int rem = index;
        for (int k = dimension - 1; k >= 0; k--) {
            out[k] = coordinate(rem % pointsPerAxis);
            rem /= pointsPerAxis;
        }
    }

    /** The coordinates of the point with the given flat index. */
    public double[] point(int index) {
        double[] x = new double[dimension];
        point(index, x);
        return x;
    }

    /** "256^2 on [-7, 7]^2, h = 0.0545, Dirichlet" */
    public String describe() {
        return String.format("%d^%d on [-%s, %s]^%d, h = %.4g, %s", pointsPerAxis, dimension,
                trim(halfWidth), trim(halfWidth), dimension, spacing(), boundary.name().toLowerCase());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
