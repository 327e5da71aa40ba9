package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.CentralPotential;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.Potential;

/**
 * Specifications of {@link RadialReference} against closed-form spectra (hydrogen, isotropic oscillator).
 * Tolerances: 1e-5 relative after Richardson extrapolation at the default settings.
 */
class RadialReferenceTest {

    private static CentralPotential central(int dimension, String formula, DoubleUnaryOperator v) {
        return new CentralPotential() {
            @Override
            public double radialValue(double r) {
                return v.applyAsDouble(r);
            }

            @Override
            public int dimension() {
                return dimension;
            }

            @Override
            public String describe() {
                return formula;
            }
        };
    }

    private static CentralPotential coulomb(int dimension) {
        return central(dimension, "-1/r", r -> -1 / r);
    }

    private static CentralPotential harmonic(int dimension) {
        return central(dimension, "0.5*r^2", r -> 0.5 * r * r);
    }

    /** Max relative error over all states against exact(state); prints a one-line summary. */
    private static double maxRelativeError(String name, RadialSpectrum s, ToDoubleFunction<RadialState> exact) {
        double worst = 0;
        for (RadialState state : s.states()) {
            double e = exact.applyAsDouble(state);
            worst = Math.max(worst, Math.abs(state.energy() - e) / Math.abs(e));
        }
        System.out.printf(Locale.ROOT, "%s: %d states (%d asked), %d shells, max rel err %.2e, %.1f ms, notes %s%n",
                name, s.stateCount(), s.requestedStates(), s.shells().size(), worst, 1e3 * s.seconds(), s.notes());
        return worst;
    }

    private static int principal2d(RadialState s) {
        return s.radialIndex() + s.angular() + 1;
    }

