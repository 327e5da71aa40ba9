package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.Problem;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.solver.eval.RayleighRitz;
import org.opsvd.solver.neural.CuspFactor;

/**
 * Estimates of the lowest levels of a problem's operator A without any reference: Rayleigh–Ritz (Galerkin) on a
 * small analytic basis, with the integrals by Monte Carlo. Used to choose the operator mapping T = a(−A) + b
 * when no reference spectrum is wanted or known ({@link SolveDefaults#shift}).
 *
 * <p>With ψ_i = √q·f_i for a density q, ∫ψ_i Aψ_j = E_q[f_i Ãf_j] and ∫ψ_i ψ_j = E_q[f_i f_j], where Ãf is the
 * operator's importance-weighted action ({@link LocalOperator}) under q: the same bilinear forms training uses.
 * The basis is a tensor product, the lowest M functions by a per-axis cost:
 * <ul>
 *   <li>Dirichlet walls that belong to the operator: f = Π sin(n_j π(x_j + h)/2h), n_j ≥ 1, q uniform on the box;</li>
 *   <li>a periodic box: f = Π of 1, cos(kπx_j/h), sin(kπx_j/h), q uniform;</li>
 *   <li>otherwise: f = Π He_{n_j}(x_j/σ)/√(n_j!), q = N(0, σ²I) (ψ_i are Hermite functions); σ is chosen among a
 *       few fractions of the problem's half-width by the smallest sum of the wanted Ritz values (Ky Fan: the best
 *       span has the smallest sum), continued to smaller fractions in d ≤ 3 while the smallest one is the best.</li>
 * </ul>
 * The expectations under q are tensor quadratures for d ≤ 3 (Gauss–Hermite nodes for a Gaussian q, exact for the
 * polynomial part; midpoints for a uniform q) and Monte Carlo beyond. For exact integrals Ritz value k is an upper
 * bound of level k (min–max); quadrature and Monte Carlo error make it an estimate.
 * Points where the operator is singular (a Coulomb nucleus) are left out. All arithmetic in float64.
 */
public final class GalerkinLevels {

  /** The most states a solve estimates (2L + 2 up to L = 64): the basis and its Gram matrix grow with them. */
  public static final int MAX_STATES = 130;
  /** Monte Carlo points per estimate (d &gt; 3). */
  static final int POINTS = 16_384;
  /** Tensor quadrature points at most (d ≤ 3): Gauss–Hermite for Gaussian q, midpoints for uniform q. */
  static final int GRID_POINTS = 32_768;
  /** Fractions of the half-width tried as the Hermite scale σ. */
  private static final double[] SCALES = {0.5, 0.35, 0.25, 0.18, 0.125, 0.09};
  /**
   * Smaller scales tried in d ≤ 3, each 0.72× the last, while the best is the smallest so far: states much narrower
   * than the box (50|x|² in 2D, σ = 0.22 on [−8, 8]²) are otherwise fitted by a basis three times too wide. Not in
   * d ≥ 4, whose Monte Carlo sums differ by noise near the best scale: following that noise kept the 4-D displaced
   * well ½((x₁ − 1.5)² + x₂² + x₃² + 9x₄²)'s centre iteration from settling.
   */
  static final int MORE_SCALES = 8;

  private GalerkinLevels() {
  }

  /**
   * The lowest {@code count} Ritz values of the problem's operator A (ascending, in A's units: energies for a
   * Hamiltonian), from a basis of about 2·count functions.
   *
   * @throws IllegalArgumentException when count &lt; 1
   */
  public static double[] estimate(Problem problem, int count, long seed) {
    return fit(problem, count, seed, null).levels();
  }

  /**
   * The lowest {@code count} Ritz values with their Ritz functions on the quadrature nodes of the best basis
   * ({@link States}), from a basis of about 2·count functions.
   *
   * @throws IllegalArgumentException when count &lt; 1
   */
  public static States states(Problem problem, int count, long seed) {
    return states(problem, count, seed, null);
  }

