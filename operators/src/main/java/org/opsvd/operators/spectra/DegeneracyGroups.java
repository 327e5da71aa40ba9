package org.opsvd.operators.spectra;

import java.util.Arrays;

/**
 * A partition of a sorted list of eigenvalues into groups of (numerically) equal values, e.g. to treat
 * the degenerate shells of a computed spectrum whose degeneracies are not known in advance.
 *
 * <p>Rule: scanning λ_0 ≤ λ_1 ≤ …, a value λ_i joins the current group, whose first value is λ_s, iff
 * |λ_i − λ_s| ≤ tol·max(|λ_s|, |λ_i|, scale); otherwise it starts a new group. Comparing with the
 * group's first value (not the previous one) stops slowly drifting values from chaining into one group.
 * {@code scale} ≥ 0 sets an absolute floor for values near 0 (e.g. the spectral width, or 0 for a purely
 * relative test).
 *
 * @param starts the index of the first eigenvalue of each group, ascending, starts[0] = 0
 * @param total  the number of eigenvalues partitioned
 */
public record DegeneracyGroups(int[] starts, int total) {

    public DegeneracyGroups {
        starts = starts.clone();
        if (total < 0 || (total > 0 && (starts.length == 0 || starts[0] != 0)) || (total == 0 && starts.length != 0)) {
            throw new IllegalArgumentException("group starts must begin at 0 and cover " + total + " values");
        }
        for (int g = 1; g < starts.length; g++) {
            if (starts[g] <= starts[g - 1] || starts[g] >= total) {
                throw new IllegalArgumentException("group starts must be strictly increasing and below "
                        + total + ": " + Arrays.toString(starts));
            }
        }
    }

    /**
     * Groups sorted eigenvalues by the rule above.
     *
     * @param sortedEigenvalues non-decreasing, finite
     * @param relativeTolerance tol ≥ 0
     * @param scale             absolute floor ≥ 0 of the comparison magnitude
     */
    public static DegeneracyGroups of(double[] sortedEigenvalues, double relativeTolerance, double scale) {
        if (!(relativeTolerance >= 0) || !(scale >= 0)) {
            throw new IllegalArgumentException("tolerance and scale must be non-negative, got "
                    + relativeTolerance + ", " + scale);
        }
        int n = sortedEigenvalues.length;
        int[] starts = new int[n];
        int groups = 0;
        double first = Double.NaN;
        for (int i = 0; i < n; i++) {
            double v = sortedEigenvalues[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("eigenvalue " + i + " is not finite: " + v);
            }
            if (i > 0 && v < sortedEigenvalues[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be sorted ascending; index " + i + " has "
                        + v + " < " + sortedEigenvalues[i - 1]);
            }
            if (i == 0 || Math.abs(v - first) > relativeTolerance
                    * Math.max(scale, Math.max(Math.abs(first), Math.abs(v)))) {
                starts[groups++] = i;
                first = v;
            }
        }
        return new DegeneracyGroups(Arrays.copyOf(starts, groups), n);
    }

    /** Purely relative grouping (scale 0). */
    public static DegeneracyGroups of(double[] sortedEigenvalues, double relativeTolerance) {
        return of(sortedEigenvalues, relativeTolerance, 0);
    }

    /** The number of groups. */
    public int count() {
        return starts.length;
    }

    /** The first index of group g. */
    public int start(int g) {
        return starts[g];
    }

    /** One past the last index of group g. */
    public int end(int g) {
        return g + 1 < starts.length ? starts[g + 1] : total;
    }

    /** The size of group g. */
    public int size(int g) {
        return end(g) - start(g);
    }

    /** The group sizes, e.g. [1, 2, 3] for 2D oscillator eigenvalues 2, 4, 4, 6, 6, 6. */
    public int[] sizes() {
        int[] s = new int[count()];
        for (int g = 0; g < s.length; g++) {
            s[g] = size(g);
        }
        return s;
    }

    /** The cumulative sizes = the group ends, e.g. [1, 3, 6]. */
    public int[] ends() {
        int[] e = new int[count()];
        for (int g = 0; g < e.length; g++) {
            e[g] = end(g);
        }
        return e;
    }

    /** The group containing eigenvalue index i. */
    public int groupOf(int i) {
        if (i < 0 || i >= total) {
            throw new IndexOutOfBoundsException("index " + i + " outside 0.." + (total - 1));
        }
        int g = Arrays.binarySearch(starts, i);
        return g >= 0 ? g : -g - 2;
    }

    @Override
    public int[] starts() {
        return starts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DegeneracyGroups other && total == other.total && Arrays.equals(starts, other.starts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(starts) + total;
    }

    @Override
    public String toString() {
        return "DegeneracyGroups" + Arrays.toString(sizes());
    }
}
