package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.potentials.ExpressionPotential;

/** Issue 19: references to 1e-10 on smooth potentials, error estimates, the automatic route and its refusals. */
class ReferenceAccuracyTest {

    private static final String QUARTIC_2D = "0.5*(x^2+y^2)+0.1*x^2*y^2";

    private static Problem formula(String v, int d, double box) {
        return OperatorCatalog.build(OperatorRequest.formula(v, d, 0.5).withHalfWidth(box));
    }

    @Test
    void dvrErrorFallsExponentiallyWithPointsPerAxis() {
        // 2D oscillator written as a formula (not separable to the solver: the matrix-free Chebyshev path);
        // lowest 6 = 1, 2, 2, 3, 3, 3 on [-7, 7]²
        Hamiltonian h = new Hamiltonian(0.5, new ExpressionPotential("0.5*(x^2+y^2)", 2));
        double[] exact = {1, 2, 2, 3, 3, 3};
        double[] errors = new double[3];
        int[] points = {18, 24, 30};
        for (int i = 0; i < points.length; i++) {
            double[] e = new DvrSolver().solve(h, Grid.dirichlet(2, points[i], 7.0), 6, false).eigenvalues();
            for (int j = 0; j < 6; j++) {
                errors[i] = Math.max(errors[i], Math.abs(e[j] - exact[j]) / exact[j]);
            }
        }
        // measured 2.3e-4, 3.3e-7, 1.3e-11: each 6 more points gain three orders of magnitude or more
        assertTrue(errors[0] < 1e-3 && errors[1] < 1e-3 * errors[0] && errors[2] < 1e-3 * errors[1],
                java.util.Arrays.toString(errors));
        assertTrue(errors[2] < 1e-10, "n = 30: " + errors[2]);
    }

    @Test
    void autoRouteGivesTheOscillatorToRoundingAndEstimatesItsError() {
        Problem ho = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
        ReferenceSolution s = ReferenceSolver.solve(ho, ReferenceOptions.defaults(2, 16));
        assertEquals(Route.DVR, s.route());
        assertEquals(21, s.count());
        assertTrue(s.maxRelativeError() < 1e-12, "max rel error " + s.maxRelativeError()); // measured 3.5e-14
        assertNotNull(s.errorEstimates());
        assertTrue(s.maxEstimatedRelativeError() < 1e-10, "estimate " + s.maxEstimatedRelativeError());
        assertTrue(s.notes().get(0).startsWith("auto route: dvr (separable smooth potential"), s.notes().get(0));
    }

    @Test
    void nonSeparableSmoothPotentialConvergesTo1e10AndAgreesWithAFinerGrid() {
        Problem p = formula(QUARTIC_2D, 2, 7.0);
        ReferenceSolution auto = ReferenceSolver.solve(p, ReferenceOptions.defaults(2, 16));
        assertEquals(Route.DVR, auto.route());
        assertEquals(17, auto.count()); // the 16th level is a ±-symmetric pair
        assertTrue(auto.maxEstimatedRelativeError() <= 1e-10, "estimate " + auto.maxEstimatedRelativeError());
        // a finer DVR grid than the automatic one (39 per axis) as the converged value
        double[] fine = new DvrSolver().solve(p.hamiltonian(), Grid.dirichlet(2, 52, 7.0), 17, false).eigenvalues();
        for (int i = 0; i < 17; i++) {
            assertEquals(fine[i], auto.eigenvalues()[i], 1e-10 * fine[i], "eigenvalue " + i);
            assertTrue(Math.abs(fine[i] - auto.eigenvalues()[i]) <= auto.errorEstimates()[i] + 1e-13 * fine[i],
                    "the estimate bounds the error at " + i);
        }
        assertEquals(1.0233978594163, auto.eigenvalues()[0], 1e-12);
    }

    @Test
    @Tag("slow")
    void nonSeparable3dLowest20To1e8InUnder30Seconds() {
        // issue 19 target: V = ½|x|² + 0.1(x²y² + y²z² + z²x²) on [-6, 6]³, lowest 20, against a finer DVR grid
        Problem p = formula("0.5*(x^2+y^2+z^2)+0.1*(x^2*y^2+y^2*z^2+z^2*x^2)", 3, 6.0);
        long start = System.nanoTime();
        ReferenceSolution auto = ReferenceSolver.solve(p, ReferenceOptions.defaults(3, 20));
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertEquals(Route.DVR, auto.route());
        assertEquals(20, auto.count());
        assertTrue(seconds < 30, seconds + " s"); // measured 6.5–9 s on a loaded 2-core machine
        double[] fine = new DvrSolver().solve(p.hamiltonian(), Grid.dirichlet(3, 38, 6.0), 20, false).eigenvalues();
        for (int i = 0; i < 20; i++) {
            assertEquals(fine[i], auto.eigenvalues()[i], 1e-8 * fine[i], "eigenvalue " + i);
        }
    }

