package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Randomised Sobol batches: every point lies inside the open cube, each batch of 2^k points is stratified (each
 * axis's 2^k cells of width 2^{-k} hold one point each), and the batch mean of a smooth integrand is unbiased over
 * shifts with a far smaller variance than that of independent points.
 */
class QuasiRandomDrawsTest {

  @Test
  void pointsLieInTheOpenCubeAndEachAxisIsStratified() {
    QuasiRandomDraws draws = new QuasiRandomDraws(256, 5);
    double[] u = draws.next(new Well19937c(1));
    for (int j = 0; j < 5; j++) {
      boolean[] cell = new boolean[256];
      for (int i = 0; i < 256; i++) {
        double v = u[i * 5 + j];
        assertTrue(v > 0 && v < 1, "u = " + v);
        cell[(int) (v * 256)] = true;
      }
      for (int c = 0; c < 256; c++) assertTrue(cell[c], "axis " + j + ": cell " + c + " of 256 is empty");
    }
  }

  /** g(u) = Π_j e^{u_j}: smooth, with mean (e − 1)^m over the unit cube. */
  private static double integrand(double[] u, int at, int m) {
    double g = 1;
    for (int j = 0; j < m; j++) g *= Math.exp(u[at + j]); // mean (e − 1)^m
    return g;
  }

  @Test
  void batchMeansAreUnbiasedWithSmallerVarianceThanIndependentPoints() {
    int m = 5;
    int n = 1024;
    int replicas = 300;
    double exact = Math.pow(Math.E - 1, m);
    QuasiRandomDraws draws = new QuasiRandomDraws(n, m);
    Well19937c rng = new Well19937c(7);
    double[] sobol = new double[replicas];
    double[] random = new double[replicas];
    double[] u = new double[n * m];
    for (int r = 0; r < replicas; r++) {
      double[] shifted = draws.next(rng);
      for (int i = 0; i < n; i++) sobol[r] += integrand(shifted, i * m, m) / n;
      for (int i = 0; i < n * m; i++) u[i] = rng.nextDouble();
      for (int i = 0; i < n; i++) random[r] += integrand(u, i * m, m) / n;
    }
    double[] sobolStats = meanAndStdError(sobol);
    double[] randomStats = meanAndStdError(random);
    assertEquals(exact, sobolStats[0], 4 * sobolStats[1], "Sobol mean over " + replicas + " shifts");
    assertEquals(exact, randomStats[0], 4 * randomStats[1], "independent mean");
    // measured: variance ratio ≈ 100 at n = 1024 in 5-D for this integrand; assert a tenth of it
    double ratio = Math.pow(randomStats[1] / sobolStats[1], 2);
    assertTrue(ratio > 10, "variance ratio independent/Sobol " + ratio);
  }

  private static double[] meanAndStdError(double[] v) {
    double mean = java.util.Arrays.stream(v).average().orElseThrow();
    double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
    return new double[] {mean, Math.sqrt(var / v.length)};
  }

  /**
   * Φ^{-1} inverts Φ to 1e-9 plus the rounding of Φ(z) itself (2^{-52}/φ(z)) for |z| ≤ 6; beyond, it is limited by 2u − 1 near ∓1 (Hipparchus's erfInv), which
   * moves only probability ~1e-15, and the extreme uniforms of a batch still map to finite points.
   */
  @Test
  void theNormalQuantileInvertsTheNormalDistribution() {
    org.hipparchus.distribution.continuous.NormalDistribution normal =
        new org.hipparchus.distribution.continuous.NormalDistribution();
    for (double z : new double[] {-6, -3, -1, -0.1, 0, 0.5, 2, 6}) {
      double rounding = 0x1p-52 / normal.density(z);
      assertEquals(z, QuasiRandomDraws.normal(normal.cumulativeProbability(z)), 1e-9 + rounding, "z = " + z);
    }
    assertEquals(-8.2, QuasiRandomDraws.normal(0.5 / 0x1p52), 0.1);
    assertEquals(8.2, QuasiRandomDraws.normal(1 - 0.5 / 0x1p52), 0.1);
  }

  @Test
  void tooManyUniformsPerPointAreRefusedWithTheWayOut() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new QuasiRandomDraws(16, QuasiRandomDraws.MAX_DIMENSION + 1));
    assertTrue(e.getMessage().contains("--sequence random"), e.getMessage());
  }

  /**
   * A training batch's two halves come from separate shifts, so their means are uncorrelated and the product of the
   * two (what the nested losses' Gram terms estimate) is unbiased for the squared mean.
   */
  @Test
  void theHalvesOfASobolBatchAreIndependent() {
    SamplingDensity p = new SamplingDensity.Gaussian(2, 1.0);
    AdaptiveDensity q = new AdaptiveDensity(p, PointSequence.SOBOL);
    int n = 256;
    int replicas = 2000;
    double[] x = new double[n * 2];
    double[] a = new double[replicas];
    double[] b = new double[replicas];
    Well19937c rng = new Well19937c(5);
    for (int r = 0; r < replicas; r++) {
      q.sample(rng, x, n);
      for (int i = 0; i < n; i++) {
        double g = Math.exp(x[2 * i] + 0.5 * x[2 * i + 1]); // E = e^{(1 + 1/4)/2}
        if (i < n / 2) a[r] += g / (n / 2); else b[r] += g / (n / 2);
      }
    }
    double[] sa = meanAndStdError(a);
    double[] sb = meanAndStdError(b);
    double cov = 0;
    for (int r = 0; r < replicas; r++) cov += (a[r] - sa[0]) * (b[r] - sb[0]) / (replicas - 1);
    double correlation = cov / (sa[1] * sb[1] * replicas);
    assertEquals(0, correlation, 4 / Math.sqrt(replicas), "correlation of the two half means");
    double exact = Math.exp(0.625);
    assertEquals(exact, sa[0], 4 * sa[1], "first half");
    assertEquals(exact, sb[0], 4 * sb[1], "second half");
  }
}
