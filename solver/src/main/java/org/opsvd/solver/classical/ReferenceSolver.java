package org.opsvd.solver.classical;

import org.opsvd.operators.MemoryBudget;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.operators.CentralPotential;
import org.opsvd.operators.Potential;
import org.opsvd.operators.Problem;
import org.opsvd.operators.SeparablePotential;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.spectra.DegeneracyGroups;
import org.opsvd.operators.spectra.ExactSpectrum;
import org.opsvd.operators.spectra.Level;

/**
 * One-call classical reference for a {@link Problem}: picks a route, solves, rounds the count up to complete
 * degenerate shells and lines the result up with the exact spectrum when known.
 *
 * <p>Shell rounding: with an exact spectrum the count is rounded up to the end of the exact shell holding
 * the k-th state. Otherwise a few extra eigenvalues are computed and grouped numerically (relative
 * tolerance {@value #GROUP_TOLERANCE} of the spectral spread); the result ends at the end of the group that
 * holds the k-th eigenvalue, and more are computed if that group may continue past the last one computed.
 */
public final class ReferenceSolver {

    /** Relative tolerance, in units of the computed spectral spread, for numeric degeneracy grouping. */
    public static final double GROUP_TOLERANCE = 1e-8;

    private ReferenceSolver() {
    }

    /**
     * Solves a problem.
     *
     * @throws IllegalArgumentException when the route cannot handle the problem, or k does not fit the grid
     */
    public static ReferenceSolution solve(Problem problem, ReferenceOptions options) {
        long start = System.nanoTime();
        Route route = choose(problem, options);
        List<String> notes = new ArrayList<>();
        if (options.route() == Route.AUTO) {
            notes.add("auto route: " + route.cliName() + reason(problem, route));
        }
        ReferenceSolution partial = route == Route.RADIAL
                ? radial(problem, options, notes)
                : grid(problem, route, options, notes);
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (partial.count() > options.k()) {
            notes.add("k = " + options.k() + " rounded up to " + partial.count() + " to complete the last degenerate shell");
        }
        return new ReferenceSolution(problem, route, partial.discretisation(), options.k(), partial.eigenvalues(),
                partial.exact(), partial.groups(), partial.pairs(), seconds, notes);
    }

    /** The route {@link Route#AUTO} resolves to, or the requested one after checking it applies. */
    static Route choose(Problem problem, ReferenceOptions options) {
        Potential v = problem.hamiltonian().potential();
        int d = problem.dimension();
        return switch (options.route()) {
            case AUTO -> {
                if (v instanceof SeparablePotential) {
                    yield Route.KRONECKER;
                }
                if (v instanceof CentralPotential && !problem.boxIsPhysical() && (d == 2 || d == 3)) {
                    yield Route.RADIAL;
                }
                yield d <= 2 ? Route.SHIFT_INVERT : Route.CHEBYSHEV;
            }
            case KRONECKER -> {
                if (!(v instanceof SeparablePotential)) {
                    throw new IllegalArgumentException("--method kronecker needs a separable potential Σ v_i(x_i); "
                            + v.describe() + " is not (use shift-invert or chebyshev)");
                }
                yield Route.KRONECKER;
            }
            case RADIAL -> {
                if (!(v instanceof CentralPotential) || !(d == 2 || d == 3)) {
                    throw new IllegalArgumentException("--method radial needs a central potential v(|x|) in 2D or 3D; "
                            + v.describe() + " in " + d + "D is not");
                }
                yield Route.RADIAL;
            }
            default -> options.route();
        };
    }

    private static String reason(Problem problem, Route route) {
        return switch (route) {
            case KRONECKER -> " (separable potential: exact FD spectrum from 1D problems)";
            case RADIAL -> " (central potential: 1D radial problems, accurate at the Coulomb singularity;"
                    + " --grid/--order/--box do not apply; --method shift-invert for the Cartesian grid)";
            case SHIFT_INVERT -> " (general potential in " + problem.dimension() + "D)";
            case CHEBYSHEV -> " (general potential in " + problem.dimension() + "D: matrix-free)";
            default -> "";
        };
    }

    private static ReferenceSolution grid(Problem problem, Route route, ReferenceOptions options, List<String> notes) {
        requireMemory(problem.dimension(), route, options);
        Grid grid = new Grid(problem.dimension(), options.gridPoints(), problem.halfWidth(), problem.boundary());
        ExactSpectrum exact = problem.exact();
        int size = grid.size();
        int k = options.k();
        int limit = route == Route.DENSE || route == Route.KRONECKER ? size : size - 1;
        if (k > limit) {
            throw new IllegalArgumentException("k = " + k + " is larger than the grid allows (" + grid.describe()
                    + " has " + size + " points" + (limit < size ? "; ARPACK needs k < " + size : "") + ")");
        }
        String discretisation = grid.describe() + ", order " + options.order();
        if (exact != null) {
            int want = exact.completeShellCount(k);
            if (want > limit) {
                throw new IllegalArgumentException("k = " + k + " completes to " + want
                        + " states (full shells), more than " + grid.describe() + " allows");
            }
            GridEigenpairs pairs = compute(problem, route, grid, options, want);
            double[] ev = java.util.Arrays.copyOf(pairs.eigenvalues(), want);
            return new ReferenceSolution(problem, route, discretisation + notesOf(pairs), k, ev,
                    exact.eigenvalues(k), exactGroups(exact.levels(k)), pairs, 0, List.of());
        }
        int pad = Math.max(4, k / 4);
        for (int attempt = 0; ; attempt++) {
            int nev = Math.min(k + pad, limit);
            GridEigenpairs pairs = compute(problem, route, grid, options, nev);
            double[] ev = pairs.eigenvalues();
            double spread = Math.abs(ev[ev.length - 1] - ev[0]);
            DegeneracyGroups groups = DegeneracyGroups.of(ev, GROUP_TOLERANCE, spread);
            int end = groupEnd(groups, k - 1);
            if (end < nev || nev == limit || attempt == 3) {
                if (end == nev && nev < limit) {
                    notes.add("the last group may continue beyond the " + nev + " eigenvalues computed");
                }
                return new ReferenceSolution(problem, route, discretisation + notesOf(pairs), k,
                        java.util.Arrays.copyOf(ev, end), null, numericGroups(groups, end), pairs, 0, List.of());
            }
            pad *= 2;
        }
    }