  /**
   * As {@link #states(Problem, int, long)} with every basis function multiplied by the cusp factor J the networks
   * carry ({@link CuspFactor}, one term per Coulomb centre; null for none): smooth functions cannot resolve a
   * Coulomb cusp, so without it the lowest states come out too wide and their levels too high. The returned
   * values are then J·g_l.
   */
  public static States states(Problem problem, int count, long seed, CuspFactor cusp) {
    return fit(problem, count, seed, cusp);
  }

  /**
   * The lowest Ritz values and Ritz functions u_l = √q·g_l (orthonormal in L², ∫u_k u_l = δ_kl) of the operator
   * on the quadrature nodes of E_q: the expectation E_q[h] is Σ_n weights[n]·h(x_n) over the regular nodes (the
   * weights of nodes where the operator is singular are 0; the rest sum to 1).
   *
   * @param levels  Ritz values θ_0 ≤ θ_1 ≤ … (A's units)
   * @param q       the density of the basis and of the nodes
   * @param points  nodes x_n, row-major [N, d]
   * @param weights quadrature weights [N]
   * @param values  g_l(x_n) = u_l(x_n)/√q(x_n), row-major [N, levels.length]
   */
  public record States(double[] levels, SamplingDensity q, double[] points, double[] weights, double[] values) {

    /** Number of nodes N. */
    public int nodes() {
      return weights.length;
    }

    /** √(∫|u_l|²x_j²), the root mean square of coordinate j in state l (bohr). */
    public double axisWidth(int l, int j) {
      return Math.sqrt(axisMoment(l, j, 2));
    }

    /** ∫|u_l|²x_j, the mean of coordinate j in state l (bohr). */
    public double axisMean(int l, int j) {
      return axisMoment(l, j, 1);
    }

    /** ∫|u_l|²x_j^k for k = 1, 2. */
    private double axisMoment(int l, int j, int k) {
      int d = q.dimension();
      int count = levels.length;
      double sum = 0;
      for (int n = 0; n < weights.length; n++) {
        double g = values[n * count + l];
        double x = points[n * d + j];
        double t = weights[n] * g * g * x; // the order of the products as before: the recipe's bits depend on it
        sum += k == 1 ? t : t * x;
      }
      return sum;
    }

    /** √(∫|u_l|²|x|²/d), the root mean square coordinate of state l (bohr). */
    public double width(int l) {
      int d = q.dimension();
      int count = levels.length;
      double sum = 0;
      for (int n = 0; n < weights.length; n++) {
        double r2 = 0;
        for (int j = 0; j < d; j++) r2 += points[n * d + j] * points[n * d + j];
        double g = values[n * count + l];
        sum += weights[n] * g * g * r2;
      }
      return Math.sqrt(sum / d);
    }
  }

  /**
   * As {@link #states(Problem, int, long)} on the basis ψ_i = √q·f_i for a given density q in d ≥ 4, f_i the
   * normalised Hermite polynomials He_n(x_j)/√(n!) of lowest total degree (unit scale: for polynomials of given degrees
   * the scale changes the conditioning, not the span), with E_q by Monte Carlo under q. For q a mixture at the wells
   * of a potential ({@link Wells}) the basis holds each well's local states (√q·1 and √q·x₁ are a double well's even
   * and odd pair), which one Hermite basis centred between the wells does not.
   *
   * @throws IllegalArgumentException when count &lt; 1 or d ≤ 3 (the tensor quadratures take a Gaussian or uniform q)
   */
  public static States statesUnder(Problem problem, int count, long seed, SamplingDensity q) {
    if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
    int d = problem.dimension();
    if (d <= 3 || q.dimension() != d) {
      throw new IllegalArgumentException("a given density's basis is for d ≥ 4 (Monte Carlo), got d = " + d);
    }
    Axis axis = Axis.hermite(1);
    return ritz(problem, q, axis, indices(d, Math.max(2 * count, count + 4), axis), count, seed, null);
  }

