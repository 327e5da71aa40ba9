package org.opsvd.solver.classical;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.opsvd.operators.CentralPotential;
import org.opsvd.operators.Problem;
import org.opsvd.operators.SeparablePotential;
import org.opsvd.operators.Smoothness;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.spectra.DegeneracyGroups;
import org.opsvd.operators.spectra.ExactSpectrum;
import org.opsvd.operators.spectra.Level;

/**
 * One-call classical reference for a {@link Problem}: picks a route ({@link AutoRoute}), solves, rounds the count up to complete
 * degenerate shells and lines the result up with the exact spectrum when known.
 *
 * <p>Shell rounding: with an exact spectrum the count is rounded up to the end of the exact shell holding
 * the k-th state. Otherwise a few extra eigenvalues are computed and grouped numerically (relative
 * tolerance {@value #GROUP_TOLERANCE} of the spectral spread); the result ends at the end of the group that
 * holds the k-th eigenvalue, and more are computed if that group may continue past the last one computed.
 *
 * <p>Accuracy: finite-difference routes are Richardson-extrapolated over grids of spacing h, 4h/3, 2h, 8h/3
 * ({@link Richardson}) when the potential is known smooth; otherwise (point singularities: Coulomb centres) their
 * error is estimated from one grid of spacing H ≈ 4h/3 as |λ_h − λ_H|/(H/h − 1), exact for first-order convergence
 * and an overestimate for faster (h2plus on 40³: 0.12 estimated, 0.12 true); the DVR route grows its grid until two successive grids
 * agree to {@link DvrGrid#TOLERANCE}. Both report an error estimate per eigenvalue.
 */
public final class ReferenceSolver {

    /** Relative tolerance, in units of the computed spectral spread, for numeric degeneracy grouping. */
    public static final double GROUP_TOLERANCE = 1e-8;

    private ReferenceSolver() {
    }

    /**
     * Solves a problem.
     *
     * @throws IllegalArgumentException when the route cannot handle the problem (a spectral route for a potential
     *                                  not known smooth, …), k does not fit the grid, or the grid would not fit in
     *                                  memory (refused from an estimate, before allocating)
     */
    public static ReferenceSolution solve(Problem problem, ReferenceOptions options) {
        long start = System.nanoTime();
        AutoRoute.Choice choice = AutoRoute.choose(problem, options);
        Route route = choice.route();
        List<String> notes = new ArrayList<>();
        if (options.route() == Route.AUTO) {
            notes.add("auto route: " + route.cliName() + " (" + choice.reason() + ")");
        }
        ReferenceSolution partial = switch (route) {
            case RADIAL -> radial(problem, options, notes);
            case DVR -> dvr(problem, options, choice.sketch(), notes);
            default -> grid(problem, route, options, notes);
        };
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (partial.count() > options.k()) {
            notes.add("k = " + options.k() + " rounded up to " + partial.count() + " to complete the last degenerate shell");
        }
        String truncated = BoxTruncation.note(problem, partial.pairs(), options.k());
        if (truncated != null) {
            notes.add(truncated);
        }
        return new ReferenceSolution(problem, route, partial.discretisation(), options.k(), partial.eigenvalues(),
                partial.exact(), partial.groups(), partial.pairs(), partial.errorEstimates(), seconds, notes);
    }

    /** The route {@link Route#AUTO} resolves to, or the requested one after checking it applies. */
    static Route choose(Problem problem, ReferenceOptions options) {
        return AutoRoute.choose(problem, options).route();
    }

    /** The lowest complete shells found with some solver of nev pairs. */
    private record Counted(GridEigenpairs pairs, double[] values, double[] exact, List<ReferenceSolution.Group> groups) {
    }

    /**
     * Calls {@code solver} for enough pairs to hold k eigenvalues in complete shells: exact shells when the spectrum
     * is known, else numeric groups (more pairs are computed if the last group may continue).
     */
    private static Counted count(Problem problem, int k, int limit, String where, IntFunction<GridEigenpairs> solver,
                                 List<String> notes) {
        if (k > limit) {
            throw new IllegalArgumentException("k = " + k + " is larger than the grid allows (" + where + " allows "
                    + limit + ")");
        }
        ExactSpectrum exact = problem.exact();
        if (exact != null) {
            int want = exact.completeShellCount(k);
            if (want > limit) {
                throw new IllegalArgumentException("k = " + k + " completes to " + want
                        + " states (full shells), more than " + where + " allows");
            }
            GridEigenpairs pairs = solver.apply(want);
            return new Counted(pairs, Arrays.copyOf(pairs.eigenvalues(), want), exact.eigenvalues(k),
                    exactGroups(exact.levels(k)));
        }
        int pad = Math.max(4, k / 4);
        for (int attempt = 0; ; attempt++) {
            int nev = Math.min(k + pad, limit);
            GridEigenpairs pairs = solver.apply(nev);
            double[] ev = pairs.eigenvalues();
            double spread = Math.abs(ev[ev.length - 1] - ev[0]);
            DegeneracyGroups groups = DegeneracyGroups.of(ev, GROUP_TOLERANCE, spread);
            int end = groupEnd(groups, k - 1);
            if (end < nev || nev == limit || attempt == 3) {
                if (end == nev && nev < limit) {
                    notes.add("the last group may continue beyond the " + nev + " eigenvalues computed");
                }
                return new Counted(pairs, Arrays.copyOf(ev, end), null, numericGroups(groups, end));
            }
            pad *= 2;
        }
    }

