package org.opsvd.solver.classical;

import java.util.List;
import org.opsvd.operators.Problem;

/**
 * A reference spectrum: the lowest eigenvalues of a {@link Problem}, complete degenerate shells, compared
 * with the exact spectrum when one is known.
 *
 * @param problem       what was solved
 * @param route         the route actually used (never {@link Route#AUTO})
 * @param discretisation a one-line description of the discretisation (grid, order, or radial settings)
 * @param requested     the number of eigenvalues asked for
 * @param eigenvalues   the computed eigenvalues, ascending; length ≥ requested (rounded up to a shell end)
 * @param exact         exact eigenvalues of the same length, or null when the exact spectrum is unknown
 * @param groups        degeneracy groups covering the eigenvalues (exact shells when known, else numeric)
 * @param pairs         eigenvectors on the grid, or null for routes without grid vectors (radial)
 * @param errorEstimates estimated absolute error of each eigenvalue against the continuum operator on the box (from
 *                      Richardson extrapolation, or from the DVR on a coarser grid), or null when not estimated
 * @param seconds       wall-clock time of the solve
 * @param notes         remarks for the user (shell rounding, ignored options, …)
 */
public record ReferenceSolution(Problem problem, Route route, String discretisation, int requested,
                                double[] eigenvalues, double[] exact, List<Group> groups, GridEigenpairs pairs,
                                double[] errorEstimates, double seconds, List<String> notes) {

    /** A degeneracy group: eigenvalues [start, start + size) with a label such as {@code n=2}. */
    public record Group(int start, int size, String label) {
    }

    /** The number of eigenvalues returned. */
    public int count() {
        return eigenvalues.length;
    }

    /** |λ − λ_exact| / |λ_exact| per eigenvalue, or null when the exact spectrum is unknown. */
    public double[] relativeErrors() {
        if (exact == null) {
            return null;
        }
        double[] e = new double[eigenvalues.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(eigenvalues[i] - exact[i]) / Math.abs(exact[i]);
        }
        return e;
    }

    /** The largest estimated relative error |δλ|/|λ|, or null when not estimated. */
    public Double maxEstimatedRelativeError() {
        if (errorEstimates == null) {
            return null;
        }
        double m = 0;
        for (int i = 0; i < errorEstimates.length; i++) {
            m = Math.max(m, errorEstimates[i] / Math.max(Math.abs(eigenvalues[i]), Double.MIN_NORMAL));
        }
        return m;
    }

    /** The largest relative error, or null when the exact spectrum is unknown. */
    public Double maxRelativeError() {
        double[] e = relativeErrors();
        if (e == null) {
            return null;
        }
        double m = 0;
        for (double v : e) {
            m = Math.max(m, v);
        }
        return m;
    }
}