    /**
     * Refuses a grid whose arrays would not fit, from an estimate made before anything is allocated: the
     * eigenvectors (about 2k + 8 of them, n^d values each) and the route's work arrays per grid point (the
     * Lanczos basis and the sparse factor for shift-invert, the filter blocks for Chebyshev, the n^d × n^d
     * matrix for dense).
     */
    static void requireMemory(int dimension, Route route, ReferenceOptions options) {
        long points = MemoryBudget.power(options.gridPoints(), dimension);
        long vectors = 2L * options.k() + 8;
        String what = String.format(java.util.Locale.ROOT, "--grid %d in %dD (%.3g grid points) with --k %d",
                options.gridPoints(), dimension, (double) points, options.k());
        MemoryBudget.requireIndexable(points, what);
        MemoryBudget.requireIndexable(MemoryBudget.times(points, vectors), what);
        long perPoint = switch (route) {
            case SHIFT_INVERT -> vectors * 3 + 60;
            case CHEBYSHEV -> vectors * 2 + 20;
            case DENSE -> MemoryBudget.times(points, 2);
            default -> vectors + 8;
        };
        if (route == Route.DENSE) {
            MemoryBudget.requireIndexable(MemoryBudget.times(points, points), what + ", --method dense");
        }
        MemoryBudget.require(MemoryBudget.times(MemoryBudget.times(points, perPoint), 8), what);
    }

    private static String notesOf(GridEigenpairs pairs) {
        return pairs.notes() == null || pairs.notes().isBlank() ? "" : "; " + pairs.notes();
    }

    private static GridEigenpairs compute(Problem problem, Route route, Grid grid, ReferenceOptions options, int nev) {
        if (route == Route.KRONECKER) {
            return KroneckerSolver.solve(problem.hamiltonian(), grid, options.stencil(), nev, true);
        }
        DiscreteHamiltonian h = DiscreteHamiltonian.of(problem.hamiltonian(), grid, options.stencil());
        return switch (route) {
            case SHIFT_INVERT -> {
                ShiftInvertSolver solver = new ShiftInvertSolver();
                yield (options.sigma() != null ? solver.withShift(options.sigma()) : solver).solve(h, nev, true);
            }
            case CHEBYSHEV -> new ChebyshevFilterSolver().solve(h, nev, true);
            case DENSE -> DenseSolver.solve(h, nev, true);
            default -> throw new IllegalStateException("not a grid route: " + route);
        };
    }

    private static ReferenceSolution radial(Problem problem, ReferenceOptions options, List<String> notes) {
        CentralPotential v = (CentralPotential) problem.hamiltonian().potential();
        RadialSpectrum rs = RadialReference.solve(v, problem.dimension(), problem.hamiltonian().kinetic(), options.k());
        double[] ev = rs.energies();
        List<ReferenceSolution.Group> groups = new ArrayList<>();
        int at = 0;
        for (RadialShell shell : rs.shells()) {
            groups.add(new ReferenceSolution.Group(at, shell.degeneracy(), shell.label()));
            at += shell.degeneracy();
        }
        double[] exact = null;
        ExactSpectrum spectrum = problem.exact();
        if (spectrum != null) {
            double[] e = spectrum.eigenvalues(ev.length);
            if (e.length != ev.length) {
                notes.add("exact shells hold " + e.length + " states where the radial grouping found " + ev.length);
            }
            exact = java.util.Arrays.copyOf(e, ev.length);
        }
        rs.notes().stream().filter(n -> !n.startsWith("returned ")).forEach(notes::add);
        RadialOptions ro = rs.options();
        String discretisation = String.format("radial finite volumes, %d cells of h = %s on [0, %s]%s", ro.cells(),
                ro.h(), ro.rMax(), ro.extrapolate() ? ", Richardson-extrapolated with h/2" : "");
        return new ReferenceSolution(problem, Route.RADIAL, discretisation, options.k(), ev, exact, groups, null, 0,
                List.of());
    }

    private static int groupEnd(DegeneracyGroups groups, int index) {
        int[] starts = groups.starts();
        for (int g = starts.length - 1; g >= 0; g--) {
            if (starts[g] <= index) {
                return g + 1 < starts.length ? starts[g + 1] : groups.total();
            }
        }
        return groups.total();
    }

    private static List<ReferenceSolution.Group> exactGroups(List<Level> levels) {
        List<ReferenceSolution.Group> groups = new ArrayList<>();
        int at = 0;
        for (Level level : levels) {
            groups.add(new ReferenceSolution.Group(at, level.degeneracy(), level.label()));
            at += level.degeneracy();
        }
        return groups;
    }

    private static List<ReferenceSolution.Group> numericGroups(DegeneracyGroups groups, int end) {
        List<ReferenceSolution.Group> out = new ArrayList<>();
        int[] starts = groups.starts();
        for (int g = 0; g < starts.length && starts[g] < end; g++) {
            int stop = g + 1 < starts.length ? Math.min(starts[g + 1], end) : end;
            out.add(new ReferenceSolution.Group(starts[g], stop - starts[g], "group " + (g + 1)));
        }
        return out;
    }
}
