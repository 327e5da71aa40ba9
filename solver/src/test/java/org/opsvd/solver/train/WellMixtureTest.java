package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * The mixture of Gaussians at the wells, p = ½N((−2, 0.5, 0, 0), diag(s²σ₁²)) + ½N((2, 0, 0, −1), diag(s²σ₂²)) in
 * 4-D with s = 1.3 and different widths per well and axis: normalised, importance terms equal to finite differences
 * of √p, inverse-CDF draws with its moments, the graph's √p equal to Java's, and a configuration round trip.
 */
class WellMixtureTest {

  private static final double[][] CENTRES = {{-2, 0.5, 0, 0}, {2, 0, 0, -1}};
  private static final double[][] WIDTHS = {{0.42, 0.7, 0.6, 0.8}, {0.5, 0.65, 0.7, 0.3}};
  private static final SamplingDensity.WellMixture P = new SamplingDensity.WellMixture(4, 1.3, CENTRES, WIDTHS);

  @Test
  void itIsNormalised() {
    // ∫p by Monte Carlo under a wide Gaussian q: E_q[p/q] = 1 (standard error ≈ 0.01 at 10⁵ points)
    SamplingDensity.Gaussian q = new SamplingDensity.Gaussian(4, 2.0);
    int n = 100_000;
    double[] xs = new double[n * 4];
    q.sample(new Well19937c(5), xs, n);
    double sum = 0;
    double[] x = new double[4];
    for (int i = 0; i < n; i++) {
      System.arraycopy(xs, i * 4, x, 0, 4);
      double r = P.sqrtDensity(x) / q.sqrtDensity(x);
      sum += r * r / n;
    }
    assertEquals(1.0, sum, 0.04);
    // in 1-D, exactly by the trapezoid rule
    SamplingDensity.WellMixture line = new SamplingDensity.WellMixture(1, 1.5, new double[][] {{-2}, {3}},
        new double[][] {{0.4}, {0.9}});
    double total = 0;
    for (double t = -20; t <= 20; t += 1e-3) {
      double s = line.sqrtDensity(new double[] {t});
      total += s * s * 1e-3;
    }
    assertEquals(1.0, total, 1e-9);
  }

  @Test
  void driftAndCurvatureMatchFiniteDifferencesOfSqrtP() {
    // at one well, between them, and far out (one component dominates by e^{−100})
    for (double[] x : new double[][] {{-1.8, 0.3, 0.2, -0.1}, {0.1, 0.2, -0.3, -0.5}, {9, -6, 4, 7}}) {
      SamplingDensityTest.checkAgainstFiniteDifferences(P, x, 1e-5);
    }
  }

  /** Mean ½(μ₁ + μ₂), second moment ½Σ_k (μ_kj² + s²σ_kj²), per axis, on one Sobol batch of 4096 points, to 1 %. */
  @Test
  void theTransformOfUniformsHasItsMoments() {
    int n = 4096;
    int d = 4;
    QuasiRandomDraws draws = new QuasiRandomDraws(n, P.uniforms());
    double[] u = draws.next(new Well19937c(3));
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) P.transform(u, i * P.uniforms(), x, i * d);
    for (int j = 0; j < d; j++) {
      double mean = 0;
      double second = 0;
      for (int i = 0; i < n; i++) {
        mean += x[i * d + j] / n;
        second += x[i * d + j] * x[i * d + j] / n;
      }
      double expectedMean = 0.5 * (CENTRES[0][j] + CENTRES[1][j]);
      double expectedSecond = 0;
      for (int k = 0; k < 2; k++) {
        double s = 1.3 * WIDTHS[k][j];
        expectedSecond += 0.5 * (CENTRES[k][j] * CENTRES[k][j] + s * s);
      }
      assertEquals(expectedMean, mean, 0.01 * Math.sqrt(expectedSecond), "mean, axis " + j);
      assertEquals(expectedSecond, second, 0.01 * expectedSecond, "second moment, axis " + j);
    }
    assertEquals(d + 1, P.uniforms());
  }

  @Test
  void theGraphsSqrtDensityIsJavas() {
    double[][] points = {{-1.8, 0.3, 0.2, -0.1}, {0.1, 0.2, -0.3, -0.5}, {2.2, 0.1, 0.4, -0.8}, {6, -4, 3, 5}};
    try (Graph g = new Graph(); Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      double[] flat = new double[points.length * 4];
      for (int i = 0; i < points.length; i++) System.arraycopy(points[i], 0, flat, i * 4, 4);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {points.length, 4}, flat);
      double[] ones = new double[points.length];
      java.util.Arrays.fill(ones, 1);
      Operand<TFloat64> values = Precision.FLOAT64.constant(tf, new long[] {points.length, 1}, ones);
      Operand<TFloat64> psi = P.wavefunctions(tf, x, values, Precision.FLOAT64);
      try (var r = session.runner().fetch(psi).run()) {
        TFloat64 t = (TFloat64) r.get(0);
        for (int i = 0; i < points.length; i++) {
          double expected = P.sqrtDensity(points[i]);
          assertEquals(expected, t.getDouble(i, 0), 1e-12 * expected, "point " + i);
        }
      }
    }
  }

  @Test
  void aConfigurationRebuildsItAndBadInputIsNamed() {
    List<SamplingDensity.WellMixture.Component> wells = P.components();
    assertEquals(P, SamplingDensity.of(SamplingDensity.Kind.WELLS, 4, 1.3, null, wells));
    assertEquals(SamplingDensity.Kind.WELLS, SamplingDensity.Kind.parse("wells"));
    assertThrows(IllegalArgumentException.class, () -> SamplingDensity.of(SamplingDensity.Kind.WELLS, 4, 1.3, null,
        null));
    assertThrows(IllegalArgumentException.class, () -> SamplingDensity.of(SamplingDensity.Kind.GAUSSIAN, 4, 1.3, null,
        wells));
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.WellMixture(4, 1.3, CENTRES,
        new double[][] {{0.42, 0.7, 0.6, 0.8}, {0.5, 0.65, 0, 0.3}}));
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.WellMixture(4, 1.3, CENTRES,
        new double[][] {{0.42, 0.7, 0.6, 0.8}}));
  }
}