    @Test
    void richardsonTakesTheFiniteDifferenceOscillatorFrom1e5To1e8AndItsEstimateIsConservative() {
        Problem ho = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
        ReferenceSolution raw = ReferenceSolver.solve(ho,
                new ReferenceOptions(128, 4, 16, Route.KRONECKER, null).withExtrapolate(false));
        ReferenceSolution rich = ReferenceSolver.solve(ho, new ReferenceOptions(128, 4, 16, Route.KRONECKER, null));
        assertNull(raw.errorEstimates());
        assertTrue(raw.maxRelativeError() > 5e-5, "raw " + raw.maxRelativeError()); // 5.53e-5, the facts file
        assertTrue(rich.maxRelativeError() < 1e-8, "extrapolated " + rich.maxRelativeError()); // measured 7.4e-9
        assertTrue(rich.discretisation().contains("Richardson-extrapolated over n = 47, 64, 96, 128"),
                rich.discretisation());
        for (int i = 0; i < rich.count(); i++) {
            assertTrue(Math.abs(rich.eigenvalues()[i] - rich.exact()[i]) <= rich.errorEstimates()[i],
                    "estimate at " + i);
        }
    }

    @Test
    void richardsonEliminatesThePowersOfAnExactExpansion() {
        // E(h) = 2 + 3h⁴ − 5h⁶ + 7h⁸ on 4 grids of any ratios: exact
        double[] h = {0.4, 0.3, 0.2, 0.15};
        double[][] rows = new double[4][1];
        for (int i = 0; i < 4; i++) {
            double t = h[i];
            rows[i][0] = 2 + 3 * Math.pow(t, 4) - 5 * Math.pow(t, 6) + 7 * Math.pow(t, 8);
        }
        Richardson r = Richardson.extrapolate(h, rows, 4);
        assertEquals(2, r.values()[0], 1e-14);
        // the estimate is the difference to the 3 finest grids, which leave the h⁸ term
        assertTrue(r.errorEstimates()[0] > 1e-7 && r.errorEstimates()[0] < 1e-4, "" + r.errorEstimates()[0]);
        assertThrows(IllegalArgumentException.class, () -> Richardson.extrapolate(new double[] {0.1, 0.2}, rows, 4));
    }

    @Test
    void autoRouteOnAGivenSmoothGridPicksTheFasterFiniteDifferenceSolverAndSaysWhy() {
        // the case: 256² order 4, where shift-invert took 6 s and Chebyshev 2.3 s
        Problem p = formula(QUARTIC_2D, 2, 7.0);
        AutoRoute.Choice c = AutoRoute.choose(p, new ReferenceOptions(256, 4, 16, Route.AUTO, null));
        assertEquals(Route.CHEBYSHEV, c.route());
        assertTrue(c.reason().contains("predicted"), c.reason());
        // not known smooth in 2D: no spectral route, the reason says so, and the cost model still picks the filter
        Problem coulombLike = formula("-1/sqrt(x^2+y^2+0.1)", 2, 7.0);
        AutoRoute.Choice s = AutoRoute.choose(coulombLike, ReferenceOptions.defaults(2, 4));
        assertEquals(Route.CHEBYSHEV, s.route());
        assertTrue(s.reason().startsWith("not known smooth ('sqrt'"), s.reason());
    }

    @Test
    void spectralRouteRefusesPotentialsNotKnownSmooth() {
        Problem hydrogen = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5));
        var ex = assertThrows(IllegalArgumentException.class, () -> ReferenceSolver.solve(hydrogen,
                ReferenceOptions.defaults(2, 4).withRoute(Route.DVR)));
        assertTrue(ex.getMessage().startsWith("--method dvr needs a potential known to be smooth"), ex.getMessage());
        Problem kink = formula("abs(x)+y^2", 2, 6.0);
        var k = assertThrows(IllegalArgumentException.class, () -> ReferenceSolver.solve(kink,
                ReferenceOptions.defaults(2, 4).withRoute(Route.DVR)));
        assertTrue(k.getMessage().contains("'abs'"), k.getMessage());
    }

    @Test
    void aGridTooLargeForTheHeapIsRefusedBeforeAllocating() {
        Problem p = formula(QUARTIC_2D.replace("y^2)", "y^2+z^2)"), 3, 6.0);
        long start = System.nanoTime();
        var ex = assertThrows(IllegalArgumentException.class, () -> ReferenceSolver.solve(p,
                new ReferenceOptions(1200, 4, 20, Route.CHEBYSHEV, null)));
        assertTrue(ex.getMessage().startsWith("--grid 1200: the chebyshev route on 1200^3 points needs about"),
                ex.getMessage());
        assertTrue((System.nanoTime() - start) * 1e-9 < 1, "refused at once");
    }
}
