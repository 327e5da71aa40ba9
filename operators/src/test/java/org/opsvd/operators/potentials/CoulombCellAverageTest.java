package org.opsvd.operators.potentials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Potential;

/** Exact cell averages of −Z/|x| against closed forms and independent quadrature. */
class CoulombCellAverageTest {

    @Test
    void originCellIn2DIsFourLogOnePlusRootTwoOverH() {
        double h = 0.3;
        var v = new CoulombPotential(1, 2);
        assertEquals(-4 * Math.log(1 + Math.sqrt(2)) / h, v.cellAverage(new double[] {0, 0}, h), 1e-13);
    }

    @Test
    void originCellIn3DMatchesTheUnitCubeIntegral() {
        // ∫ over [0,1]³ of 1/|x| = 3·asinh(1/√2) − π/4 ≈ 1.1900386819
        double corner = 3 * Math.log(1 / Math.sqrt(2) + Math.sqrt(1.5)) - Math.PI / 4;
        double h = 0.2;
        var v = new CoulombPotential(2, 3);
        assertEquals(-2 * 8 * corner * Math.pow(h / 2, 2) / Math.pow(h, 3), v.cellAverage(new double[] {0, 0, 0}, h),
                1e-12);
    }

    @Test
    void cellsAwayFromTheNucleusMatchGaussLegendreQuadrature() {
        var integrator = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-13);
        double h = 0.25;
        double[] c2 = {0.4, -0.7};
        Potential v2 = new CoulombPotential(1, 2);
        var inner2 = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-13); // integrators are not re-entrant
        double q2 = integrator.integrate(100000, x -> inner2.integrate(100000,
                y -> v2.value(new double[] {x, y}), c2[1] - h / 2, c2[1] + h / 2), c2[0] - h / 2, c2[0] + h / 2) / (h * h);
        assertEquals(q2, new CoulombPotential(1, 2).cellAverage(c2, h), 1e-11);
        // a cell straddling an axis (but not the nucleus) exercises the sign bookkeeping
        double[] c3 = {0.1, -0.3, 0.35};
        Potential v3 = new CoulombPotential(1, 3);
        var inner = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-13);
        var middle = new IterativeLegendreGaussIntegrator(8, 1e-13, 1e-13);
        double q3 = integrator.integrate(100000, x -> middle.integrate(100000, y -> inner.integrate(100000,
                        z -> v3.value(new double[] {x, y, z}), c3[2] - h / 2, c3[2] + h / 2), c3[1] - h / 2, c3[1] + h / 2),
                c3[0] - h / 2, c3[0] + h / 2) / (h * h * h);
        assertEquals(q3, new CoulombPotential(1, 3).cellAverage(c3, h), 1e-9);
    }

    @Test
    void twoCentreAverageIsTheSumOfShiftedCoulombAverages() {
        var ion = new TwoCentreCoulombPotential(1, 2, 3);
        var one = new CoulombPotential(1, 3);
        double h = 0.5;
        double[] x = {0, 0, 1}; // on a nucleus: finite
        double expected = one.cellAverage(new double[] {0, 0, 0}, h) + one.cellAverage(new double[] {0, 0, 2}, h);
        assertEquals(expected, ion.cellAverage(x, h), 1e-12);
    }
}