    private static ReferenceSolution grid(Problem problem, Route route, ReferenceOptions options, List<String> notes) {
        int d = problem.dimension();
        int n = options.gridPoints();
        Grid grid = new Grid(d, n, problem.halfWidth(), problem.boundary());
        int size = grid.size();
        int limit = route == Route.DENSE || route == Route.KRONECKER ? size : size - 1;
        MemoryEstimate.require(route, d, n, options.order(), Math.min(limit, options.k() + Math.max(4, options.k() / 4)));
        Counted c = count(problem, options.k(), limit, grid.describe() + (limit < size ? " (ARPACK needs k < "
                + size + ")" : ""), nev -> compute(problem, route, grid, options, nev), notes);
        String discretisation = grid.describe() + ", order " + options.order() + notesOf(c.pairs());
        double[] values = c.values();
        double[] estimates = null;
        if (extrapolates(problem, route, options, notes)) {
            int[] coarse = coarserGrids(problem, n, values.length, route);
            if (coarse.length == 0) {
                notes.add("no Richardson extrapolation: the grid is too coarse for a grid of half its spacing to hold "
                        + values.length + " eigenvalues");
            } else {
                double[] spacings = new double[coarse.length + 1];
                double[][] rows = new double[coarse.length + 1][];
                StringBuilder used = new StringBuilder();
                for (int i = 0; i < coarse.length; i++) {
                    Grid g = new Grid(d, coarse[i], problem.halfWidth(), problem.boundary());
                    spacings[i] = g.spacing();
                    rows[i] = compute(problem, route, g, options, values.length).eigenvalues();
                    used.append(coarse[i]).append(", ");
                }
                spacings[coarse.length] = grid.spacing();
                rows[coarse.length] = values;
                Richardson r = Richardson.extrapolate(spacings, rows, options.order());
                values = r.values();
                estimates = r.errorEstimates();
                discretisation += "; Richardson-extrapolated over n = " + used + n + " (error expansion in h^"
                        + options.order() + ", h^" + (options.order() + 2) + ", …)";
            }
        } else if (!Boolean.FALSE.equals(options.extrapolate())) { // not smooth: no series in h, but a measured error
            int[] coarse = coarserGrids(problem, n, values.length, route);
            if (coarse.length > 0) {
                int m = coarse[coarse.length - 1];
                Grid g = new Grid(d, m, problem.halfWidth(), problem.boundary());
                double[] coarser = compute(problem, route, g, options, values.length).eigenvalues();
                // e(h) = C·h^p with p ≥ 1: |λ_h − λ_H| = e(h)·((H/h)^p − 1) ≥ e(h)·(H/h − 1)
                double ratio = g.spacing() / grid.spacing() - 1;
                estimates = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    estimates[i] = Math.abs(values[i] - coarser[i]) / ratio;
                }
                discretisation += String.format(java.util.Locale.ROOT, "; error estimate: the difference to the grid"
                        + " of n = %d over (H/h − 1) = %.3g, exact for first-order convergence and larger for faster", m,
                        ratio);
            }
        }
        return new ReferenceSolution(problem, route, discretisation, options.k(), values, c.exact(), c.groups(),
                c.pairs(), estimates, 0, List.of());
    }

    /** Whether a finite-difference solve is extrapolated (and why not, in a note, when it would be expected). */
    private static boolean extrapolates(Problem problem, Route route, ReferenceOptions options, List<String> notes) {
        if (Boolean.FALSE.equals(options.extrapolate())) {
            return false;
        }
        if (Boolean.TRUE.equals(options.extrapolate())) {
            return true;
        }
        Smoothness smooth = Smoothness.of(problem.hamiltonian().potential());
        if (!smooth.smooth()) {
            notes.add("no Richardson extrapolation: the potential is not known smooth (" + smooth.reason()
                    + "), so the error is not a series in h^" + options.order());
            return false;
        }
        if (problem.boxIsPhysical() && problem.boundary() == Boundary.DIRICHLET && options.order() > 2) {
            notes.add("no Richardson extrapolation: the order-" + options.order() + " stencil is not of order "
                    + options.order() + " next to physical walls");
            return false;
        }
        return true;
    }

    /**
     * Up to three grids of spacing about 8h/3, 2h and 4h/3 (ascending in n) for extrapolation from n points per
     * axis, each with at least {@value #MIN_RICHARDSON_POINTS} points per axis (half that in 3D) and room for the
     * eigenvalues. Ratios 4/3 rather than 2 keep the coarse grids in the asymptotic range: on the 2D oscillator
     * at 256² order 4 the lowest 16 come out to 1e-11 from n = 96, 128, 192, 256, against 3e-9 from 63, 127, 256.
     */
    static int[] coarserGrids(Problem problem, int n, int count, Route route) {
        boolean periodic = problem.boundary() == Boundary.PERIODIC;
        int d = problem.dimension();
        int minimum = d <= 2 ? MIN_RICHARDSON_POINTS : MIN_RICHARDSON_POINTS / 2;
        List<Integer> out = new ArrayList<>();
        for (double f : RICHARDSON_FRACTIONS) {
            int m = periodic ? (int) Math.round(n * f) : (int) Math.round((n + 1) * f) - 1;
            double size = Math.pow(m, d);
            if (m >= minimum && m < n && count < size - 1 && (route != Route.DENSE || size <= 2500)
                    && (out.isEmpty() || m > out.get(out.size() - 1))) {
                out.add(m);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Spacing ratios h/h_i of the coarse Richardson grids, coarsest first. */
    private static final double[] RICHARDSON_FRACTIONS = {3.0 / 8, 0.5, 0.75};

    /** Smallest coarse grid (points per axis, 2D; half in 3D) used for Richardson extrapolation. */
    static final int MIN_RICHARDSON_POINTS = 24;

    private static ReferenceSolution dvr(Problem problem, ReferenceOptions options, SpectrumSketch sketch,
                                         List<String> notes) {
        int d = problem.dimension();
        DvrSolver solver = new DvrSolver();
        int k = options.k();
        int n;
        if (options.gridGiven()) {
            n = options.gridPoints();
        } else {
            n = DvrGrid.initial(problem, sketch != null ? sketch : SpectrumSketch.of(problem, k + Math.max(4, k / 4)));
        }
        int previousN = DvrGrid.coarser(n);
        double[] previous = null;
        Counted c = null;
        double[] estimates = null;
        String history = "";
        for (int attempt = 1; ; attempt++) {
            Grid grid = new Grid(d, n, problem.halfWidth(), problem.boundary());
            int size = grid.size();
            MemoryEstimate.require(Route.DVR, d, n, 2, Math.min(size, k + Math.max(4, k / 4)));
            int limit = size > DvrSolver.DENSE_LIMIT && !(problem.hamiltonian().potential() instanceof SeparablePotential)
                    ? size - 1 : size;
            c = count(problem, k, limit, grid.describe(), nev -> solver.solve(problem.hamiltonian(), grid, nev, true),
                    notes);
            int count = c.values().length;
            if (previous == null || previous.length < count) {
                Grid coarse = new Grid(d, previousN, problem.halfWidth(), problem.boundary());
                if (Math.pow(previousN, d) - 1 <= count) {
                    notes.add("no DVR error estimate: the grid n = " + previousN + " is too small for " + count
                            + " eigenvalues");
                    estimates = null;
                    break;
                }
                previous = solver.solve(problem.hamiltonian(), coarse, count, false).eigenvalues();
            }
            estimates = new double[count];
            double worst = 0;
            for (int i = 0; i < count; i++) {
                estimates[i] = Math.abs(c.values()[i] - previous[i]);
                worst = Math.max(worst, estimates[i] / Math.max(1, Math.abs(c.values()[i])));
            }
            history += String.format(Locale.ROOT, "%sn = %d: %.1e", history.isEmpty() ? "" : ", ", n, worst);
            if (options.gridGiven() || worst <= DvrGrid.TOLERANCE) {
                break;
            }
            if (attempt == DvrGrid.MAX_GRIDS) {
                notes.add(String.format(Locale.ROOT, "the DVR did not reach %.0e after %d grids (%s): increase --box"
                        + " or give --grid", DvrGrid.TOLERANCE, attempt, history));
                break;
            }
            previous = c.values();
            previousN = n;
            n = DvrGrid.finer(n);
        }
        Grid grid = c.pairs().grid();
        String discretisation = (problem.boundary() == Boundary.PERIODIC ? "Fourier" : "sine") + " DVR on "
                + grid.describe() + notesOf(c.pairs()) + (estimates == null ? ""
                : "; error estimate: difference to the DVR on n = " + previousN
                + " (about the coarser grid's error: conservative for exponential convergence; box truncation"
                + " not included)" + (history.contains(",") ? "; sequence " + history : ""));
        return new ReferenceSolution(problem, Route.DVR, discretisation, k, c.values(), c.exact(), c.groups(),
                c.pairs(), estimates, 0, List.of());
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
        return new ReferenceSolution(problem, Route.RADIAL, discretisation, options.k(), ev, exact, groups, null, null,
                0, List.of());
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