    private static void assertShellDegeneracies(RadialSpectrum s, int... expected) {
        assertEquals(expected.length, s.shells().size(), "number of shells");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s.shells().get(i).degeneracy(), "degeneracy of shell " + i);
        }
    }

    private static void assertAscending(double[] e) {
        for (int i = 1; i < e.length; i++) {
            assertTrue(e[i - 1] <= e[i], "energies ascending at " + i);
        }
    }

    @Test
    void hydrogen2dPhysicsLowest16() {
        RadialReference.solve(coulomb(2), 2, 0.5, 16); // JIT warm-up, so the printed time is the warm one
        RadialSpectrum s = RadialReference.solve(coulomb(2), 2, 0.5, 16);
        assertEquals(16, s.stateCount());
        assertShellDegeneracies(s, 1, 3, 5, 7);
        assertEquals(List.of("m=0", "m=0,±1", "m=0,±1,±2", "m=0,±1,±2,±3"),
                s.shells().stream().map(RadialShell::label).toList());
        assertAscending(s.energies());
        assertFalse(s.wallBound(), s.notes().toString());
        double err = maxRelativeError("2D H c=1/2", s, st -> {
            double n = principal2d(st);
            return -1 / (2 * (n - 0.5) * (n - 0.5));
        });
        assertTrue(err <= 1e-5, "max relative error " + err);
        for (int i = 0; i < 4; i++) {
            double n = i + 1;
            assertEquals(-1 / (2 * (n - 0.5) * (n - 0.5)), s.shells().get(i).energy(), 1e-5 / (2 * n * n));
        }
    }

    @Test
    void hydrogen2dReferenceCodeConvention() {
        RadialSpectrum s = RadialReference.solve(new Hamiltonian(Hamiltonian.REFERENCE_CODE, coulomb(2)), 16);
        assertEquals(16, s.stateCount());
        assertShellDegeneracies(s, 1, 3, 5, 7);
        assertFalse(s.wallBound(), s.notes().toString());
        double err = maxRelativeError("2D H c=1", s, st -> {
            double n = principal2d(st);
            return -1 / (4 * (n - 0.5) * (n - 0.5));
        });
        assertTrue(err <= 1e-5, "max relative error " + err);
    }

    @Test
    void hydrogen3dLowest14() {
        RadialReference.solve(coulomb(3), 3, 0.5, 14);
        RadialSpectrum s = RadialReference.solve(coulomb(3), 3, 0.5, 14);
        assertEquals(14, s.stateCount());
        assertShellDegeneracies(s, 1, 4, 9);
        assertEquals(List.of("ℓ=0", "ℓ=0,1", "ℓ=0,1,2"), s.shells().stream().map(RadialShell::label).toList());
        assertFalse(s.wallBound(), s.notes().toString());
        double err = maxRelativeError("3D H c=1/2", s, st -> {
            double n = st.radialIndex() + st.angular() + 1;
            return -1 / (2 * n * n);
        });
        assertTrue(err <= 1e-5, "max relative error " + err);
        // quantum numbers: m_ℓ runs over −ℓ..ℓ
        long p = s.states().stream().filter(st -> st.angular() == 1).map(RadialState::magnetic).distinct().count();
        assertEquals(3, p);
    }

    @Test
    void harmonic2dShells() {
        RadialSpectrum s = RadialReference.solve(harmonic(2), 2, 0.5, 21);
        assertEquals(21, s.stateCount());
        assertShellDegeneracies(s, 1, 2, 3, 4, 5, 6);
        assertFalse(s.wallBound(), s.notes().toString());
        for (int n = 0; n < 6; n++) {
            assertEquals(n + 1, s.shells().get(n).energy(), 1e-5 * (n + 1), "shell " + n);
        }
        double err = maxRelativeError("2D HO", s, st -> 2 * st.radialIndex() + st.angular() + 1);
        assertTrue(err <= 1e-5, "max relative error " + err);
    }

    @Test
    void harmonic3dShells() {
        RadialSpectrum s = RadialReference.solve(harmonic(3), 3, 0.5, 20);
        assertEquals(20, s.stateCount());
        assertShellDegeneracies(s, 1, 3, 6, 10);
        assertEquals("ℓ=1,3", s.shells().get(3).label());
        assertFalse(s.wallBound(), s.notes().toString());
        double err = maxRelativeError("3D HO", s, st -> 2 * st.radialIndex() + st.angular() + 1.5);
        assertTrue(err <= 1e-5, "max relative error " + err);
    }

    /** Without extrapolation the error of the 2D (and 3D) hydrogen ground state drops 4x per halving of h. */
    @Test
    void secondOrderConvergenceWithoutExtrapolation() {
        for (int dimension = 2; dimension <= 3; dimension++) {
            double exact = dimension == 2 ? -2.0 : -0.5;
            double previous = Double.NaN;
            for (double h : new double[] {0.04, 0.02, 0.01}) {
                RadialOptions o = RadialOptions.defaults(0.5).withH(h).withExtrapolate(false);
                RadialSpectrum s = RadialReference.solve(coulomb(dimension), dimension, 0.5, 1, o);
                double err = Math.abs(s.energies()[0] - exact);
                if (!Double.isNaN(previous)) {
                    double ratio = previous / err;
                    System.out.printf(Locale.ROOT, "%dD H ground, h=%.3f: error %.3e, ratio %.3f%n",
                            dimension, h, err, ratio);
                    assertEquals(4.0, ratio, 0.05, "error ratio at h = " + h);
                }
                previous = err;
            }
        }
    }

    @Test
    void returnsCompleteShells() {
        RadialSpectrum s = RadialReference.solve(coulomb(2), 2, 0.5, 5);
        assertEquals(9, s.stateCount());
        assertEquals(5, s.requestedStates());
        assertShellDegeneracies(s, 1, 3, 5);
        assertTrue(s.notes().get(0).contains("returned 9 states") && s.notes().get(0).contains("5 requested"),
                s.notes().get(0));
        // the settings used are reported, h rounded so that rMax is a whole number of cells
        RadialSpectrum rounded = RadialReference.solve(coulomb(2), 2, 0.5, 1, RadialOptions.defaults(0.5).withH(0.03));
        assertEquals(80.0 / 2667, rounded.options().h(), 1e-15);
        assertEquals(80.0, rounded.options().rMax());
        RadialSpectrum one = RadialReference.solve(coulomb(3), 3, 0.5, 2);
        assertEquals(5, one.stateCount());
    }

    @Test
    void warnsWhenTheWallBindsTheStates() {
        RadialSpectrum s = RadialReference.solve(coulomb(2), 2, 0.5, 16, RadialOptions.defaults(0.5).withRMax(30));
        assertTrue(s.wallBound());
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("the wall binds level")), s.notes().toString());
        // a finite well has one bound state; the others are box states
        CentralPotential well = central(2, "-2*[r<1]", r -> r < 1 ? -2 : 0);
        RadialSpectrum w = RadialReference.solve(well, 2, 0.5, 4, RadialOptions.defaults(0.5).withRMax(20));
        assertTrue(w.wallBound(), w.notes().toString());
        assertFalse(w.shells().get(0).levels().get(0).boundByWall(w.options().wallTolerance()));
    }

    @Test
    void rejectsBadInputs() {
        CentralPotential c2 = coulomb(2);
        assertMessage("dimension must be 2 or 3", () -> RadialReference.solve(c2, 1, 0.5, 4));
        assertMessage("dimension must be 2 or 3", () -> RadialReference.solve(c2, 4, 0.5, 4));
        assertMessage("has dimension 2 but dimension 3", () -> RadialReference.solve(c2, 3, 0.5, 4));
        assertMessage("minStates must be at least 1", () -> RadialReference.solve(c2, 2, 0.5, 0));
        assertMessage("kinetic", () -> RadialReference.solve(c2, 2, 0.0, 4));
        assertMessage("rMax must be positive", () -> RadialOptions.defaults(0.5).withRMax(0));
        assertMessage("rMax must be positive", () -> RadialOptions.defaults(0.5).withRMax(-5));
        assertMessage("rMax must be positive", () -> RadialOptions.defaults(0.5).withRMax(Double.NaN));
        assertMessage("h must be positive", () -> RadialOptions.defaults(0.5).withH(0));
        assertMessage("h must be positive", () -> RadialOptions.defaults(0.5).withH(-0.01));
        assertMessage("too coarse", () -> RadialOptions.defaults(0.5).withH(50));
        CentralPotential bad = central(2, "nan beyond 5", r -> r > 5 ? Double.NaN : -1 / r);
        assertMessage("not finite at r = 5.01", () -> RadialReference.solve(bad, 2, 0.5, 4));
        CentralPotential inf = central(3, "inf on (0.02,0.04)",
                r -> r > 0.02 && r < 0.04 ? Double.POSITIVE_INFINITY : -1 / r);
        assertMessage("not finite at r = 0.03", () -> RadialReference.solve(inf, 3, 0.5, 4));
        Potential notCentral = new Potential() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return x[0] * x[0];
            }

            @Override
            public String describe() {
                return "x^2";
            }
        };
        assertMessage("not a CentralPotential", () -> RadialReference.solve(Hamiltonian.of(notCentral), 4));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
