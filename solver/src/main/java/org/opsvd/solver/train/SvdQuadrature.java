package org.opsvd.solver.train;

import java.util.Arrays;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.kernels.Measure;

/**
 * A quadrature for L²(ρ) of a sampling measure, to evaluate learned singular functions:
 * in 1D a midpoint grid (uniform: on [lo, hi]; Gaussian: on [−10σ, 10σ]) with weights ρ(x)·h; in
 * more dimensions N Monte Carlo points from ρ with weights 1/N.
 *
 * @param points  row-major [N, d]
 * @param weights [N], summing to ≈ 1
 */
public record SvdQuadrature(double[] points, double[] weights, String description) {

  /** The default quadrature of {@code measure} with about {@code n} points. */
  public static SvdQuadrature of(Measure measure, int n, long seed) {
    int d = measure.dimension();
    if (d == 1) {
      double lo;
      double hi;
      if (measure instanceof Measure.UniformBox u) {
        lo = u.lo();
        hi = u.hi();
      } else if (measure instanceof Measure.Gaussian g) {
        lo = -10 * g.sigma();
        hi = 10 * g.sigma();
      } else {
        throw new IllegalArgumentException("no quadrature for " + measure.describe());
      }
      double h = (hi - lo) / n;
      double[] x = new double[n];
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = lo + (i + 0.5) * h;
        w[i] = measure.density(new double[] {x[i]}) * h;
      }
      return new SvdQuadrature(x, w, String.format(java.util.Locale.ROOT, "midpoint grid, %d points on [%g, %g]", n, lo, hi));
    }
    double[] x = new double[n * d];
    measure.sample(new Well19937c(seed ^ 0x5DEECE66DL), x, n);
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    return new SvdQuadrature(x, w, "Monte Carlo, " + n + " points from " + measure.describe());
  }

  /** The empirical measure of {@code points} (row-major [N, d]): weights 1/N. */
  public static SvdQuadrature empirical(double[] points, int dimension) {
    int n = points.length / dimension;
    double[] w = new double[n];
    Arrays.fill(w, 1.0 / n);
    return new SvdQuadrature(points.clone(), w, "empirical, " + n + " samples");
  }

  /** Number of points. */
  public int size() {
    return weights.length;
  }
}
