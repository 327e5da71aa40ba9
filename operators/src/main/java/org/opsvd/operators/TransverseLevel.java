package org.opsvd.operators;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * The lowest level of the motion across a channel: for a point q ∈ R^d and orthonormal directions b_1 … b_m (t ∈
 * R^m, bohr),
 * <pre>  H_⊥ = −c·Δ_t + V(q + Σ_j t_j·b_j),</pre>
 * whose lowest eigenvalue E_⊥ (hartree) is where the continuum of H = −c·Δ + V begins when V levels off along the
 * channel: a Morse well along x plus ½y² gives E_⊥ = ½ for c = ½ (V → 0 as x → ∞ plus the zero-point energy of y).
 *
 * <p>Rayleigh–Ritz in the product basis Π_j φ_{n_j}(t_j/s_j)/√s_j of Hermite functions φ_n(ξ) = h_n(ξ)·e^{−ξ²/2},
 * n_j &lt; N, so E_⊥ is an upper bound for every basis. The potential matrix comes from the tensor Gauss–Hermite rule
 * of Q points per axis (Hipparchus' nodes for ∫e^{−ξ²}), exact while V is a polynomial of degree ≤ 2(Q − N) + 1 in t;
 * the kinetic one in closed form, ⟨k|−∂²_ξ|n⟩ = (n + ½)·δ_kn − ½√((n+1)(n+2))·δ_{k,n+2} − ½√(n(n−1))·δ_{k,n−2},
 * scaled by c/s_j². The scales s_j are variational: Brent on ln s_j ∈ [ln {@value #MIN_SCALE}, ln s_max], axis by
 * axis, {@value #SWEEPS} sweeps, from (2c/k_j)^{1/4} (the harmonic width for the curvature k_j &gt; 0 along b_j). A flat
 * direction drives s_j to s_max and adds only about c/(2·s_max²).
 *
 * V − V(q) is cut at {@value #WALL} hartree at the nodes (see {@link #WALL}).
 *
 * <p>For m &gt; 3 the product basis is too large; the estimate is then additive, V(q) + Σ_j (E_j − V(q)) with E_j
 * the level along b_j alone (N = 16): exact when V is separable in the b_j.
 */
final class TransverseLevel {

  /** Smallest basis scale s_j (bohr). */
  static final double MIN_SCALE = 1e-4;

  /**
   * V − V(q) is cut at this height (hartree) at the quadrature nodes: an exponential wall's e^{700} would leave the Ritz
   * matrix no significant digits (a Morse well across the channel came out at −1e277). A level far below the cut is
   * changed only by tunnelling into a barrier of that height, and the matrix keeps about 1e-10 absolute precision.
   */
  static final double WALL = 1e6;

  /** Sweeps of the axis-by-axis scale search. */
  static final int SWEEPS = 2;

  private TransverseLevel() {
  }

  /**
   * E_⊥ at {@code q} across the orthonormal {@code axes} (m × d), or NaN when V is NaN where the basis
   * reaches at every scale tried.
   *
   * @param curvature k_j = ∂²V/∂t_j² at q (hartree/bohr²), for the starting scales; ≤ 0 starts at 1 bohr
   * @param maxScale  s_max (bohr)
   */
  static double lowest(Potential v, double kinetic, double[] q, double[][] axes, double[] curvature,
      double maxScale) {
    int m = axes.length;
    if (m == 0) return v.value(q);
    if (m > 3) {
      double floor = v.value(q);
      double sum = floor;
      for (int j = 0; j < m; j++) {
        sum += lowest(v, kinetic, q, new double[][] {axes[j]}, new double[] {curvature[j]}, maxScale) - floor;
      }
      return sum;
    }
    Basis basis = Basis.of(m);
    double[] logScale = new double[m];
    for (int j = 0; j < m; j++) {
      double s = curvature[j] > 0 ? Math.pow(2 * kinetic / curvature[j], 0.25) : 1;
      logScale[j] = Math.log(Math.min(Math.max(s, MIN_SCALE), maxScale));
    }
    double lo = Math.log(MIN_SCALE);
    double hi = Math.log(maxScale);
    double best = basis.ritz(v, kinetic, q, axes, logScale);
    BrentOptimizer brent = new BrentOptimizer(1e-6, 1e-4);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int j = 0; j < m; j++) {
        final int axis = j;
        double[] trial = logScale.clone();
        var found = brent.optimize(new MaxEval(200), GoalType.MINIMIZE, new SearchInterval(lo, hi, logScale[j]),
            new UnivariateObjectiveFunction(ln -> {
              trial[axis] = ln;
              double e = basis.ritz(v, kinetic, q, axes, trial);
              return Double.isFinite(e) ? e : Double.MAX_VALUE;
            }));
        if (found.getValue() < best || !Double.isFinite(best)) {
          best = found.getValue();
          logScale[j] = found.getPoint();
        }
      }
    }
    return best == Double.MAX_VALUE ? Double.NaN : best;
  }

  /** The product Hermite basis and quadrature for m transverse axes. */
  private record Basis(int m, int n, double[] nodes, double[] weights, double[][] hermite, double[][] kinetic) {

    /** N functions and Q nodes per axis: (16, 48), (8, 24), (4, 12) for m = 1, 2, 3. */
    static Basis of(int m) {
      int n = m == 1 ? 16 : m == 2 ? 8 : 4;
      int q = 3 * n;
      SymmetricGaussIntegrator rule = new GaussIntegratorFactory().hermite(q);
      double[] nodes = new double[q];
      double[] weights = new double[q];
      double[][] h = new double[n][q];
      for (int k = 0; k < q; k++) {
        nodes[k] = rule.getPoint(k);
        weights[k] = rule.getWeight(k);
        // normalised Hermite polynomials: ∫ h_a h_b e^{−ξ²} dξ = δ_ab
        h[0][k] = Math.pow(Math.PI, -0.25);
        if (n > 1) h[1][k] = Math.sqrt(2) * nodes[k] * h[0][k];
        for (int a = 1; a + 1 < n; a++) {
          h[a + 1][k] = Math.sqrt(2.0 / (a + 1)) * nodes[k] * h[a][k] - Math.sqrt((double) a / (a + 1)) * h[a - 1][k];
        }
      }
      double[][] p2 = new double[n][n];
      for (int a = 0; a < n; a++) {
        p2[a][a] = a + 0.5;
        if (a + 2 < n) {
          p2[a][a + 2] = -0.5 * Math.sqrt((a + 1.0) * (a + 2.0));
          p2[a + 2][a] = p2[a][a + 2];
        }
      }
      return new Basis(m, n, nodes, weights, h, p2);
    }

    /** The lowest Ritz value for scales e^{logScale[j]}, or NaN when V is NaN at a node. */
    double ritz(Potential v, double c, double[] q, double[][] axes, double[] logScale) {
      int d = q.length;
      int nq = nodes.length;
      int points = (int) Math.pow(nq, m);
      int size = (int) Math.pow(n, m);
      double floor = v.value(q);
      DMatrixRMaj phi = new DMatrixRMaj(size, points);
      DMatrixRMaj weighted = new DMatrixRMaj(size, points);
      double[] x = new double[d];
      int[] node = new int[m];
      int[] index = new int[m];
      for (int p = 0; p < points; p++) {
        int rest = p;
        double w = 1;
        System.arraycopy(q, 0, x, 0, d);
        for (int j = m - 1; j >= 0; j--) {
          node[j] = rest % nq;
          rest /= nq;
          w *= weights[node[j]];
          double t = Math.exp(logScale[j]) * nodes[node[j]];
          for (int i = 0; i < d; i++) x[i] += t * axes[j][i];
        }
        double value = Math.min(v.value(x) - floor, WALL); // +∞ (an overflowing exponential) becomes the wall too
        if (Double.isNaN(value)) return Double.NaN;
        for (int a = 0; a < size; a++) {
          int r = a;
          double f = 1;
          for (int j = m - 1; j >= 0; j--) {
            f *= hermite[r % n][node[j]];
            r /= n;
          }
          phi.unsafe_set(a, p, f);
          weighted.unsafe_set(a, p, f * w * value);
        }
      }
      DMatrixRMaj h = new DMatrixRMaj(size, size);
      CommonOps_DDRM.multTransB(phi, weighted, h);
      int[] other = new int[m];
      for (int a = 0; a < size; a++) {
        digits(a, index);
        for (int b = 0; b < size; b++) {
          digits(b, other);
          double t = 0;
          for (int j = 0; j < m; j++) {
            boolean sameElsewhere = true;
            for (int i = 0; i < m; i++) sameElsewhere &= i == j || index[i] == other[i];
            if (sameElsewhere) t += c * Math.exp(-2 * logScale[j]) * kinetic[index[j]][other[j]];
          }
          h.unsafe_set(a, b, h.unsafe_get(a, b) + t);
        }
      }
      EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, false, true);
      if (!eig.decompose(h)) return Double.NaN;
      double lowest = Double.POSITIVE_INFINITY;
      for (int k = 0; k < size; k++) lowest = Math.min(lowest, eig.getEigenvalue(k).real);
      return floor + lowest;
    }

    /** The per-axis indices of basis function a, the last axis fastest. */
    private int[] digits(int a, int[] out) {
      for (int j = m - 1; j >= 0; j--) {
        out[j] = a % n;
        a /= n;
      }
      return out;
    }
  }

  /** Orthonormal columns spanning the hyperplane ⊥ u (|u| = 1), m = d − 1 rows of length d. */
  static double[][] complement(double[] u) {
    int d = u.length;
    double[][] out = new double[d - 1][];
    int found = 0;
    for (int e = 0; e < d && found < d - 1; e++) {
      double[] b = new double[d];
      b[e] = 1;
      project(b, u);
      for (int k = 0; k < found; k++) project(b, out[k]);
      double norm = Math.sqrt(dot(b, b));
      if (norm < 1e-6) continue;
      for (int i = 0; i < d; i++) b[i] /= norm;
      out[found++] = b;
    }
    return Arrays.copyOf(out, found);
  }

  private static void project(double[] b, double[] unit) {
    double s = dot(b, unit);
    for (int i = 0; i < b.length; i++) b[i] -= s * unit[i];
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }
}
