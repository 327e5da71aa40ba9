package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Potential;
import org.opsvd.operators.Problem;

/**
 * The wells of a potential: both minima of a 4-D double well with their harmonic widths and levels, the one minimum
 * of a single well, and the problems the rule leaves alone.
 */
class WellsTest {

  private static Problem formula(String v, int d) {
    return OperatorCatalog.build(OperatorRequest.formula(v, d, 0.5));
  }

  private static Wells wells(Problem problem, int wanted) {
    GalerkinLevels.States states = GalerkinLevels.states(problem, 2 * wanted + 2, 0);
    SamplerChoice gaussian = SamplerChoice.of(states, wanted, SamplingDensity.Kind.GAUSSIAN);
    return Wells.find(problem, states, gaussian.density(problem.dimension()), wanted);
  }

  /**
   * ¼(x₁² − 4)² + ½(x₂² + x₃² + x₄²): minima at x₁ = ±2, V = 0; Hessian diag(8, 1, 1, 1), so with c = ½ the harmonic
   * ground level is √8/2 + 3/2 = 2.914 and the ground state's widths are σ_j = (c/(2κ_j))^{1/4} = 0.420 along x₁ and
   * 1/√2 across (each capped at the Rayleigh–Ritz ground state's width).
   */
  @Test
  void bothMinimaOfAFourDimensionalDoubleWellAreFound() {
    Wells w = wells(formula("0.25*(x1^2-4)^2+0.5*(x2^2+x3^2+x4^2)", 4), 5);
    assertEquals(2, w.wells().size(), w.reason());
    double sum = 0;
    for (Wells.Well well : w.wells()) {
      double[] x = well.centre();
      assertEquals(2, Math.abs(x[0]), 1e-4, w.reason());
      for (int j = 1; j < 4; j++) assertEquals(0, x[j], 1e-4, w.reason());
      assertEquals(0, well.value(), 1e-8);
      assertEquals(Math.sqrt(8) / 2 + 1.5, well.ground(), 1e-4);
      assertEquals(Math.pow(0.5 / 16, 0.25), well.widths()[0], 1e-4);
      for (int j = 1; j < 4; j++) {
        assertTrue(well.widths()[j] <= Math.sqrt(0.5) + 1e-6 && well.widths()[j] > 0.6, w.reason());
      }
      sum += x[0];
    }
    assertEquals(0, sum, 1e-4, "one at each side");
  }

  @Test
  void aSingleWellHasOneMinimum() {
    Wells w = wells(formula("0.5*(x1^2+x2^2+x3^2)+x4^2+0.1*x1^4", 4), 5);
    assertEquals(1, w.wells().size(), w.reason());
    assertEquals(1, w.minima());
    for (double x : w.wells().get(0).centre()) assertEquals(0, x, 1e-4);
  }

  /** A rotated harmonic well ½xᵀKx: the marginal widths are those of the covariance ½√(2c)K^{−1/2}. */
  @Test
  void aRotatedWellHasTheMarginalWidthsOfItsGroundState() {
    // K = [[5, 3], [3, 5]] (eigenvalues 8 and 2 along (1, ±1)/√2) on x₁, x₂, the identity on x₃, x₄; c = ½
    Potential v = formula("0.5*(5*x1^2+6*x1*x2+5*x2^2+x3^2+x4^2)", 4).hamiltonian().potential();
    Wells.Well well = Wells.harmonic(v, 0.5, new double[4], new double[] {10, 10, 10, 10});
    double marginal = Math.sqrt(0.5 * (Math.sqrt(0.5 / 16) + Math.sqrt(0.5 / 4))); // ½(σ₊² + σ₋²) per axis
    assertEquals(marginal, well.widths()[0], 1e-5);
    assertEquals(marginal, well.widths()[1], 1e-5);
    assertEquals(Math.sqrt(0.5), well.widths()[2], 1e-5);
    assertEquals(0.5 * (Math.sqrt(8) + Math.sqrt(2) + 2), well.ground(), 1e-5);
  }

  @Test
  void theRuleLeavesLowDimensionsWallsAndNucleiAlone() {
    assertFalse(Wells.applies(formula("0.25*(x^2-4)^2+0.5*y^2", 2)), "d ≤ 3");
    assertFalse(Wells.applies(OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5))), "walls");
    assertTrue(Wells.applies(OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5))));
  }
}
