package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;

/** The one-call reference: route choice, complete shells, agreement between routes. */
class ReferenceSolverTest {

    private static Problem named(String name, int d) {
        return OperatorCatalog.build(OperatorRequest.named(name, d, 0.5));
    }

    @Test
    void autoRouteFollowsThePotentialsStructure() {
        // smooth and separable: spectral (DVR) Kronecker sums unless the grid is fixed, then the exact FD spectrum
        assertEquals(Route.DVR, ReferenceSolver.choose(named("harmonic", 2), ReferenceOptions.defaults(2, 4)));
        assertEquals(Route.KRONECKER, ReferenceSolver.choose(named("harmonic", 2),
                new ReferenceOptions(64, 4, 4, Route.AUTO, null)));
        assertEquals(Route.RADIAL, ReferenceSolver.choose(named("hydrogen", 3), ReferenceOptions.defaults(3, 4)));
        assertEquals(Route.CHEBYSHEV, ReferenceSolver.choose(named("h2plus", 2), ReferenceOptions.defaults(2, 4)));
        assertEquals(Route.CHEBYSHEV, ReferenceSolver.choose(named("h2plus", 3), ReferenceOptions.defaults(3, 4)));
        Problem formula = OperatorCatalog.build(OperatorRequest.formula("0.5*x^2", 1, 0.5));
        assertEquals(Route.DVR, ReferenceSolver.choose(formula, ReferenceOptions.defaults(1, 4)));
        assertEquals(Route.SHIFT_INVERT, ReferenceSolver.choose(formula, new ReferenceOptions(256, 4, 4, Route.AUTO, null)));
    }

    @Test
    void shiftInvertAndKroneckerGiveTheSameFiniteDifferenceSpectrum() {
        Problem ho = named("harmonic", 2);
        var kron = ReferenceSolver.solve(ho, new ReferenceOptions(48, 4, 10, Route.KRONECKER, null));
        var si = ReferenceSolver.solve(ho, new ReferenceOptions(48, 4, 10, Route.SHIFT_INVERT, null));
        assertEquals(10, kron.count()); // 1 + 2 + 3 + 4: already complete shells
        assertArrayEquals(kron.eigenvalues(), si.eigenvalues(), 1e-10 * 4);
        assertArrayEquals(new double[] {1, 2, 2, 3, 3, 3, 4, 4, 4, 4}, kron.exact(), 0);
        assertEquals(4, kron.groups().size()); // exact shells n = 0..3
    }

    @Test
    void countIsRoundedUpToACompleteShellAndSaysSo() {
        var s = ReferenceSolver.solve(named("harmonic", 2), new ReferenceOptions(32, 4, 16, Route.KRONECKER, null));
        assertEquals(21, s.count());
        assertEquals(16, s.requested());
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("rounded up to 21")), s.notes().toString());
        assertEquals(6, s.groups().size());
    }

    @Test
    void withoutAnExactSpectrumTheShellsAreFoundNumerically() {
        // an isotropic 3D oscillator written as a formula: the solver must discover that the first excited
        // level is 3-fold (a symmetry of the grid, so exact in FD too)
        Problem formula = OperatorCatalog.build(OperatorRequest.formula("0.5*(x^2+y^2+z^2)", 3, 0.5).withHalfWidth(6.0));
        var s = ReferenceSolver.solve(formula, new ReferenceOptions(16, 4, 2, Route.SHIFT_INVERT, null));
        assertNull(s.exact());
        assertEquals(4, s.count());
        assertEquals(2, s.groups().size());
        assertEquals(3, s.groups().get(1).size());
        assertEquals(2.5, s.eigenvalues()[3], 0.03); // 16³ on [-6, 6]³, h = 0.7: about 1% (measured 2.4796)
    }

    @Test
    void accidentalDegeneraciesSplitOnTheGridAndAreNotGroupedNumerically() {
        // (2,0)/(0,2) are degenerate by the x↔y symmetry; (1,1) only accidentally: λ0 + λ2 ≠ 2λ1 for FD
        Problem formula = OperatorCatalog.build(OperatorRequest.formula("0.5*(x^2+y^2)", 2, 0.5).withHalfWidth(7.0));
        var s = ReferenceSolver.solve(formula, new ReferenceOptions(40, 4, 6, Route.SHIFT_INVERT, null));
        assertEquals(6, s.count());
        assertEquals(4, s.groups().size()); // {1}, {2, 2}, {3 ± δ, 3 ± δ}, {3 ∓ δ}
    }

    @Test
    void hydrogenOnACartesianGridUsesCellAveragesAndReachesTheMeasuredAccuracy() {
        // facts file, cell-averaged −1/r, even N, L = 20, h ≈ 0.4: per-shell errors .19/.06/.04/.36 (n = 1..4)
        Problem h = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5).withHalfWidth(20.0));
        var s = ReferenceSolver.solve(h, new ReferenceOptions(100, 2, 9, Route.SHIFT_INVERT, null));
        double[] rel = s.relativeErrors();
        assertEquals(9, s.count());
        assertTrue(rel[0] > 0.15 && rel[0] < 0.23, "1s error " + rel[0]);
        for (int i = 1; i < 9; i++) {
            assertTrue(rel[i] < 0.08, "state " + i + " error " + rel[i]);
        }
        // the radial reference is five orders of magnitude better on the same operator
        var radial = ReferenceSolver.solve(h, ReferenceOptions.defaults(2, 9));
        assertEquals(Route.RADIAL, radial.route());
        assertTrue(radial.maxRelativeError() < 1e-5, "radial " + radial.maxRelativeError());
    }

    @Test
    void kLargerThanTheGridOrARouteThatDoesNotApplyIsRejected() {
        var ex = assertThrows(IllegalArgumentException.class, () -> ReferenceSolver.solve(named("harmonic", 1),
                new ReferenceOptions(8, 2, 9, Route.SHIFT_INVERT, null)));
        assertTrue(ex.getMessage().contains("larger than the grid"), ex.getMessage());
        var radial = assertThrows(IllegalArgumentException.class, () -> ReferenceSolver.solve(named("harmonic", 2),
                new ReferenceOptions(8, 2, 3, Route.RADIAL, null)));
        assertTrue(radial.getMessage().contains("central potential"), radial.getMessage());
    }
}
