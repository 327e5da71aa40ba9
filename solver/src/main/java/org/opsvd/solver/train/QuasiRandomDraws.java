package org.opsvd.solver.train;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.SobolSequenceGenerator;
import org.hipparchus.special.Erf;

/**
 * Randomised quasi-Monte Carlo batches: the first B points of the Sobol sequence in (0, 1)^m, each batch XOR-ed
 * with a fresh random digital shift.
 *
 * <p>A digital shift moves every point of the net by the same random 52-bit pattern, so each shifted point is
 * uniform on (0, 1)^m (every batch mean is an unbiased estimate, whatever the integrand) while the batch keeps the
 * net's equidistribution: strata of volume 2^{-k} hold their exact share of points. For the smooth integrands of the
 * loss's moment matrices the variance of a batch mean then falls faster than the 1/B of independent draws. Batches
 * are independent of each other (one shift each), as independent draws are: a training batch takes two, one per
 * half ({@link AdaptiveDensity}).
 *
 * <p>Not thread-safe (one reused buffer).
 */
final class QuasiRandomDraws {

  private static final double SCALE = 0x1p52; // Hipparchus's Sobol points are k/2^52
  /** The most dimensions Hipparchus's Sobol direction numbers cover. */
  static final int MAX_DIMENSION = 21_201;

  private final int count;
  private final int m;
  private final long[] net; // [count, m] as 52-bit integers
  private final double[] u;

  /** The first {@code count} Sobol points in {@code m} dimensions (1 ≤ m ≤ 21 201). */
  QuasiRandomDraws(int count, int m) {
    if (count < 1) throw new IllegalArgumentException("a quasi-random batch needs at least one point, got " + count);
    if (m < 1 || m > MAX_DIMENSION) {
      throw new IllegalArgumentException("Sobol batches take 1 to " + MAX_DIMENSION + " uniforms per point (Joe–Kuo "
          + "direction numbers), this density needs " + m + ": use --sequence random");
    }
    this.count = count;
    this.m = m;
    this.net = new long[count * m];
    this.u = new double[count * m];
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(m);
    for (int i = 0; i < count; i++) {
      double[] v = sobol.nextVector();
      for (int j = 0; j < m; j++) net[i * m + j] = (long) (v[j] * SCALE);
    }
  }

  int count() {
    return count;
  }

  int dimension() {
    return m;
  }

  /**
   * One shifted batch [count, m] in the open cube: the middle of each 2^{-52} cell, so no coordinate is 0 or 1
   * (the inverse normal CDF stays finite). The array is reused by the next call.
   */
  double[] next(RandomGenerator rng) {
    for (int j = 0; j < m; j++) {
      long shift = rng.nextLong() >>> 12;
      for (int i = 0; i < count; i++) u[i * m + j] = ((net[i * m + j] ^ shift) + 0.5) / SCALE;
    }
    return u;
  }

  /** Φ^{-1}(u), the standard normal quantile, for u in (0, 1). */
  static double normal(double u) {
    return Math.sqrt(2) * Erf.erfInv(2 * u - 1);
  }
}
