package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * An adaptive training density: fitted to the learned functions, it keeps every importance-weighted estimate
 * unbiased (the estimates agree with those of the fixed envelope within their statistical errors), bounds its
 * weights, and restores from its saved state exactly.
 */
class AdaptiveDensityTest {

  /** ψ(x) = exp(−(x − m)²/(4σ²)), so ρ = ψ²/‖ψ‖² is N(m, σ²); the network output is f = ψ/√p. */
  private static double[] outputs(SamplingDensity p, double[] points, int d, double m, double sigma) {
    int n = points.length / d;
    double[] f = new double[n];
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points, i * d, x, 0, d);
      double r2 = 0;
      for (double v : x) r2 += (v - m) * (v - m);
      f[i] = Math.exp(-r2 / (4 * sigma * sigma)) / p.sqrtDensity(x);
    }
    return f;
  }

  private static AdaptiveDensity fitted(SamplingDensity envelope, double m, double sigma, long seed) {
    AdaptiveDensity q = new AdaptiveDensity(envelope);
    int n = 20_000;
    int d = envelope.dimension();
    double[] points = new double[n * d];
    q.sample(new Well19937c(seed), points, n);
    assertTrue(q.fit(points, outputs(envelope, points, d, m, sigma), 1, n));
    return q;
  }

  @Test
  void theFitFollowsTheLearnedFunctionsInflatedByC() {
    SamplingDensity wide = new SamplingDensity.Gaussian(2, 2.0);
    AdaptiveDensity q = fitted(wide, 0.5, 0.6, 1);
    double[] s = q.state(); // μ (2), then the Cholesky factor of Σ (2×2)
    assertEquals(0.5, s[0], 0.02);
    assertEquals(0.5, s[1], 0.02);
    assertEquals(AdaptiveDensity.INFLATION * 0.6, s[2], 0.02, "σ·c along x");
    assertEquals(0, s[4], 0.02, "no correlation");
    assertEquals(AdaptiveDensity.INFLATION * 0.6, s[5], 0.02, "σ·c along y");
    // the fit read a wide envelope's points: under ρ, few of them count
    assertTrue(q.effectiveFraction() < 0.3, "fit " + q.effectiveFraction());
    // the next fit, from the adapted density's own points, sees ρ far better
    double[] points = new double[20_000 * 2];
    q.sample(new Well19937c(2), points, 20_000);
    assertTrue(q.fit(points, outputs(wide, points, 2, 0.5, 0.6), 1, 20_000));
    assertTrue(q.effectiveFraction() > 0.7, "fit " + q.effectiveFraction());
  }

  @Test
  void weightsAreBoundedByOneOverAlphaAndOneBeforeAnyFit() {
    SamplingDensity p = new SamplingDensity.Gaussian(1, 1.0);
    AdaptiveDensity q = new AdaptiveDensity(p);
    assertFalse(q.fitted());
    assertEquals(1, q.weight(new double[] {3}));
    q = fitted(p, 0, 0.3, 3);
    for (double x = -20; x <= 20; x += 0.01) {
      double w = q.weight(new double[] {x});
      assertTrue(w >= 0 && w <= 1 / AdaptiveDensity.DEFENSIVE + 1e-12, "w(" + x + ") = " + w);
    }
    assertEquals(1 / AdaptiveDensity.DEFENSIVE, q.weight(new double[] {15}), 1e-6, "far out q = αp");
  }

  /**
   * The moments training estimates, E_p[f²] = ‖ψ‖² and E_p[f·T̃f] (here the 1D oscillator's ⟨ψ, Hψ⟩ of a Gaussian
   * ψ of width σ, with local energy ε(x) = Hψ/ψ), from a fixed envelope and from the density adapted to ψ: both
   * agree with the exact integrals within 4 standard errors, and the adapted one has the smaller error.
   */
  @Test
  void estimatesStayUnbiasedOnA1dProblemAndGainPrecision() {
    double sigma = 0.7;
    SamplingDensity p = new SamplingDensity.Gaussian(1, 2.5);
    AdaptiveDensity adapted = fitted(p, 0.3, sigma, 5); // fitted off-centre: the weights must correct it
    double norm = Math.sqrt(2 * Math.PI) * sigma; // ∫ exp(−x²/(2σ²))
    // H = −½ d²/dx² + x²/2 on ψ = exp(−x²/(4σ²)): ε = 1/(4σ²) − x²/(8σ⁴) + x²/2
    double energy = norm * (1 / (4 * sigma * sigma) - sigma * sigma / (8 * Math.pow(sigma, 4)) + sigma * sigma / 2);
    int n = 4096;
    int replicas = 200;
    for (AdaptiveDensity q : new AdaptiveDensity[] {new AdaptiveDensity(p), adapted}) {
      double[] gram = new double[replicas];
      double[] op = new double[replicas];
      Well19937c rng = new Well19937c(11);
      for (int r = 0; r < replicas; r++) {
        double[] x = new double[n];
        q.sample(rng, x, n);
        double[] f = outputs(p, x, 1, 0, sigma);
        for (int i = 0; i < n; i++) {
          double w = q.weight(new double[] {x[i]});
          double eps = 1 / (4 * sigma * sigma) - x[i] * x[i] / (8 * Math.pow(sigma, 4)) + x[i] * x[i] / 2;
          gram[r] += w * f[i] * f[i] / n;
          op[r] += w * f[i] * f[i] * eps / n;
        }
      }
      assertUnbiased(norm, gram, q.fitted() ? "adapted ‖ψ‖²" : "fixed ‖ψ‖²");
      assertUnbiased(energy, op, q.fitted() ? "adapted ⟨ψ, Hψ⟩" : "fixed ⟨ψ, Hψ⟩");
    }
  }

  /**
   * Sobol batches ({@link PointSequence#SOBOL}) estimate the same moments without bias, from the envelope (a 3-D
   * mixture, whose first uniform picks the component), and from the adapted density (one more uniform picks p or g),
   * and with a smaller spread than independent draws of the same size.
   */
  @Test
  void sobolBatchesAreUnbiasedAndLessNoisy() {
    double sigma = 0.7;
    int d = 3;
    SamplingDensity p = SamplingDensity.GaussianMixture.threeScale(d, 3.0);
    AdaptiveDensity adaptedRandom = fitted(p, 0.3, sigma, 5);
    AdaptiveDensity adaptedSobol = new AdaptiveDensity(p, PointSequence.SOBOL);
    adaptedSobol.restore(adaptedRandom.state());
    double norm = Math.pow(Math.sqrt(2 * Math.PI) * sigma, d); // ∫ exp(−|x|²/(2σ²))
    int n = 1024;
    int replicas = 200;
    AdaptiveDensity[][] pairs = {{new AdaptiveDensity(p), new AdaptiveDensity(p, PointSequence.SOBOL)},
        {adaptedRandom, adaptedSobol}};
    for (AdaptiveDensity[] pair : pairs) {
      double[] spread = new double[2];
      for (int k = 0; k < 2; k++) {
        AdaptiveDensity q = pair[k];
        double[] gram = new double[replicas];
        Well19937c rng = new Well19937c(17);
        double[] x = new double[n * d];
        double[] point = new double[d];
        for (int r = 0; r < replicas; r++) {
          q.sample(rng, x, n);
          double[] f = outputs(p, x, d, 0, sigma);
          for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * d, point, 0, d);
            gram[r] += q.weight(point) * f[i] * f[i] / n;
          }
        }
        String what = (q.fitted() ? "adapted" : "fixed") + (k == 1 ? " sobol" : " random") + " ‖ψ‖²";
        assertUnbiased(norm, gram, what);
        double mean = java.util.Arrays.stream(gram).average().orElseThrow();
        spread[k] = Math.sqrt(java.util.Arrays.stream(gram).map(v -> (v - mean) * (v - mean)).sum() / replicas);
      }
      assertTrue(spread[1] < spread[0] / 2, "spread of the batch means: random " + spread[0] + ", sobol "
          + spread[1]);
    }
  }

  private static void assertUnbiased(double exact, double[] estimates, String what) {
    double mean = java.util.Arrays.stream(estimates).average().orElseThrow();
    double var = java.util.Arrays.stream(estimates).map(v -> (v - mean) * (v - mean)).sum() / (estimates.length - 1);
    double se = Math.sqrt(var / estimates.length);
    assertEquals(exact, mean, 4 * se, what + ": mean of " + estimates.length + " estimates, s.e. " + se);
  }

  @Test
  void theAdaptedEstimateIsTheMorePrecise() {
    double sigma = 0.7;
    SamplingDensity p = new SamplingDensity.Gaussian(4, 2.0);
    AdaptiveDensity adapted = fitted(p, 0, sigma, 7);
    double[] spread = new double[2];
    int k = 0;
    for (AdaptiveDensity q : new AdaptiveDensity[] {new AdaptiveDensity(p), adapted}) {
      int n = 4096;
      double[] x = new double[n * 4];
      q.sample(new Well19937c(13), x, n);
      double[] f = outputs(p, x, 4, 0, sigma);
      double sum = 0;
      double sumSquares = 0;
      double[] point = new double[4];
      for (int i = 0; i < n; i++) {
        System.arraycopy(x, i * 4, point, 0, 4);
        double v = q.weight(point) * f[i] * f[i];
        sum += v;
        sumSquares += v * v;
      }
      spread[k++] = Math.sqrt(sumSquares / n - sum * sum / n / n) / (sum / n); // relative spread of w f²
    }
    assertTrue(spread[1] < spread[0] / 3, "relative spread fixed " + spread[0] + ", adapted " + spread[1]);
  }

  @Test
  void theStateRestoresTheSameDrawsAndWeights() {
    SamplingDensity p = new SamplingDensity.Gaussian(3, 1.5);
    AdaptiveDensity q = fitted(p, 0.2, 0.5, 9);
    AdaptiveDensity copy = new AdaptiveDensity(p);
    copy.restore(q.state());
    double[] a = new double[300];
    double[] b = new double[300];
    q.sample(new Well19937c(4), a, 100);
    copy.sample(new Well19937c(4), b, 100);
    assertArrayEquals(a, b);
    assertEquals(q.weight(new double[] {0.1, -0.3, 0.7}), copy.weight(new double[] {0.1, -0.3, 0.7}));
    copy.restore(new double[0]);
    assertFalse(copy.fitted());
  }

  @Test
  void aFitFromTooFewEffectivePointsKeepsTheDensity() {
    SamplingDensity p = new SamplingDensity.Gaussian(8, 5.0);
    AdaptiveDensity q = new AdaptiveDensity(p);
    int n = 64;
    double[] points = new double[n * 8];
    q.sample(new Well19937c(1), points, n);
    assertFalse(q.fit(points, outputs(p, points, 8, 0, 0.2), 1, n), "a narrow ψ seen by 64 wide points");
    assertFalse(q.fitted());
  }
}
