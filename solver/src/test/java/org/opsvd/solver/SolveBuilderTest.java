package org.opsvd.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.loss.OperatorShift;
import org.opsvd.solver.train.SolveConfig;
import org.opsvd.solver.train.Recipe;
import org.opsvd.solver.train.SolveDefaults;
import org.junit.jupiter.api.Test;

class SolveBuilderTest {

  private final Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", 1, 0.5));

  @Test
  void unsetSettingsTakeTheSolveDefaults() {
    SolveBuilder b = SolveBuilder.of(oscillator).outputs(3);
    SolveConfig c = b.config();
    assertEquals(3, c.outputs());
    assertEquals(SolveDefaults.steps(3), c.steps());
    assertEquals(SolveDefaults.BATCH, c.batch());
    Recipe recipe = b.recipe();
    assertEquals(recipe.hidden(), c.hidden());
    assertEquals(recipe.sampler(), c.sampler());
    assertEquals(recipe.samplerScale(), c.samplerScale());
    assertEquals(recipe.fourierFeatures(), c.fourierFeatures());
    assertEquals(recipe.learningRate(), c.learningRate());
    assertEquals(SolveDefaults.evalGrid(oscillator), c.evalGrid());
    assertEquals(c.steps() / 10, c.evalEvery());
    OperatorShift auto = SolveDefaults.shift(b.reference(), 3);
    assertEquals(auto.scale(), c.operatorScale());
    assertEquals(auto.shift(), c.operatorShift());
    assertEquals("harmonic", c.operator());
  }

  @Test
  void withoutAStepCountASolveStopsWhenConvergedAndAGivenCountIsRunExactly() {
    SolveConfig auto = SolveBuilder.of(oscillator).outputs(3).config();
    assertEquals(org.opsvd.solver.train.ConvergenceRule.withTolerance(0.01), auto.convergence());
    assertEquals(SolveDefaults.steps(3), auto.steps(), "the default count is the cap");
    assertEquals(null, SolveBuilder.of(oscillator).outputs(3).steps(5000).config().convergence());
    SolveConfig capped = SolveBuilder.of(oscillator).outputs(3).steps(5000)
        .stop(org.opsvd.solver.train.StopMode.CONVERGED, 0.2).config();
    assertEquals(0.2, capped.convergence().tolerance());
    assertEquals(5000, capped.steps());
    assertEquals(null, SolveBuilder.of(oscillator).outputs(3).stop(org.opsvd.solver.train.StopMode.STEPS, 0.1)
        .config().convergence());
  }

  @Test
  void settersOverrideAndTheReferenceIsBuiltOnce() {
    SolveBuilder b = SolveBuilder.of(oscillator).outputs(2).steps(100).batch(64).hidden(8, 8).learningRate(0.01)
        .sampler(org.opsvd.solver.train.SamplingDensity.Kind.GAUSSIAN, 2.0).evalGrid(50).mapping(0.5, 1.5);
    SolveConfig c = b.config();
    assertEquals(100, c.steps());
    assertEquals(64, c.batch());
    assertEquals(List.of(8, 8), c.hidden());
    assertEquals(0.01, c.learningRate());
    assertEquals(2.0, c.samplerScale());
    assertEquals(50, c.evalGrid());
    assertEquals(0.5, c.operatorScale());
    assertEquals(1.5, c.operatorShift());
    assertEquals(10, c.evalEvery());
    assertSame(b.reference(), b.reference());
    assertEquals(50 * 1, b.reference().weights().length);
    assertThrows(IllegalStateException.class, () -> b.outputs(3));
  }

  @Test
  void expressionProblemsRecordTheFormula() {
    Problem p = OperatorCatalog.build(OperatorRequest.formula("0.5*x^2", 1, 0.5));
    SolveConfig c = SolveBuilder.of(p).outputs(2).steps(10).config();
    assertEquals(null, c.operator());
    assertEquals("0.5*x^2", c.potential());
  }

