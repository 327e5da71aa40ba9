package org.opsvd.solver.classical;

import org.opsvd.operators.CentralPotential;
import org.opsvd.operators.Potential;
import org.opsvd.operators.SeparablePotential;
import org.opsvd.operators.potentials.CosinePotential;
import org.opsvd.operators.potentials.CoulombPotential;
import org.opsvd.operators.potentials.HarmonicPotential;

/** Potentials shared by the solver tests (built-ins, plus one with no structure at all). */
final class TestPotentials {

    private TestPotentials() {
    }

    /** V = Σ_a ½ω_a²x_a², exact levels Σ_a ω_a(n_a + ½) with c = ½. */
    static SeparablePotential oscillator(double... omega) {
        return new HarmonicPotential(omega);
    }

    /** V = cos x + cos y (separable, periodic on [−π, π)²). */
    static SeparablePotential cosines() {
        return new CosinePotential(new double[] {1, 1});
    }

    /** V = ½r² + 0.1·x·y + 0.3·sin(x): not separable, no symmetry. */
    static Potential coupled() {
        return new Potential() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return 0.5 * (x[0] * x[0] + x[1] * x[1]) + 0.1 * x[0] * x[1] + 0.3 * Math.sin(x[0]);
            }

            @Override
            public String describe() {
                return "0.5*r^2 + 0.1*x*y + 0.3*sin(x)";
            }
        };
    }

    /** V = −1/r (2D hydrogen; cell-averaged on grids), exact levels −1/(2(n − ½)²), n = 1, 2, …, with degeneracy 2n − 1. */
    static CentralPotential coulomb() {
        return new CoulombPotential(1, 2);
    }
}
