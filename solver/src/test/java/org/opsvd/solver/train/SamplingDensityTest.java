package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The closed-form importance terms ∇log p and Δ√p/√p match central finite differences of √p, and
 * the densities are normalised and sample what they say.
 */
class SamplingDensityTest {

  @Test
  void gaussianDriftAndCurvatureMatchFiniteDifferencesOfSqrtP() {
    checkAgainstFiniteDifferences(new SamplingDensity.Gaussian(3, 1.7), new double[] {0.4, -1.1, 2.0}, 1e-6);
  }

  @Test
  void mixtureDriftAndCurvatureMatchFiniteDifferencesOfSqrtP() {
    SamplingDensity p = SamplingDensity.of(SamplingDensity.Kind.MIXTURE, 2, 8.0);
    // near the nucleus (narrow component dominates), between components, and in the far tail
    checkAgainstFiniteDifferences(p, new double[] {0.3, -0.2}, 1e-5);
    checkAgainstFiniteDifferences(p, new double[] {1.5, 2.0}, 1e-6);
    checkAgainstFiniteDifferences(p, new double[] {30.0, -25.0}, 1e-6);
  }

  @Test
  void mixtureIsNormalisedAndSamplesItsComponents() {
    SamplingDensity.GaussianMixture p = new SamplingDensity.GaussianMixture(1, new double[] {0.5, 4.0});
    double sum = 0;
    double h = 1e-3;
    for (double x = -40; x <= 40; x += h) {
      double s = p.sqrtDensity(new double[] {x});
      sum += s * s * h;
    }
    assertEquals(1.0, sum, 1e-9);
    double[] xs = new double[200_000];
    p.sample(new Well19937c(3), xs, xs.length);
    double var = 0;
    int near = 0;
    for (double v : xs) {
      var += v * v;
      if (Math.abs(v) < 1) near++;
    }
    assertEquals((0.25 + 16) / 2, var / xs.length, 0.15, "variance of the mixture");
    // P(|x| < 1) = ½ P(|N(0,.25)| < 1) + ½ P(|N(0,16)| < 1) = ½·0.9545 + ½·0.1974
    assertEquals(0.5760, near / (double) xs.length, 0.005);
    assertEquals("gaussian-mixture(s=0.500000,4.00000)", p.describe());
  }

  /** ∇log p and Δ√p/√p against central differences of √p at x (step 1e-4), to {@code tolerance} relative. */
  static void checkAgainstFiniteDifferences(SamplingDensity p, double[] x, double tolerance) {
    int d = x.length;
    double h = 1e-4;
    double s0 = p.sqrtDensity(x);
    double[] drift = new double[d];
    p.drift(x, drift);
    double lap = 0;
    for (int i = 0; i < d; i++) {
      double[] up = x.clone();
      double[] dn = x.clone();
      up[i] += h;
      dn[i] -= h;
      double su = p.sqrtDensity(up);
      double sd = p.sqrtDensity(dn);
      // ∇log p = 2∇√p/√p
      assertEquals(2 * (su - sd) / (2 * h) / s0, drift[i], tolerance * Math.max(1, Math.abs(drift[i])), "drift " + i);
      lap += (su - 2 * s0 + sd) / (h * h);
    }
    assertEquals(lap / s0, p.curvature(x), tolerance * Math.max(1, Math.abs(lap / s0)), "curvature");
  }

  @Test
  void gaussianIsNormalisedAndHasTheRequestedSpread() {
    SamplingDensity p = new SamplingDensity.Gaussian(1, 2.0);
    // ∫ p dx by the trapezoid rule on [-20, 20]
    double sum = 0;
    double h = 1e-3;
    for (double x = -20; x <= 20; x += h) {
      double s = p.sqrtDensity(new double[] {x});
      sum += s * s * h;
    }
    assertEquals(1.0, sum, 1e-9);
    double[] xs = new double[100_000];
    p.sample(new Well19937c(1), xs, xs.length);
    double var = 0;
    for (double v : xs) var += v * v;
    assertEquals(4.0, var / xs.length, 0.05);
  }