  /**
   * The width of the wanted states: the largest over the lowest {@code count} Ritz functions u_l of the root mean
   * square coordinate, √(∫|u_l|²|x|²/d) (bohr); NaN for a box, whose sampler is its uniform density.
   */
  public static double width(Problem problem, int count, long seed) {
    if (problem.boxIsPhysical()) return Double.NaN;
    States states = fit(problem, count, seed, null);
    double width = 0;
    for (int l = 0; l < states.levels().length; l++) width = Math.max(width, states.width(l));
    return width;
  }

  /**
   * The lowest upper bound on each of the lowest {@code count} levels that the bases of {@link #states} give: the
   * k-th Ritz value of every basis bounds level k from above (min–max, for exact integrals), so the smallest over the
   * Hermite scales tried is kept for each k separately (the scale {@link #states} keeps minimises their sum, which
   * above a continuum threshold follows the continuum, not the weakly bound levels). A physical box has one basis.
   *
   * @throws IllegalArgumentException when count &lt; 1
   */
  public static double[] upperBounds(Problem problem, int count, long seed, CuspFactor cusp) {
    if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
    if (problem.boxIsPhysical()) return fit(problem, count, seed, cusp).levels();
    int d = problem.dimension();
    int m = Math.max(2 * count, count + 4);
    double[] bounds = new double[count];
    Arrays.fill(bounds, Double.POSITIVE_INFINITY);
    for (double fraction : SCALES) {
      Axis axis = Axis.hermite(fraction * problem.halfWidth());
      double[] levels = ritz(problem, new SamplingDensity.Gaussian(d, fraction * problem.halfWidth()), axis,
          indices(d, m, axis), count, seed, cusp).levels();
      for (int k = 0; k < Math.min(count, levels.length); k++) bounds[k] = Math.min(bounds[k], levels[k]);
    }
    return bounds;
  }

  private static States fit(Problem problem, int count, long seed, CuspFactor cusp) {
    if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
    int d = problem.dimension();
    int m = Math.max(2 * count, count + 4);
    double h = problem.halfWidth();
    if (problem.boxIsPhysical()) {
      boolean periodic = problem.boundary() == Boundary.PERIODIC;
      Axis axis = periodic ? Axis.fourier(h) : Axis.sine(h);
      return ritz(problem, new SamplingDensity.UniformBox(d, h), axis, indices(d, m, axis), count, seed, cusp);
    }
    States best = null;
    double bestSum = Double.POSITIVE_INFINITY;
    double smallest = SCALES[SCALES.length - 1];
    double step = smallest / SCALES[SCALES.length - 2];
    int more = d <= 3 ? MORE_SCALES : 0; // Monte Carlo sums (d ≥ 4) differ by noise near the best scale
    for (int k = 0; k < SCALES.length + more; k++) {
      double fraction = k < SCALES.length ? SCALES[k] : smallest * Math.pow(step, k - SCALES.length + 1);
      double sigma = fraction * h;
      Axis axis = Axis.hermite(sigma);
      States fit = ritz(problem, new SamplingDensity.Gaussian(d, sigma), axis, indices(d, m, axis), count, seed,
          cusp);
      double sum = Arrays.stream(fit.levels()).sum();
      if (sum < bestSum) {
        bestSum = sum;
        best = fit;
      } else if (k >= SCALES.length) {
        break; // past the ladder only while the sum keeps falling
      }
      if (k == SCALES.length - 1 && best != fit) break; // the best lies inside the ladder
    }
    return best;
  }

