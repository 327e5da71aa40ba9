package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.CuspFactor;
import org.opsvd.solver.neural.MaskShape;
import org.opsvd.solver.neural.Parametrisation;

/** Each rule of the recipe: a problem in, the setting out (read off the problem, never its name). */
class RecipeTest {

  private static Recipe recipe(Problem problem, int outputs) {
    return SolveBuilder.of(problem).outputs(outputs).recipe();
  }

  @Test
  void theOscillatorGetsAGaussianAsWideAsItsStatesNeedAndFourierFeatures() {
    Recipe r = recipe(OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5)), 15);
    assertEquals(SamplingDensity.Kind.GAUSSIAN, r.sampler());
    // measured best 1–1.25 (1.1e-4, 1.3e-4), 0.85 and 2.33 twice worse; the criterion's optimum is 1.3
    assertTrue(r.samplerScale() >= 1 && r.samplerScale() <= 1.5, "scale " + r.samplerScale());
    assertNull(r.cusp());
    assertEquals(Parametrisation.SHARED, r.parametrisation());
    assertEquals(Recipe.FOURIER_PAIRS, r.fourierFeatures());
    assertEquals(0.2 / r.samplerScale(), r.fourierScale(), 1e-12);
    assertEquals(2e-3, r.learningRate());
  }

  /**
   * In d ≥ 4 a Gaussian sampler takes the ground state's shape when some axis is narrower than 0.8 of the widest:
   * the 6-D oscillator with ω = 3 along x₆ (exact ground-state widths 1/√2 and 1/√6, ratio 0.58; the Rayleigh–Ritz
   * estimate reads about 0.68) gets a narrow x₆ and a wide rest; the isotropic one, and any problem in d ≤ 3, none.
   */
  @Test
  void aGaussianTakesTheGroundStatesShapeInHighDimensions() {
    Recipe shaped = recipe(OperatorCatalog.build(new OperatorRequest("harmonic", null, 6, 0.5, null,
        new double[] {1, 1, 1, 1, 1, 3}, null, null, null)), 6);
    assertEquals(SamplingDensity.Kind.GAUSSIAN, shaped.sampler());
    double[] a = shaped.samplerShape();
    assertTrue(a != null && a[5] < 0.8, java.util.Arrays.toString(a));
    for (int j = 0; j < 5; j++) assertTrue(a[j] > 0.85, "axis " + j + ": " + java.util.Arrays.toString(a));
    assertNull(recipe(OperatorCatalog.build(OperatorRequest.named("harmonic", 6, 0.5)), 7).samplerShape());
    assertNull(recipe(OperatorCatalog.build(OperatorRequest.formula("0.5*(x^2 + 16*y^2)", 2, 0.5)), 3).samplerShape());
  }

  /**
   * In d ≥ 4 a potential with two wells below the wanted levels gets the mixture of Gaussians at its wells when that
   * is the best-sampled candidate within the energy cap: the 4-D double well ¼(x₁² − 4)² + ½(x₂² + x₃² + x₄²) (a
   * Gaussian wide enough for both wells has E(√p) far above the cap); a single well and d ≤ 3 never do.
   */
  @Test
  void aDoubleWellInHighDimensionsGetsGaussiansAtItsWells() {
    Recipe twoWells = recipe(OperatorCatalog.build(OperatorRequest.formula("0.25*(x1^2-4)^2+0.5*(x2^2+x3^2+x4^2)", 4,
        0.5)), 5);
    assertEquals(SamplingDensity.Kind.WELLS, twoWells.sampler());
    assertEquals(2, twoWells.samplerWells().wells().size());
    assertTrue(twoWells.samplerScale() >= SamplerChoice.floorFactor(4), "scale " + twoWells.samplerScale());
    assertTrue(twoWells.choices().get(0).rule().contains("is chosen"), twoWells.choices().get(0).rule());
    Recipe oneWell = recipe(OperatorCatalog.build(OperatorRequest.named("harmonic", 6, 0.5)), 7);
    assertEquals(SamplingDensity.Kind.GAUSSIAN, oneWell.sampler());
    assertNull(oneWell.samplerWells());
    assertTrue(oneWell.choices().get(0).rule().contains("1 distinct local minimum"), oneWell.choices().get(0).rule());
    Recipe plane = recipe(OperatorCatalog.build(OperatorRequest.formula("0.25*(x^2-4)^2+0.5*y^2", 2, 0.5)), 4);
    assertNull(plane.samplerWells());
    assertTrue(!plane.choices().get(0).rule().contains("wells"), plane.choices().get(0).rule());
  }

  @Test
  void theSamplerCoversTheGroundStateAlongItsWidestAxis() {
    // ω = 1 along x, 4 along y: the ground state's widest rms coordinate is 1/√2, so the scale is at least 1
    Problem anisotropic = OperatorCatalog.build(OperatorRequest.formula("0.5*(x^2 + 16*y^2)", 2, 0.5));
    Recipe r = recipe(anisotropic, 3);
    assertTrue(r.samplerScale() >= 0.97, "scale " + r.samplerScale() + " (quadrature error 3 %)");
  }

  @Test
  void aCoulombCentreAtTheOriginGetsItsCuspAndAMixture() {
    Recipe plane = recipe(OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5)), 4);
    assertEquals(2.0, plane.cusp().originKappa(), 1e-12, "κ = Z/(c(d−1)) = 1/(0.5·1)");
    assertEquals(SamplingDensity.Kind.MIXTURE, plane.sampler());
    assertTrue(plane.samplerScale() / 16 <= 2 / plane.cusp().originKappa(), "the narrowest component reaches the nucleus");
    Recipe space = recipe(OperatorCatalog.build(OperatorRequest.named("hydrogen", 3, 0.5)), 5);
    assertEquals(1.0, space.cusp().originKappa(), 1e-12);
  }

  @Test
  void twoNucleiGetATermAtEachAndTheExplanationSaysSo() {
    // H₂⁺ with R = 3, Z = 2 and c = 0.5 in 3D: κ_c = Z/(c(d−1)) = 2 at (0, 0, ±1.5)
    Problem ion = OperatorCatalog.build(new OperatorRequest("h2plus", null, 3, 0.5, null, null, 2.0, 3.0, null));
    CuspFactor factor = Recipe.cusp(ion).factor();
    assertEquals(List.of(new CuspFactor.Centre(new double[] {0, 0, 1.5}, 2.0),
        new CuspFactor.Centre(new double[] {0, 0, -1.5}, 2.0)), factor.centres());
    assertNull(factor.originKappa());
    Recipe r = recipe(OperatorCatalog.build(OperatorRequest.named("h2plus", 3, 0.5)), 2);
    assertEquals(2, r.cusp().centres().size());
    assertTrue(r.choices().stream().anyMatch(c -> c.option().equals("--cusp")
        && c.rule().startsWith("2 Coulomb centres") && c.value().contains("[0.0, 0.0, -1.0]")), r.choices().toString());
  }

  @Test
  void anExpressionGetsTheCuspOfACentreAtTheOriginAndSaysWhenNoneCouldBeFound() {
    Recipe.Cusp origin = Recipe.cusp(OperatorCatalog.build(OperatorRequest.formula("-1/sqrt(x^2+y^2)", 2, 0.5)));
    assertEquals(2.0, origin.factor().originKappa(), 1e-5, "κ = Z/(c(d−1)) = 1/(0.5·1)");
    Recipe.Cusp elsewhere = Recipe.cusp(OperatorCatalog.build(OperatorRequest.formula("-1/sqrt(x^2+(y-1)^2)", 2,
        0.5)));
    assertNull(elsewhere.factor());
    assertTrue(elsewhere.choice().rule().startsWith("no Coulomb centre could be found in the expression"),
        elsewhere.choice().rule());
  }

  @Test
  void aWideSpectrumOfTGetsOneNetworkPerMode() {
    // 2D hydrogen, L = 16: T's wanted eigenvalues span (E_next − E_1)/(E_next − E_L) = 129:1 (RESULTS.md: shared 2.2, disjoint 4.8e-3)
    double[] levels = {-2, -0.22, -0.22, -0.22, -0.08, -0.08, -0.08, -0.08, -0.08, -0.04, -0.04, -0.04, -0.04,
        -0.04, -0.04, -0.04, -0.0247};
    assertEquals(1.9753 / 0.0153, Recipe.spread(levels, 16, SolveDefaults.shift(levels, 16)), 0.01);
  }

  @Test
  void wallsGetTheUniformDensityAndTheRawInputUnlessPeriodic() {
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 2, 0.5));
    Recipe r = recipe(box, 4);
    assertEquals(SamplingDensity.Kind.UNIFORM, r.sampler());
    assertEquals(box.halfWidth(), r.samplerScale());
    assertEquals(0, r.fourierFeatures());
    assertEquals(2e-3, r.learningRate(), "the walls' learning rate (its own test below)");
    assertTrue(r.choices().get(0).rule().contains("the Dirichlet mask Π g(x_i)/n has unit mean square"),
        r.choices().get(0).rule());
    Problem torus = OperatorCatalog.build(OperatorRequest.named("cosine", 1, 0.5));
    String periodic = recipe(torus, 4).choices().get(0).rule();
    assertEquals(SamplingDensity.Kind.UNIFORM, recipe(torus, 4).sampler());
    assertTrue(!periodic.contains("mask"), "a periodic box has no mask: " + periodic);
  }

  /**
   * A shared network under a Dirichlet mask learns at 2e-3 (5-D box L = 6, 18 000 steps: 7.3e-4 at 1e-3, 5.4e-4 at
   * 2e-3; 2-D box L = 10: 2.6e-4 → 1.8e-4; 3-D box L = 4 level), and the explanation says why; disjoint networks there
   * keep the base rate, and a problem without walls on the raw input too.
   */
  @Test
  void aSharedNetworkUnderADirichletMaskLearnsAtTwiceTheBaseRate() {
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5));
    SolveBuilder b = SolveBuilder.of(box).outputs(6);
    assertEquals(2e-3, b.config().learningRate());
    assertTrue(b.explain().stream().anyMatch(l -> l.startsWith("--lr 0.00200: shared network under a Dirichlet mask")),
        String.join("\n", b.explain()));
    assertEquals(SolveDefaults.LEARNING_RATE, SolveBuilder.of(box).outputs(6).parametrisation(Parametrisation.DISJOINT)
        .config().learningRate(), "disjoint networks keep the base rate");
    assertEquals(SolveDefaults.LEARNING_RATE, Recipe.learningRate(Parametrisation.SHARED, 0, false), "no walls");
    assertEquals(2e-3, Recipe.learningRate(Parametrisation.SHARED, 0, true));
  }

  /**
   * Under a Dirichlet mask (walls that belong to the operator, any d) the hidden layers are sines, with the
   * exponential mask; without walls (the oscillator, the cosine torus) softplus and no mask. An activation given
   * wins and is shown as given; a mask given where there are no Dirichlet walls is refused. The cosine mask is
   * written to the configuration, the exponential one is not (old checkpoints stay resumable).
   */
  @Test
  void aDirichletBoxLearnsWithSineActivationsUnderTheExponentialMask() {
    for (int d : new int[] {1, 2, 3, 5}) {
      Problem box = OperatorCatalog.build(OperatorRequest.named("box", d, 0.5));
      SolveBuilder b = SolveBuilder.of(box).outputs(4);
      SolveConfig c = b.config();
      assertEquals(Activation.SIN, c.activation(), "d = " + d);
      assertEquals(MaskShape.EXPONENTIAL, c.maskShape(), "d = " + d);
      assertNull(c.mask(), "the exponential mask is not written");
      assertTrue(b.explain().stream().anyMatch(l -> l.startsWith("--activation sin: under a Dirichlet mask")),
          String.join("\n", b.explain()));
      assertTrue(b.explain().stream().anyMatch(l -> l.startsWith("--mask exponential: Dirichlet walls")),
          String.join("\n", b.explain()));
    }
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 5, 0.5));
    SolveBuilder given = SolveBuilder.of(box).outputs(6).activation(Activation.SOFTPLUS).mask(MaskShape.COSINE);
    assertEquals(Activation.SOFTPLUS, given.config().activation());
    assertEquals(MaskShape.COSINE, given.config().mask());
    assertTrue(given.explain().stream().anyMatch(l -> l.startsWith("--activation softplus: given, overrides the rule's"
        + " sin")), String.join("\n", given.explain()));
    for (String name : new String[] {"harmonic", "cosine"}) {
      Problem open = OperatorCatalog.build(OperatorRequest.named(name, 2, 0.5));
      SolveConfig c = SolveBuilder.of(open).outputs(4).config();
      assertEquals(SolveDefaults.ACTIVATION, c.activation(), name);
      assertNull(c.maskShape(), name);
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> SolveBuilder.of(open).outputs(4).mask(MaskShape.COSINE).config());
      assertTrue(e.getMessage().startsWith("--mask cosine does not apply"), e.getMessage());
    }
  }

  @Test
  void aTorusLearnsOnItsHarmonics() {
    // the cosine operator on [−π, π)^d: K = 8 harmonics per axis, so every learned function is periodic
    for (int d : new int[] {1, 2}) {
      Recipe r = recipe(OperatorCatalog.build(OperatorRequest.named("cosine", d, 0.5)), 4);
      assertEquals(Recipe.PERIODIC_HARMONICS * d, r.fourierFeatures(), "d = " + d);
      assertTrue(r.choices().stream().anyMatch(c -> c.option().equals("--fourier") && c.rule().startsWith("a torus")));
    }
  }

  /**
   * In d = 6 and 16 (oscillator, ground state and first shell: E₁ = d/2, b/a ≈ d/2 + 2): the raw input and a
   * Gaussian wider than the ground state's 1/√2 (so f₀ = ψ₀/√p stays bounded) whose square root starts training
   * where T is positive, E(√p) ≤ E₁ + (b/a − E₁)/4 (= d/2 + 1/2), where the former √2 floor gave 1.0 (E(√p) = 0.625d,
   * above b/a in 16-D) and in 16-D a three-scale mixture.
   */
  @Test
  void highDimensionKeepsTheRawInputAndAGaussianWhoseSquareRootLiesWhereTIsPositive() {
    for (int d : new int[] {6, 16}) {
      Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", d, 0.5));
      Recipe r = recipe(oscillator, d + 1);
      assertEquals(0, r.fourierFeatures());
      assertEquals(SamplingDensity.Kind.GAUSSIAN, r.sampler(), "d = " + d);
      assertTrue(r.samplerScale() > Math.sqrt(0.5) && r.samplerScale() < 0.95, "d = " + d + ": scale "
          + r.samplerScale());
      double energy = EnvelopeEnergy.of(oscillator.operator(), new SamplingDensity.Gaussian(d, r.samplerScale()));
      assertTrue(energy <= d / 2.0 + 0.5 + 0.05, "d = " + d + ": E(√p) = " + energy);
    }
  }

  @Test
  void theEnvelopeEnergyOfAGaussianIsItsClosedForm() {
    // √p = exp(−x²/(4s²)) in the d-dimensional oscillator: E = d·(1/(8s²) + s²/2)
    Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", 4, 0.5));
    double s = 1.3;
    assertEquals(4 * (1 / (8 * s * s) + s * s / 2), EnvelopeEnergy.of(oscillator.operator(),
        new SamplingDensity.Gaussian(4, s)), 0.14, "4 standard errors of 4096 points");
  }

  @Test
  void anOptionGivenWinsAndTheExplanationSaysWhichRuleItOverrode() {
    SolveBuilder b = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5))).outputs(3)
        .sampler(null, 2.0).fourier(0, null);
    assertEquals(2.0, b.config().samplerScale());
    assertEquals(SamplingDensity.Kind.GAUSSIAN, b.config().sampler());
    assertEquals(0, b.config().fourierFeatures());
    assertTrue(b.explain().stream().anyMatch(l -> l.startsWith("--sampler-scale 2.00: given, overrides the rule's")),
        String.join("\n", b.explain()));
    assertTrue(b.explain().stream().anyMatch(l -> l.startsWith("--fourier 0: given, overrides")));
    // the learning-rate rule follows the input in use: raw input, so the base rate, not the Fourier rate 2e-3
    assertEquals(SolveDefaults.LEARNING_RATE, b.config().learningRate());
    assertTrue(b.explain().stream().anyMatch(l -> l.equals("--lr 0.00100: the base rate (raw input)")),
        String.join("\n", b.explain()));
    SolveBuilder fourier = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5)))
        .outputs(3).fourier(16, null);
    assertEquals(2e-3, fourier.config().learningRate(), "shared network on the given Fourier features");
  }

  /** Levels listed with their degeneracies, ascending. */
  private static double[] shells(double[] energies, int[] degeneracies) {
    return java.util.stream.IntStream.range(0, energies.length)
        .flatMap(i -> java.util.stream.IntStream.generate(() -> i).limit(degeneracies[i]))
        .mapToDouble(i -> energies[i]).toArray();
  }

  @Test
  void guardsLiftTheLastWantedModeOnlyWhereItLags() {
    // 2D box, units of π²c/(2w)²: n₁² + n₂² = 2, 5, 5, 8, 10, 10, 13, 13, 17, 17 | 18 | 20, 20 | 25, 25 | 26, 26
    double[] box = {2, 5, 5, 8, 10, 10, 13, 13, 17, 17, 18, 20, 20, 25, 25, 26, 26, 29, 29, 32, 34, 34};
    Recipe.Guard g = Recipe.guard(box, 10);
    assertEquals(1, g.count(), g.choice().rule()); // λ_L/λ_1 = 1/16 without, (20 − 17)/(20 − 2) = 1/6 with one
    assertTrue(g.choice().rule().contains("0.0625") && g.choice().rule().contains("0.167"), g.choice().rule());
    // oscillators: 1D E = n + ½, L = 5 (1/5) and L = 10 (1/10), 2D L = 10 (1/4): no guards (they measured worse)
    double[] line = java.util.stream.IntStream.range(0, 42).mapToDouble(n -> n + 0.5).toArray();
    assertEquals(0, Recipe.guard(line, 5).count());
    assertEquals(0, Recipe.guard(line, 10).count());
    double[] plane = shells(new double[] {1, 2, 3, 4, 5, 6, 7}, new int[] {1, 2, 3, 4, 5, 6, 7});
    assertEquals(0, Recipe.guard(plane, 10).count());
    // 1D, L = 20: 1/20 without, (21.5 − 19.5)/(21.5 − 0.5) = 0.095 with one
    assertEquals(1, Recipe.guard(line, 20).count());
    assertEquals(0, Recipe.guard(line, 1).count(), "one wanted level is its own ground state");
  }

  @Test
  void noGuardsWhereAQuarterOfLCannotLiftTheLastMode() {
    // 2D hydrogen E_n = −2/(2n+1)², 2n + 1 states, L = 16 (n ≤ 3): 0.008 without guards, 0.012 with ⌈16/4⌉ = 4
    double[] levels = shells(java.util.stream.IntStream.range(0, 7).mapToDouble(n -> -2.0 / ((2 * n + 1) * (2 * n + 1)))
        .toArray(), new int[] {1, 3, 5, 7, 9, 11, 13});
    Recipe.Guard g = Recipe.guard(levels, 16);
    assertEquals(0, g.count());
    assertTrue(g.choice().rule().contains("cannot lift"), g.choice().rule());
  }

  @Test
  void theBoxGetsAGuardWhoseLevelTheMappingCaptures() {
    Problem box = OperatorCatalog.build(OperatorRequest.named("box", 2, 0.5));
    SolveBuilder b = SolveBuilder.of(box).outputs(10);
    SolveConfig c = b.config();
    assertEquals(1, c.guard());
    assertEquals(10, c.outputs());
    // T = a(−H) + b maps the first level above the 11 trained states (n₁² + n₂² = 20) to 0 and the 11th (18) to 1
    double[] e = box.exact().eigenvalues(13);
    assertEquals(e[11], c.operatorShift() / c.operatorScale(), 1e-6 * e[11]);
    assertEquals(1 / (e[11] - e[10]), c.operatorScale(), 1e-6 * c.operatorScale());
    assertTrue(b.explain().stream().anyMatch(l -> l.startsWith("--guard 1: the last wanted")),
        String.join("\n", b.explain()));
    // an option given wins; the baselines train no guards unless asked
    assertEquals(0, SolveBuilder.of(box).outputs(10).guard(0).config().guard());
    SolveBuilder spin = SolveBuilder.of(box).outputs(10).method(org.opsvd.solver.loss.Method.SPIN);
    assertEquals(0, spin.config().guard());
    assertTrue(spin.explain().stream().anyMatch(l -> l.startsWith("--guard 0: no guards for spin")),
        String.join("\n", spin.explain()));
  }
}
