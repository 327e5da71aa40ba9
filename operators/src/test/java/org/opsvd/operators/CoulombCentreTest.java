package org.opsvd.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.potentials.CoulombPotential;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.opsvd.operators.potentials.TwoCentreCoulombPotential;

/** Potentials say where their attractive Coulomb singularities are; compositions pass them on. */
class CoulombCentreTest {

    @Test
    void hydrogenHasItsNucleusAtTheOrigin() {
        List<CoulombCentre> centres = new CoulombPotential(2, 3).coulombCentres();
        assertEquals(1, centres.size());
        assertTrue(centres.get(0).atOrigin());
        assertEquals(2, centres.get(0).charge());
    }

    @Test
    void theMolecularIonHasTwoNucleiOnTheLastAxis() {
        List<CoulombCentre> centres = new TwoCentreCoulombPotential(1, 2, 3).coulombCentres();
        assertEquals(2, centres.size());
        assertArrayEquals(new double[] {0, 0, 1}, centres.get(0).position());
        assertArrayEquals(new double[] {0, 0, -1}, centres.get(1).position());
    }

    @Test
    void sumsAddChargesAtOnePointAndMultiplesScaleThem() {
        Potential twice = new CoulombPotential(1, 2).plus(new CoulombPotential(1.5, 2));
        assertEquals(List.of(2.5), twice.coulombCentres().stream().map(CoulombCentre::charge).toList());
        assertEquals(List.of(3.0), new CoulombPotential(1, 2).times(3).coulombCentres().stream()
                .map(CoulombCentre::charge).toList());
        assertTrue(new CoulombPotential(1, 2).times(-1).coulombCentres().isEmpty(), "repulsive: no cusp");
        assertEquals(1, new CoulombPotential(1, 2).plus(HarmonicPotential.isotropic(2, 1)).coulombCentres().size());
    }

    @Test
    void smoothAndExpressionPotentialsKnowNone() {
        assertTrue(HarmonicPotential.isotropic(2, 1).coulombCentres().isEmpty());
        for (String formula : new String[] {"-1/sqrt(x^2+y^2+0.01)", "1/r", "-1/r^2", "-1/abs(x)",
            "-1/sqrt(x^2+(y-1)^2)"}) {
            assertTrue(centres(formula, 2).isEmpty(), formula + ": softened, repulsive, too strong, planar, off the origin");
        }
    }

    @Test
    void anExpressionsCoulombCentreAtTheOriginIsFoundNumerically() {
        for (String formula : new String[] {"-2/r", "-2/sqrt(x^2+y^2+z^2) + 0.5*(x^2+y^2) - 5", "-2/r + 30*x"}) {
            List<CoulombCentre> found = centres(formula, 3);
            assertEquals(1, found.size(), formula);
            assertTrue(found.get(0).atOrigin());
            assertEquals(2.0, found.get(0).charge(), 1e-6, formula);
        }
        assertEquals(0.5, centres("-0.5/sqrt(x1^2+x2^2+x3^2+x4^2)", 4).get(0).charge(), 1e-6, "d = 4");
    }

    private static List<CoulombCentre> centres(String formula, int d) {
        return OperatorCatalog.build(OperatorRequest.formula(formula, d, 0.5)).hamiltonian().potential().coulombCentres();
    }
}
