package org.opsvd.solver.classical;

/**
 * Eigenvalues of a real symmetric tridiagonal matrix by Sturm-sequence bisection.
 *
 * <p>The matrix is given by its diagonal d[0..n-1] and the squares of its off-diagonal e2[i] = e[i]²
 * (coupling rows i and i+1); the signs of e never matter. {@link #countBelow(double, int)} counts the
 * eigenvalues below x of the leading {@code size}×{@code size} block with the LDLᵀ pivot recurrence
 * q_i = d_i − x − e2_{i−1}/q_{i−1} (Sylvester's law of inertia: the count equals the number of negative
 * pivots). Bisection on that count finds the j-th eigenvalue to the last bits of a double: the width
 * of the final bracket is a few ulps, far below the O(ε‖T‖) perturbation to which the eigenvalues of the
 * stored matrix are defined. Cost O(n) per count, about 60–90 counts per eigenvalue; no vectors.
 *
 * <p>Instances are immutable; the arrays are not copied and must not be modified by the caller.
 */
public final class SymmetricTridiagonal {

    private static final int MAX_BISECTIONS = 400;

    private final double[] d;
    private final double[] e2;
    private final double lower;
    private final double upper;
    private final double pivmin;
    private final double floor;

    /**
     * @param d  the diagonal, length n ≥ 1
     * @param e2 the squared off-diagonal, length ≥ n−1 (extra entries are ignored)
     */
    public SymmetricTridiagonal(double[] d, double[] e2) {
        if (d.length == 0 || e2.length < d.length - 1) {
            throw new IllegalArgumentException("need n ≥ 1 diagonal entries and n−1 off-diagonal entries, got "
                    + d.length + " and " + e2.length);
        }
        this.d = d;
        this.e2 = e2;
        int n = d.length;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxE2 = 0;
        for (int i = 0; i < n; i++) {
            double left = i > 0 ? Math.sqrt(e2[i - 1]) : 0;
            double right = i < n - 1 ? Math.sqrt(e2[i]) : 0;
            if (i < n - 1) {
                maxE2 = Math.max(maxE2, e2[i]);
            }
            lo = Math.min(lo, d[i] - left - right);
            hi = Math.max(hi, d[i] + left + right);
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("matrix entries must be finite");
        }
        double norm = Math.max(Math.abs(lo), Math.abs(hi));
        // Gershgorin bounds, widened by a few ulps so that the ends are strict brackets.
        this.lower = lo - 4 * Math.ulp(norm) - Double.MIN_NORMAL;
        this.upper = hi + 4 * Math.ulp(norm) + Double.MIN_NORMAL;
        this.pivmin = Double.MIN_NORMAL * Math.max(1.0, maxE2);
        // Below this absolute width the count is pure rounding noise; stop there (eigenvalues near 0).
        this.floor = 1e-6 * Math.ulp(Math.max(norm, Double.MIN_NORMAL));
    }

    /** The order n. */
    public int size() {
        return d.length;
    }

    /** The number of eigenvalues of the whole matrix that are strictly below x (up to rounding). */
    public int countBelow(double x) {
        return countBelow(x, d.length);
    }

    /** The number of eigenvalues below x of the leading size×size principal block. */
    public int countBelow(double x, int size) {
        double q = d[0] - x;
        if (Math.abs(q) < pivmin) {
            q = -pivmin;
        }
        long count = Double.doubleToRawLongBits(q) >>> 63; // the sign bit, branch-free (q is never ±0 or NaN)
        for (int i = 1; i < size; i++) {
            q = d[i] - x - e2[i - 1] / q;
            if (Math.abs(q) < pivmin) {
                q = -pivmin;
            }
            count += Double.doubleToRawLongBits(q) >>> 63;
        }
        return (int) count;
    }

    /** The j-th smallest eigenvalue (j = 0 is the lowest) of the whole matrix. */
    public double eigenvalue(int j) {
        return eigenvalue(j, d.length);
    }

    /**
     * The j-th smallest eigenvalue of the leading size×size principal block (a Dirichlet truncation of the
     * problem when rows are ordered outwards), to full precision.
     */
    public double eigenvalue(int j, int size) {
        checkIndex(j, size);
        return bisect(j, size, lower, upper, 0);
    }

    /**
     * The j-th smallest eigenvalue of the leading size×size block, searched first in [lo, hi] (a bracket from
     * a previous, nearby computation). The bracket is checked with two counts and replaced by the Gershgorin
     * bound on whichever side is wrong, so a bad guess costs time, never correctness. Bisection stops when
     * the bracket is narrower than {@code tolerance} (0: full precision).
     */
    public double eigenvalue(int j, int size, double lo, double hi, double tolerance) {
        checkIndex(j, size);
        double a = Math.max(lower, Math.min(lo, hi));
        double b = Math.min(upper, Math.max(lo, hi));
        if (!(a < b) || countBelow(a, size) > j) {
            a = lower;
        }
        if (!(a < b) || countBelow(b, size) <= j) {
            b = upper;
        }
        return bisect(j, size, a, b, tolerance);
    }

    private void checkIndex(int j, int size) {
        if (size < 1 || size > d.length) {
            throw new IllegalArgumentException("block size " + size + " outside 1.." + d.length);
        }
        if (j < 0 || j >= size) {
            throw new IllegalArgumentException("eigenvalue index " + j + " outside 0.." + (size - 1));
        }
    }

    /** Bisection on the count, keeping count(lo) ≤ j &lt; count(hi). */
    private double bisect(int j, int size, double lo, double hi, double tolerance) {
        double stop = Math.max(floor, tolerance);
        for (int it = 0; it < MAX_BISECTIONS; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi || hi - lo <= stop) {
                break;
            }
            if (countBelow(mid, size) > j) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