  @Test
  void aPotentialFallingWithoutBoundIsRefusedBeforeAnyEstimate() {
    SolveBuilder b = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.formula("0.5*x^2-0.01*x^4", 1, 0.5)));
    var e = assertThrows(IllegalArgumentException.class, b::config);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not bounded below")
        && e.getMessage().contains("no lowest eigenvalue"), e.getMessage());
  }

  @Test
  void askingForMoreLevelsThanAFiniteWellHoldsWarnsAndNamesTheContinuum() {
    // −2·exp(−x²) in 1D holds two bound states (E = −1.188, −0.074 hartree, DVR); the continuum starts at 0
    SolveBuilder well = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.formula("-2*exp(-x^2)", 1, 0.5)))
        .outputs(5);
    List<String> lines = well.explain();
    String warning = lines.get(lines.size() - 1);
    org.junit.jupiter.api.Assertions.assertTrue(warning.startsWith("warning: the potential levels off at about 0.00 far out")
        && warning.contains("only 2 of the L = 5"), String.join("\n", lines));
    List<String> two = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.formula("-2*exp(-x^2)", 1, 0.5)))
        .outputs(2).explain();
    org.junit.jupiter.api.Assertions.assertFalse(two.get(two.size() - 1).startsWith("warning"), "L = 2 fits the well");
  }

  @Test
  void theContinuumOfAChannelStartsAtItsTransverseZeroPointEnergy() {
    // a Morse well along x plus ½y²: V → 0 along +x, but the continuum starts at Σ = ω_y/2 = ½; the levels are
    // −0.1777, 0.2794, 0.4865, and Rayleigh–Ritz upper bounds put the first two below Σ (not the third, 0.0135 below
    // it and reaching x ≈ 50): L = 2 is not warned about, L = 3 is, with Σ named
    SolveBuilder morse = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.formula(
        "exp(-x)-2*exp(-x/2)+0.5*y^2", 2, 0.5))).outputs(3);
    List<String> lines = morse.explain();
    String warning = lines.get(lines.size() - 1);
    org.junit.jupiter.api.Assertions.assertTrue(warning.startsWith("warning: the potential levels off at 0.00 far out")
        && warning.contains("zero-point energy 0.500") && warning.contains("Σ = 0.500")
        && warning.contains("only 2 of the L = 3"), String.join("\n", lines));
    List<String> two = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.formula("exp(-x)-2*exp(-x/2)+0.5*y^2",
        2, 0.5))).outputs(2).explain();
    org.junit.jupiter.api.Assertions.assertFalse(two.get(two.size() - 1).startsWith("warning"), String.join("\n", two));
  }

  @Test
  void coulombProblemsTrainTwiceTheDefaultStepsUnlessStepsAreGiven() {
    // 3D hydrogen (a cusp factor at the nucleus): 2 × 3000·5; the 3D oscillator: 3000·5; --steps or --cusp none wins
    SolveBuilder hydrogen = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.named("hydrogen", 3, 0.5))).outputs(5);
    org.junit.jupiter.api.Assertions.assertEquals(30_000, hydrogen.config().steps());
    org.junit.jupiter.api.Assertions.assertTrue(hydrogen.explain().stream().anyMatch(line -> line.startsWith(
        "--steps 30000: 2×15000, Coulomb problems")), String.join("\n", hydrogen.explain()));
    SolveBuilder oscillator = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.named("harmonic", 3, 0.5)))
        .outputs(5);
    org.junit.jupiter.api.Assertions.assertEquals(15_000, oscillator.config().steps());
    org.junit.jupiter.api.Assertions.assertEquals(12_345, SolveBuilder.of(OperatorCatalog.build(
        OperatorRequest.named("hydrogen", 3, 0.5))).outputs(5).steps(12_345).config().steps());
    org.junit.jupiter.api.Assertions.assertEquals(15_000, SolveBuilder.of(OperatorCatalog.build(
        OperatorRequest.named("hydrogen", 3, 0.5))).outputs(5).cusp(0.0).config().steps(), "no cusp factor");
  }
  /**
   * 0.005|x|² in 2D (ω = 0.1: levels 0.1, 0.2, 0.2, 0.3, 0.3, 0.3, the n = 2 states of rms radius √30 = 5.5 bohr)
   * outgrows a formula's default box [−8, 8]², whose grid reference read 0.100864 for the ground state; the fitted box
   * holds 4 radii and the reference is the operator's own. A problem whose states fit keeps the default.
   */
  @Test
  void aFormulaWhoseStatesOutgrowTheDefaultBoxGetsABoxThatHoldsThem() {
    Problem wide = OperatorCatalog.build(OperatorRequest.formula("0.005*(x^2+y^2)", 2, 0.5));
    SolveBuilder fitted = SolveBuilder.of(wide).outputs(6).fitBox();
    double[] energies = fitted.reference().energies();
    double[] exact = {0.1, 0.2, 0.2, 0.3, 0.3, 0.3};
    for (int k = 0; k < 6; k++) assertEquals(exact[k], energies[k], 1e-6, "level " + k);
    double h = fitted.config().box();
    assertEquals(4 * Math.sqrt(30), h, 0.2 * 4 * Math.sqrt(30), "4 rms radii of the n = 2 states");
    Problem narrow = OperatorCatalog.build(OperatorRequest.formula("0.5*(x^2+4*y^2)", 2, 0.5));
    assertEquals(8, SolveBuilder.of(narrow).outputs(6).fitBox().config().box());
  }
}
