package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.neural.Precision;

/**
 * The output layer set by Rayleigh–Ritz over the last hidden layer's features after training: on the 1D oscillator
 * (E = 0.5, 1.5, 2.5) it lowers the Ritz values on points the fit never saw, keeps each output's trained norm, is what
 * the run directory's checkpoint evaluates to, and is refused when the fit rule cannot integrate the features.
 */
class OutputLayerRitzTest {

  private static final Problem OSCILLATOR = OperatorCatalog.build(OperatorRequest.named("harmonic", 1, 0.5));
  private static final double[] EXACT = {0.5, 1.5, 2.5};

  private static SolveBuilder solve() {
    return SolveBuilder.of(OSCILLATOR).outputs(3).steps(400).batch(256).hidden(32).evalGrid(400).figures(false);
  }

  private static double errorSum(NeuralSolver.Result r) {
    double sum = 0;
    for (int k = 0; k < EXACT.length; k++) sum += r.evaluation().rayleigh()[k] - EXACT[k];
    return sum;
  }

  /**
   * Same seed with and without the refinement: the refined run's summed error Σ(E_k − exact), read on the 400-point
   * evaluation grid, is lower (measured 2.9e-3 → 1.1e-7 after 400 steps); each output keeps its trained norm (NeuralSVD's
   * estimate of T's eigenvalue, to 1e-6) and sign; the checkpoint carries the layer for {@code eval} and
   * {@code export}, while its training state is the unrefined run's, so the run re-read without the refinement gives
   * the plain run's numbers.
   */
  @Test
  void theRefinedLayerLowersTheLevelsAndIsWhatTheRunEvaluates(@TempDir Path dir) throws Exception {
    NeuralSolver.Result plain = solve().outputRitz(false).writeTo(dir.resolve("plain")).solve();
    NeuralSolver.Result refined = solve().outputRitz(true).writeTo(dir.resolve("refined")).solve();
    assertEquals(null, plain.refinement());
    assertTrue(refined.refinement().note().startsWith("output layer refined by Rayleigh–Ritz over its 33 features on "
        + "uniform grid 401"), refined.refinement().note());
    double before = errorSum(plain);
    double after = errorSum(refined);
    System.out.printf("summed error %.3e → %.3e%n", before, after);
    assertTrue(before > 0 && after > 0, "Ritz values lie above the exact levels");
    assertTrue(after < before, before + " → " + after);
    for (int k = 0; k < EXACT.length; k++) {
      assertEquals(plain.evaluation().normEnergies()[k], refined.evaluation().normEnergies()[k], 1e-6, "norm " + k);
    }
    double[] a = plain.evaluation().psi().valuesCopy().data;
    double[] b = refined.evaluation().psi().valuesCopy().data;
    double overlap = 0;
    for (int i = 0; i < a.length; i++) overlap += a[i] * b[i];
    assertTrue(overlap > 0, "signs kept");

    Checkpoint plainCheckpoint = Checkpoint.read(dir.resolve("plain"));
    Checkpoint refinedCheckpoint = Checkpoint.read(dir.resolve("refined"));
    assertEquals(0, plainCheckpoint.outputLayer().length);
    List<double[]> evaluated = refinedCheckpoint.evaluated(refined.network());
    for (int i = 0; i < evaluated.size(); i++) {
      assertArrayEquals(refined.parameters().get(i), evaluated.get(i), 0, "parameter " + i);
      assertArrayEquals(plainCheckpoint.averages().get(i), refinedCheckpoint.averages().get(i), 0, "average " + i);
    }
    // the setting only changes the final step: the finished run re-read without it is the plain run
    NeuralSolver.Result reread = solve().outputRitz(false).resumeFrom(dir.resolve("refined")).solve();
    assertEquals(null, reread.refinement());
    assertArrayEquals(plain.evaluation().rayleigh(), reread.evaluation().rayleigh(), 0);
  }

  /**
   * Fitted on 12 points, fewer than the 33 features, the layer interpolates the fit rule's nodes rather than H: its
   * held-out Ritz values rise and the trained layer is kept, unchanged.
   */
  @Test
  void aFitThatDoesNotHoldOnOtherPointsIsRefused() {
    NeuralSolver.Result r = solve().outputRitz(false).solve();
    SolveReference.Quadrature coarse = rule(12);
    SolveReference.Quadrature fine = rule(401);
    SamplingDensity density = NeuralSolver.density(solve().outputRitz(false).config());
    OutputLayerRitz.Outcome refused = OutputLayerRitz.refine(r.network(), r.parameters(), OSCILLATOR.operator(),
        density, new SolveReference.Quadrature[] {coarse, fine}, r.shift(), Precision.FLOAT64);
    assertFalse(refused.kept(), refused.note());
    assertSame(r.parameters(), refused.parameters());
    assertTrue(refused.refinedSum() > refused.trainedSum(), refused.note());
    assertTrue(refused.note().startsWith("output layer kept as trained"), refused.note());

    OutputLayerRitz.Outcome kept = OutputLayerRitz.refine(r.network(), r.parameters(), OSCILLATOR.operator(),
        density, new SolveReference.Quadrature[] {rule(401), rule(402)}, r.shift(), Precision.FLOAT64);
    assertTrue(kept.kept(), kept.note());
    assertTrue(kept.refinedSum() < kept.trainedSum() && kept.trainedSum() - Arrays.stream(EXACT).sum() < 0.1,
        kept.note());
  }

  /**
   * Per-output envelope scales, which training moves apart, leave no features the outputs share: asked for anyway, the
   * refinement leaves the layer as trained and says why, and the solve's results are those of the trained layer.
   */
  @Test
  void outputsWithoutSharedFeaturesAreLeftAsTrained() {
    NeuralSolver.Result r = SolveBuilder.of(OSCILLATOR).outputs(2).steps(100).batch(128).hidden(16).evalGrid(200)
        .envelope(2.0).outputRitz(true).figures(false).solve();
    assertFalse(r.refinement().kept());
    assertEquals("output layer not refined: the envelope's scales differ between outputs", r.refinement().note());
    NeuralSolver.Result plain = SolveBuilder.of(OSCILLATOR).outputs(2).steps(100).batch(128).hidden(16).evalGrid(200)
        .envelope(2.0).outputRitz(false).figures(false).solve();
    assertArrayEquals(plain.evaluation().rayleigh(), r.evaluation().rayleigh(), 0);
  }

  /** The uniform rule with n points on the oscillator's box [−ℓ, ℓ] (trapezoid weights h, ends included). */
  private static SolveReference.Quadrature rule(int n) {
    double ell = OSCILLATOR.halfWidth();
    double h = 2 * ell / (n - 1);
    double[] x = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -ell + i * h;
      w[i] = h;
    }
    return new SolveReference.Quadrature(x, w, n + " points", null, null, null, false);
  }
}