  /**
   * A shaped Gaussian N(0, diag(s²a_j²)): its importance terms match finite differences, it is the product of its
   * one-dimensional factors (normalised), samples its per-axis variances, and with a = 1 it is the isotropic one.
   */
  @Test
  void shapedGaussianHasPerAxisSpreads() {
    SamplingDensity.Gaussian p = new SamplingDensity.Gaussian(3, 2.0, new double[] {1, 0.5, 0.25});
    checkAgainstFiniteDifferences(p, new double[] {0.7, -0.4, 0.2}, 1e-6);
    double[] x = {0.7, -0.4, 0.2};
    double product = new SamplingDensity.Gaussian(1, 2.0).sqrtDensity(new double[] {0.7})
        * new SamplingDensity.Gaussian(1, 1.0).sqrtDensity(new double[] {-0.4})
        * new SamplingDensity.Gaussian(1, 0.5).sqrtDensity(new double[] {0.2});
    assertEquals(product, p.sqrtDensity(x), 1e-15 * product);
    double[] xs = new double[3 * 100_000];
    p.sample(new Well19937c(4), xs, 100_000);
    double[] var = new double[3];
    for (int i = 0; i < xs.length; i++) var[i % 3] += xs[i] * xs[i] / 100_000;
    assertEquals(4.0, var[0], 0.05);
    assertEquals(1.0, var[1], 0.0125);
    assertEquals(0.25, var[2], 0.003);
    SamplingDensity.Gaussian round = new SamplingDensity.Gaussian(3, 2.0, new double[] {1, 1, 1});
    SamplingDensity.Gaussian iso = new SamplingDensity.Gaussian(3, 2.0);
    assertEquals(iso.sqrtDensity(x), round.sqrtDensity(x), 1e-16);
    assertEquals(iso.curvature(x), round.curvature(x), 1e-14);
    assertEquals("gaussian(s=2.00000, axes 1.00,0.500,0.250)", p.describe());
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.Gaussian(3, 2.0, new double[] {1, 2, 1}));
  }

  @Test
  void uniformBoxHasNoImportanceTermsAndStaysInside() {
    SamplingDensity p = new SamplingDensity.UniformBox(2, 3.0);
    double[] xs = new double[20_000];
    p.sample(new Well19937c(2), xs, 10_000);
    for (double v : xs) assertTrue(Math.abs(v) <= 3.0);
    assertEquals(1 / 6.0, p.sqrtDensity(new double[] {0.5, -2.9}), 1e-15);
    assertEquals(0.0, p.curvature(new double[] {0.5, 1}), 0.0);
  }

  /**
   * The inverse-CDF map from uniforms has each density's second moments: σ_j² per axis for a shaped Gaussian,
   * d·mean(s_k²) for the mixture (its first uniform picks the component), ℓ²/3 per axis in the box; read on one
   * Sobol batch of 4096 points, to 1 %.
   */
  @Test
  void theTransformOfUniformsHasTheDensitysMoments() {
    SamplingDensity shaped = new SamplingDensity.Gaussian(3, 2.0, new double[] {1, 0.5, 0.25});
    SamplingDensity mixture = SamplingDensity.GaussianMixture.threeScale(2, 4.0);
    SamplingDensity box = new SamplingDensity.UniformBox(2, 3.0);
    double[][] expected = {{4, 1, 0.25}, {(1.0 / 256 + 1.0 / 16 + 1) * 16 / 3, (1.0 / 256 + 1.0 / 16 + 1) * 16 / 3},
        {3, 3}};
    SamplingDensity[] densities = {shaped, mixture, box};
    for (int k = 0; k < 3; k++) {
      SamplingDensity p = densities[k];
      int d = p.dimension();
      int n = 4096;
      QuasiRandomDraws draws = new QuasiRandomDraws(n, p.uniforms());
      double[] u = draws.next(new Well19937c(3));
      double[] x = new double[n * d];
      for (int i = 0; i < n; i++) p.transform(u, i * p.uniforms(), x, i * d);
      for (int j = 0; j < d; j++) {
        double second = 0;
        for (int i = 0; i < n; i++) second += x[i * d + j] * x[i * d + j] / n;
        assertEquals(expected[k][j], second, 0.01 * expected[k][j], p.describe() + ", axis " + j);
      }
    }
  }

  @Test
  void badInputIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> SamplingDensity.Kind.parse("laplace"));
    assertTrue(e.getMessage().contains("laplace"));
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.Gaussian(2, -1));
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.UniformBox(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new SamplingDensity.GaussianMixture(2, new double[] {1, 0}));
  }
}