  private static States ritz(Problem problem, SamplingDensity q, Axis axis, List<int[]> basis, int count,
      long seed, CuspFactor cusp) {
    LocalOperator operator = problem.operator();
    int d = q.dimension();
    int m = basis.size();
    List<LocalOperator.Field> layout = operator.fields();
    double[][] fields = new double[layout.size()][];
    for (int f = 0; f < fields.length; f++) fields[f] = new double[layout.get(f).size()];
    int maxIndex = basis.stream().flatMapToInt(Arrays::stream).max().orElse(0);
    double[][] v = new double[d][maxIndex + 1];
    double[][] d1 = new double[d][maxIndex + 1];
    double[][] d2 = new double[d][maxIndex + 1];
    double[] x = new double[d];
    double[] logGradient = new double[d];
    double[] f = new double[m];
    double[] af = new double[m];
    double[] grad = new double[d];
    double[] cuspGradient = new double[d];
    double[] cuspLaplacian = new double[1];
    double[] prefix = new double[d + 1];
    double[] suffix = new double[d + 1];
    Nodes nodes = Nodes.of(q, axis, seed);
    double[] basisValues = new double[nodes.count() * m]; // f_i(x_n), [N, m]
    DMatrixRMaj weightedBasis = new DMatrixRMaj(nodes.count(), m); // √w_n f_i(x_n)
    DMatrixRMaj weightedAction = new DMatrixRMaj(nodes.count(), m); // √w_n (Ãf_i)(x_n)
    double[] weights = new double[nodes.count()];
    double used = 0;
    for (int p = 0; p < nodes.count(); p++) {
      nodes.point(p, x);
      double w = nodes.weight(p);
      if (!operator.fields(x, q.at(x, logGradient), fields)) continue;
      double cuspValue = cusp == null ? 1 : cusp.evaluate(x, cuspGradient, cuspLaplacian); // J, ∇J, ΔJ
      for (int j = 0; j < d; j++) {
        for (int n = 0; n <= maxIndex; n++) {
          v[j][n] = axis.value(n, x[j]);
          d1[j][n] = axis.first(n, x[j]);
          d2[j][n] = axis.second(n, x[j]);
        }
      }
      for (int i = 0; i < m; i++) {
        int[] n = basis.get(i);
        prefix[0] = 1;
        for (int j = 0; j < d; j++) prefix[j + 1] = prefix[j] * v[j][n[j]];
        suffix[d] = 1;
        for (int j = d - 1; j >= 0; j--) suffix[j] = suffix[j + 1] * v[j][n[j]];
        double lap = 0;
        for (int j = 0; j < d; j++) {
          double others = prefix[j] * suffix[j + 1];
          grad[j] = d1[j][n[j]] * others;
          lap += d2[j][n[j]] * others;
        }
        f[i] = prefix[d];
        if (cusp != null) { // (Jf): ∇ = J∇f + f∇J, Δ = JΔf + 2∇J·∇f + fΔJ
          double cross = 0;
          for (int j = 0; j < d; j++) {
            cross += cuspGradient[j] * grad[j];
            grad[j] = cuspValue * grad[j] + f[i] * cuspGradient[j];
          }
          lap = cuspValue * lap + 2 * cross + f[i] * cuspLaplacian[0];
          f[i] *= cuspValue;
        }
        af[i] = operator.act(fields, f[i], grad, lap);
      }
      double root = Math.sqrt(w);
      for (int i = 0; i < m; i++) {
        weightedBasis.data[p * m + i] = root * f[i];
        weightedAction.data[p * m + i] = root * af[i];
      }
      System.arraycopy(f, 0, basisValues, p * m, m);
      weights[p] = w;
      used += w;
    }
    if (!(used > 0.5)) {
      throw new IllegalArgumentException("the potential is not finite (or the operator singular) at almost every "
          + "sampled point of the problem's region (" + operator.describe() + "): no level estimate");
    }
    // E_q by the weighted mean over the regular points; A is symmetric for the exact integrals: symmetrise
    DMatrixRMaj gram = new DMatrixRMaj(m, m);
    DMatrixRMaj action = new DMatrixRMaj(m, m);
    CommonOps_DDRM.multTransA(weightedBasis, weightedBasis, gram);
    CommonOps_DDRM.multTransA(weightedBasis, weightedAction, action);
    DMatrixRMaj symmetric = new DMatrixRMaj(m, m);
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < m; k++) {
        symmetric.set(i, k, 0.5 * (action.get(i, k) + action.get(k, i)) / used);
        gram.set(i, k, gram.get(i, k) / used);
      }
    }
    RayleighRitz rr = RayleighRitz.of(gram, symmetric);
    int wanted = Math.min(count, m);
    DMatrixRMaj rotation = rr.rotation();
    double[] values = new double[nodes.count() * wanted]; // g_l(x_n) = Σ_i R_il f_i(x_n) with RᵀBR = I
    for (int p = 0; p < nodes.count(); p++) {
      weights[p] /= used;
      for (int l = 0; l < wanted; l++) {
        double g = 0;
        for (int i = 0; i < m; i++) g += rotation.get(i, l) * basisValues[p * m + i];
        values[p * wanted + l] = g;
      }
    }
    return new States(Arrays.copyOf(rr.ritzValues(), wanted), q, nodes.points(), weights, values);
  }

  /** The {@code m} multi-indices of lowest total cost (ties in lexicographic order). */
  static List<int[]> indices(int d, int m, Axis axis) {
    List<int[]> all = new ArrayList<>();
    for (double budget = d * axis.cost(axis.first); all.size() < m; budget += 1) {
      all.clear();
      collect(axis, new int[d], 0, budget, 0, all);
    }
    all.sort(Comparator.<int[]>comparingDouble(axis::cost).thenComparing(Arrays::compare));
    return List.copyOf(all.subList(0, m));
  }

  /** Every multi-index extending n[0..j) whose total cost stays within {@code budget}. */
  private static void collect(Axis axis, int[] n, int j, double budget, double spent, List<int[]> out) {
    if (j == n.length) {
      out.add(n.clone());
      return;
    }
    double rest = (n.length - j - 1) * axis.cost(axis.first);
    for (int k = axis.first; spent + axis.cost(k) + rest <= budget; k++) {
      n[j] = k;
      collect(axis, n, j + 1, budget, spent + axis.cost(k), out);
    }
  }

  /** A 1D basis φ_n on one axis, with its derivatives, the first index and the cost that orders the tensor basis. */
  abstract static class Axis {
    final int first;

    Axis(int first) {
      this.first = first;
    }

    abstract double value(int n, double x);

    abstract double first(int n, double x);

    abstract double second(int n, double x);

    /** Cost of one axis index. */
    abstract double cost(int n);

    double cost(int[] n) {
      double c = 0;
      for (int k : n) c += cost(k);
      return c;
    }

    /** Normalised probabilists' Hermite polynomials He_n(x/σ)/√(n!), cost n. */
    static Axis hermite(double sigma) {
      return new Axis(0) {
        @Override
        double value(int n, double x) {
          return he(n, x / sigma);
        }

        @Override
        double first(int n, double x) {
          return n == 0 ? 0 : Math.sqrt(n) * he(n - 1, x / sigma) / sigma;
        }

        @Override
        double second(int n, double x) {
          return n < 2 ? 0 : Math.sqrt(n * (n - 1.0)) * he(n - 2, x / sigma) / (sigma * sigma);
        }

        @Override
        double cost(int n) {
          return n;
        }
      };
    }

    /** sin(nπ(x + h)/2h), n ≥ 1, cost n². */
    static Axis sine(double h) {
      double k = Math.PI / (2 * h);
      return new Axis(1) {
        @Override
        double value(int n, double x) {
          return Math.sin(n * k * (x + h));
        }

        @Override
        double first(int n, double x) {
          return n * k * Math.cos(n * k * (x + h));
        }

        @Override
        double second(int n, double x) {
          return -(n * k) * (n * k) * Math.sin(n * k * (x + h));
        }

        @Override
        double cost(int n) {
          return (double) n * n;
        }
      };
    }

    /** 1, cos(kπx/h), sin(kπx/h) for n = 0, 2k − 1, 2k; cost k². */
    static Axis fourier(double h) {
      double w = Math.PI / h;
      return new Axis(0) {
        @Override
        double value(int n, double x) {
          int k = (n + 1) / 2;
          return n == 0 ? 1 : n % 2 == 1 ? Math.cos(k * w * x) : Math.sin(k * w * x);
        }

        @Override
        double first(int n, double x) {
          int k = (n + 1) / 2;
          return n == 0 ? 0 : n % 2 == 1 ? -k * w * Math.sin(k * w * x) : k * w * Math.cos(k * w * x);
        }

        @Override
        double second(int n, double x) {
          int k = (n + 1) / 2;
          return -(k * w) * (k * w) * value(n, x);
        }

        @Override
        double cost(int n) {
          int k = (n + 1) / 2;
          return (double) k * k;
        }
      };
    }
  }

  /** Gauss–Hermite rules, computed once per JVM (their root finding takes seconds for 150 points). */
  private static final org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory RULES =
      new org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory();

  /** The n-point Gauss–Hermite rule; the factory's cache is not thread-safe, so access is serialised. */
  private static synchronized org.hipparchus.analysis.integration.gauss.GaussIntegrator hermiteRule(int n) {
    return RULES.hermite(n);
  }

  /** Points and weights of E_q (weights sum to 1). */
  private record Nodes(double[] points, double[] weights, int dimension) {
    int count() {
      return weights.length;
    }

    void point(int i, double[] x) {
      System.arraycopy(points, i * dimension, x, 0, dimension);
    }

    double weight(int i) {
      return weights[i];
    }

    static Nodes of(SamplingDensity q, Axis axis, long seed) {
      int d = q.dimension();
      if (d > 3) {
        double[] points = new double[POINTS * d];
        q.sample(new Well19937c(seed ^ 0x6A1E4B2CL), points, POINTS);
        double[] weights = new double[POINTS];
        Arrays.fill(weights, 1.0 / POINTS);
        return new Nodes(points, weights, d);
      }
      int n = (int) Math.floor(Math.pow(GRID_POINTS, 1.0 / d));
      double[] nodes = new double[n];
      double[] w = new double[n];
      if (q instanceof SamplingDensity.Gaussian g) { // E over N(0, σ²): Gauss–Hermite for ∫e^{−t²}, x = √2σt
        var rule = hermiteRule(Math.min(n, 150));
        n = rule.getNumberOfPoints();
        nodes = new double[n];
        w = new double[n];
        for (int i = 0; i < n; i++) {
          nodes[i] = Math.sqrt(2) * g.scale() * rule.getPoint(i);
          w[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
        }
      } else { // uniform on [−h, h]: midpoints
        double h = ((SamplingDensity.UniformBox) q).halfWidth();
        for (int i = 0; i < n; i++) {
          nodes[i] = -h + (i + 0.5) * 2 * h / n;
          w[i] = 1.0 / n;
        }
      }
      int total = (int) Math.pow(n, d);
      double[] points = new double[total * d];
      double[] weights = new double[total];
      for (int p = 0; p < total; p++) {
        double weight = 1;
        for (int j = 0, rest = p; j < d; j++, rest /= n) {
          points[p * d + j] = nodes[rest % n];
          weight *= w[rest % n];
        }
        weights[p] = weight;
      }
      return new Nodes(points, weights, d);
    }
  }

  /** He_n(y)/√(n!) by the normalised three-term recurrence. */
  static double he(int n, double y) {
    double previous = 0;
    double current = 1;
    for (int k = 1; k <= n; k++) {
      double next = (y * current - Math.sqrt(k - 1.0) * previous) / Math.sqrt(k);
      previous = current;
      current = next;
    }
    return current;
  }
}
