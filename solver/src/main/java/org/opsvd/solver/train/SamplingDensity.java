package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;
import org.opsvd.operators.action.LocalDensity;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The training density p on R^d for importance sampling (method notes §3.2): points x ~ p, network
 * outputs f, wavefunctions ψ = √p·f, and the operator applied as T̃f = T(√p·f)/√p. With
 * φ = log √p the Laplacian part is the closed form
 * <pre>  Δ(√p f)/√p = Δf + ∇log p · ∇f + (Δφ + |∇φ|²) f,</pre>
 * so only the jet of f is needed and no clamp of √p is required. {@link #drift} returns ∇log p and
 * {@link #curvature} returns Δ√p/√p = Δφ + |∇φ|². Densities are normalised (∫p = 1), so at the
 * nested optimum ‖ψ_l‖²_{L²} = E_p[f_l²] is the l-th eigenvalue of T.
 */
public sealed interface SamplingDensity {

  /** Dimension d. */
  int dimension();

  /** Fills {@code out} (length ≥ count·d, row-major [count, d]) with independent draws. */
  void sample(RandomGenerator rng, double[] out, int count);

  /**
   * The number m of uniforms one draw consumes in {@link #transform} (d, or d + 1 when a coordinate picks a
   * component).
   */
  default int uniforms() {
    return dimension();
  }

  /**
   * Maps one point u ∈ (0, 1)^m ({@code u[uAt .. uAt+m)}, m = {@link #uniforms()}) to x ∈ R^d ({@code out[outAt ..
   * outAt+d)}) so that x ~ p when u is uniform: the inverse-CDF map through which quasi-random points become draws.
   */
  void transform(double[] u, int uAt, double[] out, int outAt);

  /** √p(x). */
  double sqrtDensity(double[] x);

  /** ∇log p(x) into {@code out} (length d). */
  void drift(double[] x, double[] out);

  /** Δ√p(x)/√p(x). */
  double curvature(double[] x);

  /** A short description, e.g. {@code gaussian(s=4)}. */
  String describe();

  /**
   * ψ = √p·f, the one place where network outputs become wavefunctions (Java, float64): scales each row of
   * {@code values} [N, L] by √p at the matching row of {@code points} [N, d], in place, and returns it.
   */
  default double[] wavefunctions(double[] points, double[] values, int outputs) {
    int d = dimension();
    int n = points.length / d;
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(points, i * d, x, 0, d);
      double s = sqrtDensity(x);
      for (int k = 0; k < outputs; k++) values[i * outputs + k] *= s;
    }
    return values;
  }

  /** ψ = √p·f as graph ops (exported models): {@code values} [N, L] scaled by √p at {@code x} [N, d]. */
  default <T extends TFloating> Operand<T> wavefunctions(Ops tf, Operand<T> x, Operand<T> values,
      Precision precision) {
    return tf.math.mul(values, tf.expandDims(sqrtDensity(tf, x, precision), tf.constant(1)));
  }

  /** √p(x) [N] as graph ops for x [N, d], normalised as in training. */
  private <T extends TFloating> Operand<T> sqrtDensity(Ops tf, Operand<T> x, Precision p) {
    int d = dimension();
    Operand<T> r2 = tf.reduceSum(tf.math.square(x), tf.constant(1));
    if (this instanceof Gaussian g && g.shape() == null) {
      return tf.math.exp(tf.math.mul(p.scalar(tf, 0.5), Gaussian.logDensity(tf, r2, d, g.scale(), p)));
    }
    if (this instanceof Gaussian g) { // log N(0, diag σ²) = −½Σ log 2πσ_j² − ½Σ (x_j/σ_j)²
      double[] inverse = new double[d];
      double constant = 0;
      for (int j = 0; j < d; j++) {
        double sigma = g.scale() * g.shape()[j];
        inverse[j] = 1 / sigma;
        constant += -0.5 * Math.log(2 * Math.PI * sigma * sigma);
      }
      Operand<T> z2 = tf.reduceSum(tf.math.square(tf.math.mul(x, p.constant(tf, new long[] {d}, inverse))),
          tf.constant(1));
      Operand<T> logP = tf.math.add(p.scalar(tf, constant), tf.math.mul(z2, p.scalar(tf, -0.5)));
      return tf.math.exp(tf.math.mul(p.scalar(tf, 0.5), logP));
    }
    if (this instanceof GaussianMixture m) {
      // log p = max_k t_k + log Σ_k exp(t_k − max) − log K, t_k = log N_k (as in Java: no underflow in the tails)
      List<Operand<T>> t = new ArrayList<>();
      Operand<T> max = null;
      for (double scale : m.scales()) {
        Operand<T> tk = Gaussian.logDensity(tf, r2, d, scale, p);
        t.add(tk);
        max = max == null ? tk : tf.math.maximum(max, tk);
      }
      Operand<T> sum = null;
      for (Operand<T> tk : t) {
        Operand<T> e = tf.math.exp(tf.math.sub(tk, max));
        sum = sum == null ? e : tf.math.add(sum, e);
      }
      Operand<T> logP = tf.math.add(max, tf.math.log(tf.math.div(sum, p.scalar(tf, t.size()))));
      return tf.math.exp(tf.math.mul(p.scalar(tf, 0.5), logP));
    }
    if (this instanceof WellMixture m) { // t_k = Σ_j (−½ log 2πσ_kj² − ½ z_kj²), z_kj = (x_j − μ_kj)/σ_kj; as above
      List<Operand<T>> t = new ArrayList<>();
      Operand<T> max = null;
      for (int k = 0; k < m.centres.length; k++) {
        double[] inverse = new double[d];
        double constant = 0;
        for (int j = 0; j < d; j++) {
          double sigma = m.sigma(k, j);
          inverse[j] = 1 / sigma;
          constant += -0.5 * Math.log(2 * Math.PI * sigma * sigma);
        }
        Operand<T> z = tf.math.mul(tf.math.sub(x, p.constant(tf, new long[] {d}, m.centres[k])),
            p.constant(tf, new long[] {d}, inverse));
        Operand<T> tk = tf.math.add(p.scalar(tf, constant),
            tf.math.mul(tf.reduceSum(tf.math.square(z), tf.constant(1)), p.scalar(tf, -0.5)));
        t.add(tk);
        max = max == null ? tk : tf.math.maximum(max, tk);
      }
      Operand<T> sum = null;
      for (Operand<T> tk : t) {
        Operand<T> e = tf.math.exp(tf.math.sub(tk, max));
        sum = sum == null ? e : tf.math.add(sum, e);
      }
      Operand<T> logP = tf.math.add(max, tf.math.log(tf.math.div(sum, p.scalar(tf, t.size()))));
      return tf.math.exp(tf.math.mul(p.scalar(tf, 0.5), logP));
    }
    UniformBox b = (UniformBox) this; // the last permitted kind (Java 17: no exhaustive pattern switch yet)
    Operand<T> inside = tf.dtypes.cast(tf.reduceAll(tf.math.lessEqual(tf.math.abs(x),
        p.scalar(tf, b.halfWidth())), tf.constant(1)), p.type());
    return tf.math.mul(inside, p.scalar(tf, Math.pow(2 * b.halfWidth(), -0.5 * d)));
  }

  /** ∇log p and Δ√p/√p at x, as an operator's importance-weighted action needs them. */
  default LocalDensity at(double[] x) {
    return at(x, new double[dimension()]);
  }

  /** As {@link #at(double[])}, with ∇log p written into {@code gradient} [d] (reused from point to point). */
  default LocalDensity at(double[] x, double[] gradient) {
    drift(x, gradient);
    return new LocalDensity(gradient, curvature(x));
  }

  /**
   * N(0, s²I_d): √p ∝ exp(−|x|²/(4s²)); with a shape a (per-axis factors, the largest 1), N(0, diag(s²a_j²)): the
   * standard deviation along axis j is σ_j = s·a_j, for states much wider along some axes than others.
   *
   * @param scale s
   * @param shape a_j in (0, 1], d of them, or null for the isotropic Gaussian
   */
  record Gaussian(int dimension, double scale, double[] shape) implements SamplingDensity {
    public Gaussian {
      requireDimension(dimension);
      if (!(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException("Gaussian sampling scale must be positive and finite, got " + scale);
      }
      if (shape != null) {
        if (shape.length != dimension) {
          throw new IllegalArgumentException("a Gaussian's shape needs " + dimension + " axis factors, got " + shape.length);
        }
        for (double a : shape) {
          if (!(a > 0) || !(a <= 1)) {
            throw new IllegalArgumentException("a Gaussian's axis factors must lie in (0, 1], got " + Arrays.toString(shape));
          }
        }
        shape = shape.clone();
      }
    }

    /** The isotropic Gaussian N(0, s²I_d). */
    public Gaussian(int dimension, double scale) {
      this(dimension, scale, null);
    }

    @Override
    public double[] shape() {
      return shape == null ? null : shape.clone();
    }

    /** σ_j = s·a_j. */
    private double sigma(int j) {
      return shape == null ? scale : scale * shape[j];
    }

    @Override
    public void sample(RandomGenerator rng, double[] out, int count) {
      if (shape == null) {
        for (int i = 0; i < count * dimension; i++) {
          out[i] = scale * rng.nextGaussian();
        }
        return;
      }
      for (int i = 0; i < count * dimension; i++) out[i] = sigma(i % dimension) * rng.nextGaussian();
    }

    @Override
    public void transform(double[] u, int uAt, double[] out, int outAt) {
      for (int j = 0; j < dimension; j++) out[outAt + j] = sigma(j) * QuasiRandomDraws.normal(u[uAt + j]);
    }

    /** log N(0, s²I_d) at points with squared radii r2 [N], as graph ops. */
    static <T extends TFloating> Operand<T> logDensity(Ops tf, Operand<T> r2, int d, double s, Precision p) {
      double s2 = s * s;
      return tf.math.add(p.scalar(tf, -0.5 * d * Math.log(2 * Math.PI * s2)), tf.math.mul(r2, p.scalar(tf, -1 / (2 * s2))));
    }

    @Override
    public double sqrtDensity(double[] x) {
      if (shape == null) {
        double r2 = 0;
        for (double v : x) r2 += v * v;
        double s2 = scale * scale;
        return Math.pow(2 * Math.PI * s2, -0.25 * dimension) * Math.exp(-r2 / (4 * s2));
      }
      double log = 0;
      for (int j = 0; j < dimension; j++) {
        double s2 = sigma(j) * sigma(j);
        log += -0.25 * Math.log(2 * Math.PI * s2) - x[j] * x[j] / (4 * s2);
      }
      return Math.exp(log);
    }

    @Override
    public void drift(double[] x, double[] out) {
      if (shape == null) {
        double s2 = scale * scale;
        for (int i = 0; i < dimension; i++) out[i] = -x[i] / s2;
        return;
      }
      for (int i = 0; i < dimension; i++) out[i] = -x[i] / (sigma(i) * sigma(i));
    }

    @Override
    public double curvature(double[] x) {
      if (shape == null) {
        double r2 = 0;
        for (double v : x) r2 += v * v;
        double s2 = scale * scale;
        return r2 / (4 * s2 * s2) - dimension / (2 * s2);
      }
      double c = 0; // Δ√p/√p = Σ_j (x_j²/(4σ_j⁴) − 1/(2σ_j²))
      for (int j = 0; j < dimension; j++) {
        double s2 = sigma(j) * sigma(j);
        c += x[j] * x[j] / (4 * s2 * s2) - 1 / (2 * s2);
      }
      return c;
    }

    @Override
    public String describe() {
      if (shape == null) return String.format(Locale.ROOT, "gaussian(s=%g)", scale);
      return String.format(Locale.ROOT, "gaussian(s=%g, axes %s)", scale, Arrays.stream(shape)
          .mapToObj(a -> String.format(Locale.ROOT, "%.3g", a)).collect(java.util.stream.Collectors.joining(",")));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Gaussian g && dimension == g.dimension && scale == g.scale && Arrays.equals(shape, g.shape);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * dimension + Double.hashCode(scale)) + Arrays.hashCode(shape);
    }
  }

  /**
   * Equal-weight mixture of centred Gaussians N(0, s_k²I_d), p = (1/K) Σ_k N_k. With responsibilities
   * γ_k = N_k/(K p): ∇log p = −Σ_k γ_k x/s_k², Δp/p = Σ_k γ_k (|x|²/s_k⁴ − d/s_k²) and
   * Δ√p/√p = Δp/(2p) − |∇log p|²/4 (computed with log-sum-exp, so far tails do not underflow to 0/0).
   * For Coulomb problems a mixture covers the nucleus, where the lowest state lives, and the outer
   * shells at once: with one wide Gaussian only ~1% of a batch lands near the nucleus and the estimate of
   * the lowest state's norm rests on a handful of points.
   */
  record GaussianMixture(int dimension, double[] scales) implements SamplingDensity {
    public GaussianMixture {
      requireDimension(dimension);
      if (scales.length == 0) throw new IllegalArgumentException("a Gaussian mixture needs at least one scale");
      scales = scales.clone();
      for (double s : scales) {
        if (!(s > 0) || !Double.isFinite(s)) {
          throw new IllegalArgumentException("Gaussian mixture scales must be positive and finite, got " + s);
        }
      }
    }

    /** Three components s/16, s/4, s: nucleus, inner and outer shells of a Coulomb problem. */
    public static GaussianMixture threeScale(int dimension, double scale) {
      return new GaussianMixture(dimension, new double[] {scale / 16, scale / 4, scale});
    }

    @Override
    public double[] scales() {
      return scales.clone();
    }

    @Override
    public void sample(RandomGenerator rng, double[] out, int count) {
      for (int i = 0; i < count; i++) {
        double s = scales[rng.nextInt(scales.length)];
        for (int j = 0; j < dimension; j++) out[i * dimension + j] = s * rng.nextGaussian();
      }
    }

    /** The first uniform picks the component (each with probability 1/K), the other d give its Gaussian draw. */
    @Override
    public int uniforms() {
      return dimension + 1;
    }

    @Override
    public void transform(double[] u, int uAt, double[] out, int outAt) {
      double s = scales[Math.min(scales.length - 1, (int) (u[uAt] * scales.length))];
      for (int j = 0; j < dimension; j++) out[outAt + j] = s * QuasiRandomDraws.normal(u[uAt + 1 + j]);
    }

    /** log N_k(x) for every component, and their log-sum-exp minus log K (= log p) in the last slot. */
    private double[] logTerms(double[] x) {
      double r2 = 0;
      for (int j = 0; j < dimension; j++) r2 += x[j] * x[j];
      double[] t = new double[scales.length + 1];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < scales.length; k++) {
        double s2 = scales[k] * scales[k];
        t[k] = -0.5 * dimension * Math.log(2 * Math.PI * s2) - r2 / (2 * s2);
        max = Math.max(max, t[k]);
      }
      t[scales.length] = logMeanExp(t, scales.length, max);
      return t;
    }

    @Override
    public double sqrtDensity(double[] x) {
      return Math.exp(0.5 * logTerms(x)[scales.length]);
    }

    @Override
    public void drift(double[] x, double[] out) {
      double[] t = logTerms(x);
      double c = 0;
      for (int k = 0; k < scales.length; k++) {
        c += Math.exp(t[k] - t[scales.length]) / scales.length / (scales[k] * scales[k]);
      }
      for (int j = 0; j < dimension; j++) out[j] = -c * x[j];
    }

    @Override
    public double curvature(double[] x) {
      double[] t = logTerms(x);
      double r2 = 0;
      for (int j = 0; j < dimension; j++) r2 += x[j] * x[j];
      double lapOverP = 0;
      double c = 0;
      for (int k = 0; k < scales.length; k++) {
        double gamma = Math.exp(t[k] - t[scales.length]) / scales.length;
        double s2 = scales[k] * scales[k];
        lapOverP += gamma * (r2 / (s2 * s2) - dimension / s2);
        c += gamma / s2;
      }
      return 0.5 * lapOverP - 0.25 * c * c * r2;
    }

    @Override
    public String describe() {
      StringBuilder b = new StringBuilder("gaussian-mixture(s=");
      for (int k = 0; k < scales.length; k++) b.append(k > 0 ? "," : "").append(String.format(Locale.ROOT, "%g", scales[k]));
      return b.append(')').toString();
    }
  }

  /**
   * Equal-weight mixture of axis-aligned Gaussians at the wells of a potential ({@link Wells}):
   * p = (1/K) Σ_k N_k, N_k = N(μ_k, diag(s²σ_kj²)), σ_kj the harmonic widths of well k and s one common scale. With
   * responsibilities γ_k = N_k/(K p) and ∇log N_k = −(x − μ_k)/(s²σ_k²) (per axis):
   * <pre>  ∇log p = Σ_k γ_k ∇log N_k,   Δp/p = Σ_k γ_k (|∇log N_k|² − Σ_j 1/(s²σ_kj²)),   Δ√p/√p = Δp/(2p) − |∇log p|²/4,</pre>
   * all through log-sum-exp (no 0/0 far from every well). Equal weights: which well holds which wanted state is not
   * known before training (Rayleigh–Ritz's basis, centred at one point, resolves the wells poorly), and with equal
   * weights a state living in one well loses at most the factor K of its effective sample fraction.
   *
   * @param scale   s, the factor on every component's widths
   * @param centres μ_k (bohr), K rows of d
   * @param widths  σ_kj (bohr), K rows of d
   */
  record WellMixture(int dimension, double scale, double[][] centres, double[][] widths) implements SamplingDensity {
    public WellMixture {
      requireDimension(dimension);
      if (!(scale > 0) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException("the wells sampler's scale must be positive and finite, got " + scale);
      }
      if (centres == null || widths == null || centres.length == 0 || centres.length != widths.length) {
        throw new IllegalArgumentException("a wells sampler needs one centre and one set of widths per well");
      }
      centres = copy(centres, dimension, false);
      widths = copy(widths, dimension, true);
    }

    /** A rows × d copy, every entry finite (and positive for widths). */
    private static double[][] copy(double[][] rows, int d, boolean positive) {
      double[][] out = new double[rows.length][];
      for (int k = 0; k < rows.length; k++) {
        if (rows[k] == null || rows[k].length != d) {
          throw new IllegalArgumentException("a well's centre and widths need " + d + " coordinates each");
        }
        for (double v : rows[k]) {
          if (!Double.isFinite(v) || (positive && !(v > 0))) {
            throw new IllegalArgumentException("a well's " + (positive ? "widths must be positive" : "centre must be")
                + " finite, got " + Arrays.toString(rows[k]));
          }
        }
        out[k] = rows[k].clone();
      }
      return out;
    }

    /** One well of a configuration ({@link SolveConfig#wells}): its centre μ and widths σ_j (bohr). */
    public record Component(List<Double> centre, List<Double> widths) {
      public Component {
        centre = List.copyOf(centre);
        widths = List.copyOf(widths);
      }
    }

    /** The mixture of scale s over the wells of a configuration. */
    public static WellMixture of(int dimension, double scale, List<Component> wells) {
      if (wells == null || wells.isEmpty()) {
        throw new IllegalArgumentException("a wells sampler needs its wells (the configuration's field 'wells')");
      }
      double[][] centres = new double[wells.size()][];
      double[][] widths = new double[wells.size()][];
      for (int k = 0; k < centres.length; k++) {
        centres[k] = wells.get(k).centre().stream().mapToDouble(Double::doubleValue).toArray();
        widths[k] = wells.get(k).widths().stream().mapToDouble(Double::doubleValue).toArray();
      }
      return new WellMixture(dimension, scale, centres, widths);
    }

    /** The wells as a configuration records them. */
    public List<Component> components() {
      List<Component> out = new ArrayList<>();
      for (int k = 0; k < centres.length; k++) {
        out.add(new Component(Arrays.stream(centres[k]).boxed().toList(), Arrays.stream(widths[k]).boxed().toList()));
      }
      return out;
    }

    @Override
    public double[][] centres() {
      return copy(centres, dimension, false);
    }

    @Override
    public double[][] widths() {
      return copy(widths, dimension, true);
    }

    /** s·σ_kj. */
    private double sigma(int k, int j) {
      return scale * widths[k][j];
    }

    @Override
    public void sample(RandomGenerator rng, double[] out, int count) {
      for (int i = 0; i < count; i++) {
        int k = rng.nextInt(centres.length);
        for (int j = 0; j < dimension; j++) out[i * dimension + j] = centres[k][j] + sigma(k, j) * rng.nextGaussian();
      }
    }

    /** The first uniform picks the well (each with probability 1/K), the other d give its Gaussian draw. */
    @Override
    public int uniforms() {
      return dimension + 1;
    }

    @Override
    public void transform(double[] u, int uAt, double[] out, int outAt) {
      int k = Math.min(centres.length - 1, (int) (u[uAt] * centres.length));
      for (int j = 0; j < dimension; j++) {
        out[outAt + j] = centres[k][j] + sigma(k, j) * QuasiRandomDraws.normal(u[uAt + 1 + j]);
      }
    }

    /** log N_k(x) for every well, and log p in the last slot. */
    private double[] logTerms(double[] x) {
      int count = centres.length;
      double[] t = new double[count + 1];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < count; k++) {
        double sum = 0;
        for (int j = 0; j < dimension; j++) {
          double s = sigma(k, j);
          double z = (x[j] - centres[k][j]) / s;
          sum += -0.5 * Math.log(2 * Math.PI * s * s) - 0.5 * z * z;
        }
        t[k] = sum;
        max = Math.max(max, sum);
      }
      t[count] = logMeanExp(t, count, max);
      return t;
    }

    @Override
    public double sqrtDensity(double[] x) {
      return Math.exp(0.5 * logTerms(x)[centres.length]);
    }

    @Override
    public void drift(double[] x, double[] out) {
      double[] t = logTerms(x);
      int count = centres.length;
      Arrays.fill(out, 0, dimension, 0.0);
      for (int k = 0; k < count; k++) {
        double gamma = Math.exp(t[k] - t[count]) / count;
        for (int j = 0; j < dimension; j++) {
          double s = sigma(k, j);
          out[j] -= gamma * (x[j] - centres[k][j]) / (s * s);
        }
      }
    }

    @Override
    public double curvature(double[] x) {
      double[] t = logTerms(x);
      int count = centres.length;
      double[] drift = new double[dimension];
      double lapOverP = 0;
      for (int k = 0; k < count; k++) {
        double gamma = Math.exp(t[k] - t[count]) / count;
        double g2 = 0;
        double trace = 0;
        for (int j = 0; j < dimension; j++) {
          double s2 = sigma(k, j) * sigma(k, j);
          double g = -(x[j] - centres[k][j]) / s2;
          drift[j] += gamma * g;
          g2 += g * g;
          trace += 1 / s2;
        }
        lapOverP += gamma * (g2 - trace);
      }
      double d2 = 0;
      for (double g : drift) d2 += g * g;
      return 0.5 * lapOverP - 0.25 * d2;
    }

    @Override
    public String describe() {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "wells(s=%g", scale));
      for (int k = 0; k < centres.length; k++) {
        b.append(k == 0 ? "; " : " | ").append("at ").append(format(centres[k])).append(" widths ")
            .append(format(widths[k]));
      }
      return b.append(')').toString();
    }

    private static String format(double[] v) {
      return Arrays.stream(v).mapToObj(a -> String.format(Locale.ROOT, "%.3g", a))
          .collect(java.util.stream.Collectors.joining(",", "(", ")"));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof WellMixture m && dimension == m.dimension && scale == m.scale
          && Arrays.deepEquals(centres, m.centres) && Arrays.deepEquals(widths, m.widths);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * (31 * dimension + Double.hashCode(scale)) + Arrays.deepHashCode(centres))
          + Arrays.deepHashCode(widths);
    }
  }

  /** Uniform on the box [−ℓ, ℓ]^d: √p constant, no drift, no curvature. */
  record UniformBox(int dimension, double halfWidth) implements SamplingDensity {
    public UniformBox {
      requireDimension(dimension);
      if (!(halfWidth > 0) || !Double.isFinite(halfWidth)) {
        throw new IllegalArgumentException("uniform sampling half-width must be positive and finite, got " + halfWidth);
      }
    }

    @Override
    public void sample(RandomGenerator rng, double[] out, int count) {
      for (int i = 0; i < count * dimension; i++) {
        out[i] = halfWidth * (2 * rng.nextDouble() - 1);
      }
    }

    @Override
    public void transform(double[] u, int uAt, double[] out, int outAt) {
      for (int j = 0; j < dimension; j++) out[outAt + j] = halfWidth * (2 * u[uAt + j] - 1);
    }

    @Override
    public double sqrtDensity(double[] x) {
      for (double v : x) {
        if (Math.abs(v) > halfWidth) return 0;
      }
      return Math.pow(2 * halfWidth, -0.5 * dimension);
    }

    @Override
    public void drift(double[] x, double[] out) {
      java.util.Arrays.fill(out, 0, dimension, 0.0);
    }

    @Override
    public double curvature(double[] x) {
      return 0;
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "uniform(box=%g)", halfWidth);
    }
  }

  /**
   * The kinds of training density, named {@code gaussian}, {@code mixture}, {@code uniform} and {@code wells} in
   * configurations.
   */
  enum Kind {
    /** One Gaussian ({@link Gaussian}); scale = its standard deviation. */
    GAUSSIAN,
    /** Three Gaussians of standard deviations s/16, s/4, s ({@link GaussianMixture#threeScale}); scale = s. */
    MIXTURE,
    /** Uniform on [−s, s]^d ({@link UniformBox}); scale = the half-width s. */
    UNIFORM,
    /** Gaussians at the wells of the potential ({@link WellMixture}); scale = s, the factor on their widths. */
    WELLS;

    /** Parses {@code gaussian|normal}, {@code mixture|gaussian-mixture} or {@code uniform|box} (case-insensitive). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Kind parse(String name) {
      return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
        case "gaussian", "normal" -> GAUSSIAN;
        case "mixture", "gaussian-mixture" -> MIXTURE;
        case "uniform", "box" -> UNIFORM;
        case "wells" -> WELLS;
        default -> throw new IllegalArgumentException("unknown sampler '" + name
            + "' (expected gaussian, mixture, uniform or wells)");
      };
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * As {@link #of(Kind, int, double, double[])}; the wells sampler takes its {@code wells} (which no other kind
   * takes).
   */
  static SamplingDensity of(Kind kind, int dimension, double scale, double[] shape,
      List<WellMixture.Component> wells) {
    if (kind == Kind.WELLS) {
      if (shape != null) throw new IllegalArgumentException("a wells sampler takes no per-axis shape");
      return WellMixture.of(dimension, scale, wells);
    }
    if (wells != null) throw new IllegalArgumentException("only a wells sampler takes wells, not " + kind);
    return of(kind, dimension, scale, shape);
  }

  /** As {@link #of(Kind, int, double)}, a Gaussian with the per-axis shape {@code shape} (null: isotropic). */
  static SamplingDensity of(Kind kind, int dimension, double scale, double[] shape) {
    if (shape == null) return of(kind, dimension, scale);
    if (kind != Kind.GAUSSIAN) throw new IllegalArgumentException("only a Gaussian sampler takes per-axis widths");
    return new Gaussian(dimension, scale, shape);
  }

  /** The density of a kind with its scale (see {@link Kind}); not the wells sampler, which needs its wells. */
  static SamplingDensity of(Kind kind, int dimension, double scale) {
    return switch (kind) {
      case GAUSSIAN -> new Gaussian(dimension, scale);
      case MIXTURE -> GaussianMixture.threeScale(dimension, scale);
      case UNIFORM -> new UniformBox(dimension, scale);
      case WELLS -> throw new IllegalArgumentException("a wells sampler needs its wells (centres and widths)");
    };
  }

  /** log((1/K) Σ_k e^{t_k}) over t_0 … t_{K−1}, whose largest is {@code max} (no overflow or underflow). */
  private static double logMeanExp(double[] t, int count, double max) {
    double sum = 0;
    for (int k = 0; k < count; k++) sum += Math.exp(t[k] - max);
    return max + Math.log(sum / count);
  }

  private static void requireDimension(int d) {
    if (d < 1) throw new IllegalArgumentException("dimension must be at least 1, got " + d);
  }
}
