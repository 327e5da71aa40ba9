package org.opsvd.solver.classical;

import java.util.Locale;
import org.opsvd.operators.CentralPotential;
import org.opsvd.operators.Potential;
import org.opsvd.operators.Problem;
import org.opsvd.operators.SeparablePotential;
import org.opsvd.operators.Smoothness;

/**
 * The route {@link Route#AUTO} resolves to, with the reason, and the checks of a requested route.
 *
 * <p>By structure first, then by cost:
 * <ol>
 *   <li>separable V: Kronecker sums of 1D problems (DVR ones when V is known smooth and the grid is not fixed);</li>
 *   <li>central V with a truncating box in 2D/3D: the radial route (accurate at a Coulomb singularity);</li>
 *   <li>V known smooth ({@link Smoothness}), d ≤ 3, grid not fixed: the DVR, spectrally accurate;</li>
 *   <li>otherwise finite differences on the grid: shift-invert in 1D; in 2D whichever of Chebyshev and
 *       shift-invert the {@link CostModel} predicts faster (and whose memory fits); Chebyshev in 3D and beyond
 *       (a 3D Cholesky factor fills in far too much). The filter is faster in 2D even for the clustered levels
 *       of Coulomb wells in a box (2D hydrogen, 400² order 2, L = 20: 6.9 s against 19 s for shift-invert;
 *       softened Coulomb at 128²: 0.26 s against 0.81 s), so smoothness does not enter this choice.</li>
 * </ol>
 */
final class AutoRoute {

    /**
     * A resolved route and why it was chosen (for {@code note auto route: …}), with the sketch of the spectrum
     * the choice computed (null if none), so that the route does not compute it again.
     */
    record Choice(Route route, String reason, SpectrumSketch sketch) {

        Choice(Route route, String reason) {
            this(route, reason, null);
        }
    }

    private AutoRoute() {
    }

    static Choice choose(Problem problem, ReferenceOptions options) {
        Potential v = problem.hamiltonian().potential();
        int d = problem.dimension();
        Smoothness smooth = Smoothness.of(v);
        switch (options.route()) {
            case KRONECKER:
                if (!(v instanceof SeparablePotential)) {
                    throw new IllegalArgumentException("--method kronecker needs a separable potential Σ v_i(x_i); "
                            + v.describe() + " is not (use shift-invert or chebyshev)");
                }
                return new Choice(Route.KRONECKER, "requested");
            case RADIAL:
                if (!(v instanceof CentralPotential) || !(d == 2 || d == 3)) {
                    throw new IllegalArgumentException("--method radial needs a central potential v(|x|) in 2D or 3D; "
                            + v.describe() + " in " + d + "D is not");
                }
                return new Choice(Route.RADIAL, "requested");
            case DVR:
                if (!smooth.smooth()) {
                    throw new IllegalArgumentException("--method dvr needs a potential known to be smooth, and "
                            + smooth.reason() + " (a spectral method converges only algebraically there;"
                            + " use shift-invert or chebyshev)");
                }
                return new Choice(Route.DVR, "requested");
            case AUTO:
                return automatic(problem, options, smooth);
            default:
                return new Choice(options.route(), "requested");
        }
    }

    private static Choice automatic(Problem problem, ReferenceOptions options, Smoothness smooth) {
        Potential v = problem.hamiltonian().potential();
        int d = problem.dimension();
        if (v instanceof SeparablePotential) {
            if (smooth.smooth() && !options.gridGiven()) {
                return new Choice(Route.DVR, "separable smooth potential: Kronecker sums of 1D DVR problems,"
                        + " spectrally accurate; --grid N for finite differences");
            }
            return new Choice(Route.KRONECKER, "separable potential: exact FD spectrum from 1D problems");
        }
        if (v instanceof CentralPotential && !problem.boxIsPhysical() && (d == 2 || d == 3)) {
            return new Choice(Route.RADIAL, "central potential: 1D radial problems, accurate at the Coulomb"
                    + " singularity; --grid/--order/--box do not apply; --method shift-invert for the Cartesian grid");
        }
        int n = options.gridPoints();
        int nev = options.k() + Math.max(4, options.k() / 4);
        if (smooth.smooth() && d <= 3 && !options.gridGiven()) {
            SpectrumSketch s = SpectrumSketch.of(problem, nev);
            int dvrN = DvrGrid.initial(problem, s);
            double dvr = CostModel.dvr(s, d, dvrN, problem.halfWidth(), nev);
            double fd = d == 1 ? CostModel.shiftInvert(1, n, options.order(), nev)
                    : CostModel.chebyshev(s, d, n, problem.halfWidth(), options.order(), nev);
            return new Choice(Route.DVR, String.format(Locale.ROOT, "smooth potential: spectral DVR, about %d points"
                    + " per axis, predicted %.2g s per grid (finite differences on the default %d^%d grid: %.2g s per"
                    + " grid for algebraic accuracy); --grid N for finite differences", dvrN, dvr, n, d, fd), s);
        }
        String why = smooth.smooth() ? "" : "not known smooth (" + smooth.reason() + "), so no spectral route; ";
        if (d == 1) {
            return new Choice(Route.SHIFT_INVERT, why + "1D: banded Cholesky, milliseconds");
        }
        if (d >= 3) {
            return new Choice(Route.CHEBYSHEV, why + d + "D: matrix-free (a " + d + "D Cholesky factor fills in too much:"
                    + String.format(Locale.ROOT, " predicted %.2g s for shift-invert)",
                    CostModel.shiftInvert(d, n, options.order(), nev)));
        }
        SpectrumSketch s = SpectrumSketch.of(problem, nev);
        double cheb = CostModel.chebyshev(s, d, n, problem.halfWidth(), options.order(), nev);
        double si = CostModel.shiftInvert(d, n, options.order(), nev);
        boolean siFits = MemoryEstimate.fits(Route.SHIFT_INVERT, d, n, options.order(), nev);
        Route pick = cheb <= si || !siFits ? Route.CHEBYSHEV : Route.SHIFT_INVERT;
        return new Choice(pick, String.format(Locale.ROOT, "%s%s%d^%d order-%d grid: predicted %.2g s for chebyshev,"
                        + " %.2g s for shift-invert%s", why, smooth.smooth() && options.gridGiven() ? "the given " : "the ",
                n, d, options.order(), cheb, si, siFits ? "" : " (whose factor would not fit in the heap)"));
    }
}
