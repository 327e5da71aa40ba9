package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.loss.OperatorShift;

/**
 * The reference is validation only: every solve runs without one, the operator mapping then comes from level
 * estimates, and L may end inside a degenerate level.
 */
class ReferenceModeTest {

  private static Problem oscillator(int d) {
    return OperatorCatalog.build(OperatorRequest.named("harmonic", d, 0.5));
  }

  @Test
  void withoutAReferenceOnlyTheQuadratureIsBuilt() {
    Problem p = oscillator(2);
    SolveReference none = SolveReference.compute(p, 3, 40, new SamplingDensity.Gaussian(2, 2), 0, ReferenceMode.NONE);
    assertFalse(none.hasEnergies());
    assertNull(none.functions());
    assertEquals("none", none.kind());
    assertEquals(40 * 40, none.weights().length, "a grid for d <= 3");
    Problem quadratic = OperatorCatalog.build(OperatorRequest.formula("0.5*(x1^2+x2^2+x3^2+x4^2+x5^2+x6^2)", 6, 0.5));
    SolveReference six = SolveReference.compute(quadratic, 7, 2,
        new SamplingDensity.Gaussian(6, 2), 0, ReferenceMode.AUTO);
    assertFalse(six.hasEnergies(), "d = 6 without a known spectrum: no reference, no refusal");
    assertEquals(SolveReference.MONTE_CARLO_POINTS, six.weights().length, "Monte Carlo for d > 3");
  }

  @Test
  void askingForAReferenceTheProblemLacksIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> SolveReference.compute(oscillator(4), 3, 2,
        new SamplingDensity.Gaussian(4, 2), 0, ReferenceMode.FD));
    assertTrue(e.getMessage().contains("--reference fd") && e.getMessage().contains("d = 3"), e.getMessage());
    Problem formula = OperatorCatalog.build(OperatorRequest.formula("0.5*x^2", 1, 0.5));
    e = assertThrows(IllegalArgumentException.class, () -> SolveReference.compute(formula, 2, 50,
        new SamplingDensity.Gaussian(1, 2), 0, ReferenceMode.EXACT));
    assertTrue(e.getMessage().contains("--reference exact"), e.getMessage());
  }

  @Test
  void theMappingFromEstimatesKeepsTheWantedLevelsPositive() {
    // levels of the 2D oscillator as a Rayleigh–Ritz estimate would give them: degenerate levels split a little
    double[] levels = {1.001, 2.002, 2.004, 3.01, 3.02, 3.03, 4.1, 4.2};
    OperatorShift s = SolveDefaults.shift(levels, 2); // L = 2 ends inside the level E = 2
    assertEquals(3.01, s.shift() / s.scale(), 1e-12, "b/a = the next level clearly above E_L");
    assertTrue(s.eigenvalueOf(2.0) > 0 && s.eigenvalueOf(1.0) > s.eigenvalueOf(2.0));
    assertTrue(s.eigenvalueOf(3.0) > 0, "levels between the estimate and its upper bound only become positive");
  }

  @Test
  void aDegenerateLevelSplitByLNeedsNoOptionsAnyMore() {
    // the example: harmonic in 2D with L = 4 ends inside the level E = 3
    SolveConfig c = SolveBuilder.of(oscillator(2)).outputs(4).steps(10).config();
    assertEquals(4.0, c.operatorShift() / c.operatorScale(), 1e-12, "b/a = E_next = 4 from the exact spectrum");
    SolveConfig none = SolveBuilder.of(oscillator(2)).outputs(4).steps(10).referenceMode(ReferenceMode.NONE).config();
    double next = none.operatorShift() / none.operatorScale();
    assertTrue(next > 3.0 && next < 4.3, "b/a from level estimates, above E_4 = 3 and near E_next = 4: " + next);
  }
}
