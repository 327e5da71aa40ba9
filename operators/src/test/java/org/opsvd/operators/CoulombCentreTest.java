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
        Problem expression = OperatorCatalog.build(OperatorRequest.formula("-1/sqrt(x^2+y^2)", 2, 0.5));
        assertTrue(expression.hamiltonian().potential().coulombCentres().isEmpty(), "not searched in formulas");
    }
}
