package org.opsvd.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.potentials.ExpressionPotential;

class PotentialAtInfinityTest {

  private static PotentialAtInfinity probe(String formula, int d) {
    return PotentialAtInfinity.probe(new ExpressionPotential(formula, d), 0);
  }

  @Test
  void potentialsFallingWithoutBoundAreFound() {
    assertTrue(probe("-x^2", 1).unboundedBelow());
    assertTrue(probe("-abs(x)", 1).unboundedBelow());
    assertTrue(probe("x*y", 2).unboundedBelow(), "a saddle falls along the diagonal (1, -1)");
    assertTrue(probe("0.5*(x^2+y^2)-0.1*z^3", 3).unboundedBelow(), "a cubic term wins along +z");
    assertTrue(probe("-exp(x)", 1).unboundedBelow(), "overflow to -infinity counts as falling");
    PotentialAtInfinity saddle = probe("x*y", 2);
    assertTrue(saddle.point()[0] * saddle.point()[1] < 0 && saddle.value() < -1e10, "the lowest ray is named");
  }

  @Test
  void confiningWellsAndCoulombTailsAreBoundedBelowWithTheirThreshold() {
    PotentialAtInfinity oscillator = probe("0.5*(x^2+y^2)", 2);
    assertFalse(oscillator.unboundedBelow());
    assertTrue(oscillator.threshold() > 1e11, "a confining potential has no continuum in reach: " + oscillator);
    PotentialAtInfinity well = probe("-2*exp(-x^2)", 1);
    assertFalse(well.unboundedBelow());
    assertEquals(0, well.threshold(), 1e-12, "a finite well levels off at 0");
    PotentialAtInfinity hydrogen = PotentialAtInfinity.probe(
        OperatorCatalog.build(OperatorRequest.named("hydrogen", 3, 0.5)).hamiltonian().potential(), 0);
    assertFalse(hydrogen.unboundedBelow(), "−1/r is singular at a point, not at infinity");
    assertEquals(0, hydrogen.threshold(), 1e-5, "its continuum starts at 0");
    PotentialAtInfinity h2plus = PotentialAtInfinity.probe(
        OperatorCatalog.build(OperatorRequest.named("h2plus", 3, 0.5)).hamiltonian().potential(), 0);
    assertFalse(h2plus.unboundedBelow(), "a ray through a nucleus (V = −∞ at r = 1) is not a fall at infinity");
    assertEquals(0, probe("0.5*x^2", 2).threshold(), 0, "free along y: continuum from 0");
  }
}
