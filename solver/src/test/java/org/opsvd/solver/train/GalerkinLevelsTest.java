package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;

/** Level estimates without a reference: Rayleigh–Ritz on an analytic basis under a Monte Carlo density. */
class GalerkinLevelsTest {

  @Test
  void theBoxLevelsComeFromItsOwnSineBasis() {
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 3, 0.5));
    double[] exact = box.exact().eigenvalues(4);
    double[] estimate = GalerkinLevels.estimate(box, 4, 1);
    for (int k = 0; k < 4; k++) {
      // Ãf = E·f sample by sample; only the symmetrisation ½(A + Aᵀ) of the Monte Carlo matrix mixes levels
      assertEquals(exact[k], estimate[k], 1e-3 * exact[k], "level " + k);
    }
  }

  @Test
  void aWellMuchNarrowerThanTheBoxIsFittedByScalesBelowTheLadder() {
    // 50|x|² in 2D, c = ½: ω = 10, levels 10, 20, 20, 30, 30, 30, ground state std 1/√20 = 0.22 on the default box
    // [−8, 8]², whose ladder ends at 0.09·8 = 0.72; Gauss–Hermite quadrature, so every Ritz value is an upper bound
    Problem stiff = OperatorCatalog.build(OperatorRequest.formula("50*(x^2+y^2)", 2, 0.5));
    double[] levels = GalerkinLevels.estimate(stiff, 6, 0);
    double[] exact = {10, 20, 20, 30, 30, 30};
    for (int k = 0; k < 6; k++) {
      assertTrue(levels[k] >= exact[k] - 1e-9, "level " + k + ": " + levels[k]);
      assertEquals(exact[k], levels[k], 0.06 * exact[k], "level " + k); // the ladder's steps are 0.72×
    }
    assertEquals(10, levels[0], 0.1, "E₀ (the ladder alone, down to 0.72, gave 28.2, and 67.5 for E₁)");
    double width = GalerkinLevels.width(stiff, 6, 0);
    assertEquals(Math.sqrt(0.15), width, 0.03, "the widest state's √(⟨|x|²⟩/d): (⟨x²⟩ + ⟨y²⟩)/2 = (0.25 + 0.05)/2 "
        + "for n = (2, 0) (the ladder alone gave 1.30)");
  }

  @Test
  void theLowestUpperBoundOfEachLevelIsTakenOverTheBasisScales() {
    // 1-D Morse exp(−x) − 2exp(−x/2), c = ½: levels −0.6777, −0.2206, −0.0135 (exact, −(1 − (n + ½)/2√2)²). Each
    // bound is ≥ its level (Gauss–Hermite quadrature of a smooth V: no Monte Carlo), and ≤ the summed-best basis's
    Problem morse = OperatorCatalog.build(OperatorRequest.formula("exp(-x)-2*exp(-x/2)", 1, 0.5));
    double[] bounds = GalerkinLevels.upperBounds(morse, 6, 0, null);
    double[] best = GalerkinLevels.estimate(morse, 6, 0);
    for (int k = 0; k < 6; k++) assertTrue(bounds[k] <= best[k], "level " + k + ": " + bounds[k] + " > " + best[k]);
    for (int n = 0; n < 2; n++) {
      double t = 1 - (n + 0.5) / (2 * Math.sqrt(2));
      assertTrue(bounds[n] >= -t * t - 1e-9 && bounds[n] < 0, "level " + n + " bound " + bounds[n]);
    }
  }

  @Test
  void oscillatorLevelsComeOutWithinMonteCarloError() {
    Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5));
    double[] exact = oscillator.exact().eigenvalues(5); // 2, 3, 3, 3, 3
    double[] estimate = GalerkinLevels.estimate(oscillator, 5, 3);
    for (int k = 0; k < 5; k++) {
      assertEquals(exact[k], estimate[k], 0.05 * exact[k], "level " + k);
    }
  }

  @Test
  void theWidthOfTheWantedStatesComesOutInHighDimension() {
    Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5));
    // ground state: ⟨x_j²⟩ = 1/2 per axis; first shell: 3/2 on its axis, 1/2 on the others → rms √(3/4) = 0.866
    assertEquals(Math.sqrt(0.75), GalerkinLevels.width(oscillator, 5, 3), 0.08, "Monte Carlo and basis error");
  }

  /**
   * On the basis √q·polynomials with q the mixture of Gaussians at a 4-D double well's wells, ¼(x₁² − 4)² + ½(x₂² +
   * x₃² + x₄²) (exact levels 2.83855, 2.84827, then 3.83855 three times), every wanted level comes out lower than on
   * the Hermite basis centred between the wells (measured: 2.88, 3.25, 3.93, 3.94, 3.94 against 3.21, 4.14, 5.06, 5.16,
   * 5.20): the even ground state within 0.05 (√q·1 is each well's harmonic ground state), its odd partner within 0.5
   * (√q·x₁ also carries x₁'s variation inside each well, which the cubic terms in the basis only partly cancel).
   */
  @Test
  void aBasisAtTheWellsHoldsTheirStates() {
    Problem p = OperatorCatalog.build(OperatorRequest.formula("0.25*(x1^2-4)^2+0.5*(x2^2+x3^2+x4^2)", 4, 0.5));
    double[][] centres = {{-2, 0, 0, 0}, {2, 0, 0, 0}};
    double[] harmonic = {Math.pow(0.5 / 16, 0.25), Math.sqrt(0.5), Math.sqrt(0.5), Math.sqrt(0.5)};
    SamplingDensity q = new SamplingDensity.WellMixture(4, 1, centres, new double[][] {harmonic, harmonic});
    GalerkinLevels.States atWells = GalerkinLevels.statesUnder(p, 12, 0, q);
    GalerkinLevels.States centred = GalerkinLevels.states(p, 12, 0);
    double[] exact = {2.83855, 2.84827, 3.83855, 3.83855, 3.83855};
    assertEquals(exact[0], atWells.levels()[0], 0.05);
    for (int l = 0; l < 5; l++) {
      assertTrue(atWells.levels()[l] > exact[l] - 0.02 && atWells.levels()[l] < exact[l] + 0.5, "level " + l + ": "
          + atWells.levels()[l]);
      assertTrue(atWells.levels()[l] < centred.levels()[l], "level " + l);
    }
  }

  @Test
  void theBasisIsTheCheapestMultiIndicesFirst() {
    List<int[]> hermite = GalerkinLevels.indices(3, 7, GalerkinLevels.Axis.hermite(1));
    assertEquals(0, hermite.get(0)[0] + hermite.get(0)[1] + hermite.get(0)[2], "the constant first");
    assertEquals(1, hermite.get(3)[0] + hermite.get(3)[1] + hermite.get(3)[2], "then the three of degree 1");
    assertEquals(2, hermite.get(4)[0] + hermite.get(4)[1] + hermite.get(4)[2], "then degree 2");
    List<int[]> sine = GalerkinLevels.indices(2, 3, GalerkinLevels.Axis.sine(1));
    assertTrue(sine.get(0)[0] == 1 && sine.get(0)[1] == 1, "(1, 1) first");
    assertEquals(1.0, GalerkinLevels.he(1, 1.0), 1e-15);
    assertEquals((4 - 1) / Math.sqrt(2), GalerkinLevels.he(2, 2.0), 1e-14, "He_2(y) = y² − 1, normalised by √2!");
  }
}
