package org.opsvd.solver.neural;

import org.opsvd.operators.action.Jet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Multilayer perceptron f: R^d → R^L described by an {@link MlpSpec}.
 *
 * <p>Layers: z_k = h_{k−1}W_k + b_k, h_k = σ(z_k) for the hidden layers, no output activation;
 * h_0 = φ(x) (Fourier features) or x. Parameters, in order: {@code layer<k>/kernel},
 * {@code layer<k>/bias} for k = 0..H (H hidden layers), then {@code envelope/scale} [L] if the
 * envelope is on. Shapes: SHARED kernel [in, out], bias [out] (last out = L); DISJOINT kernel
 * [L, in, out], bias [L, out] (last out = 1). Initialisation: He-normal N(0, 2/fan_in) for every
 * kernel (fan_in = in), zero biases, from {@link Well19937c}(seed); the Fourier matrix is drawn
 * first from the same generator.
 *
 * <p>Internally DISJOINT activations are laid out [L, B, n] (gradients [L, B, d, n]); the first
 * layer is one matmul of the shared input with the kernels flattened to [in, L·out], later layers
 * one einsum {@code gbn,gnw->gbw} each.
 *
 * <p>The envelope scales s_l enter as given (no positivity transform); a trainer that lets them
 * cross zero gets a growing exponential.
 */
public final class Mlp implements Network {
  private final MlpSpec spec;
  private final List<Parameter> parameters;
  private final double[] fourierMatrix;

  /** Architecture {@code spec} with parameters and Fourier matrix drawn from {@code seed}. */
  public Mlp(MlpSpec spec, long seed) {
    this.spec = spec;
    RandomGenerator rng = new Well19937c(seed);
    int d = spec.inputDimension();
    if (spec.fourier() != null && spec.fourier().periodicHalfWidth() > 0) {
      int m = spec.fourier().frequencies();
      if (m % d != 0) {
        throw new IllegalArgumentException("periodic input needs the same harmonics on every axis: --fourier " + m
            + " is not a multiple of d = " + d);
      }
      int k = m / d;
      fourierMatrix = new double[d * m];
      for (int j = 0; j < d; j++) {
        for (int h = 1; h <= k; h++) {
          fourierMatrix[j * m + j * k + h - 1] = h * Math.PI / spec.fourier().periodicHalfWidth();
        }
      }
    } else if (spec.fourier() != null) {
      int m = spec.fourier().frequencies();
      fourierMatrix = new double[d * m];
      double f = 2 * Math.PI * spec.fourier().scale();
      for (int i = 0; i < fourierMatrix.length; i++) fourierMatrix[i] = f * rng.nextGaussian();
    } else {
      fourierMatrix = null;
    }
    List<Parameter> ps = new ArrayList<>();
    boolean disjoint = spec.parametrisation() == Parametrisation.DISJOINT;
    int groups = disjoint ? spec.outputs() : 1;
    int in = spec.featureDimension();
    int layers = spec.hiddenWidths().size() + 1;
    for (int k = 0; k < layers; k++) {
      int out = width(k);
      double std = Math.sqrt(2.0 / in);
      double[] w = new double[groups * in * out];
      for (int i = 0; i < w.length; i++) w[i] = std * rng.nextGaussian();
      ps.add(new Parameter("layer" + k + "/kernel",
          disjoint ? new long[] {groups, in, out} : new long[] {in, out}, w));
      ps.add(new Parameter("layer" + k + "/bias",
          disjoint ? new long[] {groups, out} : new long[] {out}, new double[groups * out]));
      in = out;
    }
    if (spec.envelope() != null) {
      double[] s = new double[spec.outputs()];
      java.util.Arrays.fill(s, spec.envelope().initialScale());
      ps.add(new Parameter("envelope/scale", new long[] {spec.outputs()}, s));
    }
    parameters = List.copyOf(ps);
  }

  private Mlp(MlpSpec spec, List<Parameter> parameters, double[] fourierMatrix) {
    this.spec = spec;
    this.parameters = parameters;
    this.fourierMatrix = fourierMatrix;
  }

  /** The same network (same Fourier matrix) with other initial values, one array per parameter. */
  public Mlp withInitialValues(List<double[]> values) {
    if (values.size() != parameters.size()) {
      throw new IllegalArgumentException("expected " + parameters.size() + " parameter arrays, got " + values.size());
    }
    List<Parameter> ps = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Parameter p = parameters.get(i);
      ps.add(new Parameter(p.name(), p.shape(), values.get(i)));
    }
    return new Mlp(spec, List.copyOf(ps), fourierMatrix);
  }

  /**
   * The functions the output layer combines, as a network of W + 1 outputs (W the last hidden width):
   * φ_j = h_j·e·b·J for j &lt; W and φ_W = e·b·J, with h the last hidden layer, b the box mask, J the cusp factor and e
   * the envelope, which must be one function for every output. Then f_l = Σ_j K_jl φ_j + β_l φ_W for the output
   * layer's kernel K [W, L] and bias β [L], so the span of φ holds every output layer's functions. Its
   * parameters are {@code values} with the output layer replaced by [I 0] and (0, …, 0, 1) and the envelope scales by
   * the common one.
   *
   * @throws IllegalArgumentException for a disjoint network (one hidden layer per output) or an envelope whose
   *                                  scales differ between outputs (no shared functions to combine)
   */
  public Mlp outputFeatures(List<double[]> values) {
    if (disjoint()) throw new IllegalArgumentException("a disjoint network has no shared last hidden layer");
    int w = spec.hiddenWidths().get(spec.hiddenWidths().size() - 1);
    int last = 2 * (layers() - 1);
    List<double[]> out = new ArrayList<>(values);
    double[] kernel = new double[w * (w + 1)];
    for (int j = 0; j < w; j++) kernel[j * (w + 1) + j] = 1;
    double[] bias = new double[w + 1];
    bias[w] = 1;
    out.set(last, kernel);
    out.set(last + 1, bias);
    if (spec.envelope() != null) {
      double[] s = values.get(values.size() - 1);
      for (double v : s) {
        if (v != s[0]) throw new IllegalArgumentException("the envelope's scales differ between outputs");
      }
      double[] common = new double[w + 1];
      java.util.Arrays.fill(common, s[0]);
      out.set(out.size() - 1, common);
    }
    MlpSpec features = new MlpSpec(spec.inputDimension(), spec.hiddenWidths(), w + 1, spec.activation(),
        spec.parametrisation(), spec.fourier(), spec.envelope(), spec.box(), spec.cusp());
    List<Parameter> ps = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) { // hidden layers as they are; W + 1 outputs after them
      long[] shape = i == last ? new long[] {w, w + 1} : i > last ? new long[] {w + 1} : parameters.get(i).shape();
      ps.add(new Parameter(parameters.get(i).name(), shape, out.get(i)));
    }
    return new Mlp(features, List.copyOf(ps), fourierMatrix);
  }

  /** The output layer of {@code values} as the coefficients C [W + 1, L] (row-major) of {@link #withOutputLayer}. */
  public double[] outputLayer(List<double[]> values) {
    if (disjoint()) throw new IllegalArgumentException("a disjoint network has no shared output layer");
    int last = 2 * (layers() - 1);
    double[] kernel = values.get(last);
    double[] bias = values.get(last + 1);
    double[] out = java.util.Arrays.copyOf(kernel, kernel.length + bias.length);
    System.arraycopy(bias, 0, out, kernel.length, bias.length);
    return out;
  }

  /**
   * {@code values} with the output layer set to f = φ·C for the functions φ of {@link #outputFeatures} and the
   * coefficients C [W + 1, L] (row-major): kernel rows 0..W−1, bias row W.
   */
  public List<double[]> withOutputLayer(List<double[]> values, double[] coefficients) {
    if (disjoint()) throw new IllegalArgumentException("a disjoint network has no shared output layer");
    int w = spec.hiddenWidths().get(spec.hiddenWidths().size() - 1);
    int l = spec.outputs();
    if (coefficients.length != (w + 1) * l) {
      throw new IllegalArgumentException((w + 1) + "×" + l + " coefficients expected, got " + coefficients.length);
    }
    int last = 2 * (layers() - 1);
    List<double[]> out = new ArrayList<>(values);
    out.set(last, java.util.Arrays.copyOf(coefficients, w * l));
    out.set(last + 1, java.util.Arrays.copyOfRange(coefficients, w * l, (w + 1) * l));
    return out;
  }

  public MlpSpec spec() {
    return spec;
  }

  /** The Fourier matrix B ∈ R^{d×m}, row-major, or null without Fourier features. */
  public double[] fourierMatrix() {
    return fourierMatrix == null ? null : fourierMatrix.clone();
  }

  @Override
  public int inputDimension() {
    return spec.inputDimension();
  }

  @Override
  public int outputs() {
    return spec.outputs();
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  @Override
  public <T extends TFloating> Operand<T> value(Ops tf, Operand<T> x, List<Operand<T>> params) {
    checkParams(params);
    Operand<T> h = x;
    if (fourierMatrix != null) {
      Operand<T> z = tf.linalg.matMul(x, fourier(tf, x)); // [B, m]
      h = tf.concat(List.of(tf.math.sin(z), tf.math.cos(z)), tf.constant(1)); // [B, 2m]
    }
    int layers = layers();
    for (int k = 0; k < layers; k++) {
      Operand<T> z = tf.math.add(linear(tf, h, params.get(2 * k), k), bias(tf, params.get(2 * k + 1), k));
      h = k < layers - 1 ? spec.activation().apply(tf, z) : z;
    }
    Operand<T> f = outputValue(tf, h);
    if (spec.envelope() != null) f = tf.math.mul(f, envelopeJet(tf, x, params.get(params.size() - 1), false).value());
    if (spec.box() != null) f = tf.math.mul(f, boxJet(tf, x, false).value());
    if (spec.cusp() != null) f = tf.math.mul(f, spec.cusp().jet(tf, x, spec.inputDimension(), false).value());
    return f;
  }

  @Override
  public <T extends TFloating> Jet<T> forwardJet(Ops tf, Operand<T> x, List<Operand<T>> params) {
    checkParams(params);
    int d = spec.inputDimension();
    Operand<T> h = x;
    Operand<T> jac = null; // null: J = identity (h = x)
    Operand<T> lap = null; // null: Δh = 0
    if (fourierMatrix != null) {
      Operand<T> b = fourier(tf, x);
      Operand<T> z = tf.linalg.matMul(x, b);
      Operand<T> s = tf.math.sin(z);
      Operand<T> c = tf.math.cos(z);
      Operand<T> ns = tf.math.neg(s);
      Operand<T> nc = tf.math.neg(c);
      Operand<T> norm2 = tf.sum(tf.math.square(b), tf.constant(0)); // Σ_i B_ik², [m]
      h = tf.concat(List.of(s, c), tf.constant(1));
      Operand<TInt32> one = tf.constant(1);
      jac = tf.concat(List.of(tf.math.mul(tf.expandDims(c, one), b), tf.math.mul(tf.expandDims(ns, one), b)),
          tf.constant(2));
      lap = tf.concat(List.of(tf.math.mul(ns, norm2), tf.math.mul(nc, norm2)), tf.constant(1));
    }
    int layers = layers();
    for (int k = 0; k < layers; k++) {
      Operand<T> w = params.get(2 * k);
      int out = width(k);
      Operand<T> z = tf.math.add(linear(tf, h, w, k), bias(tf, params.get(2 * k + 1), k));
      Operand<T> jz = linearJacobian(tf, jac, w, k, d, out);
      Operand<T> lz = lap == null ? null : linear(tf, lap, w, k);
      if (k == layers - 1) {
        h = z;
        jac = jz;
        lap = lz;
        break;
      }
      Activation.Values<T> a = spec.activation().derivatives(tf, z);
      Operand<TInt32> axis = tf.constant(-2);
      Operand<T> curvature = tf.math.mul(a.second(), tf.sum(tf.math.square(jz), axis));
      h = a.value();
      jac = tf.math.mul(tf.expandDims(a.first(), axis), jz);
      lap = lz == null ? curvature : tf.math.add(tf.math.mul(a.first(), lz), curvature);
    }
    Jet<T> f = outputJet(tf, h, jac, lap);
    if (spec.envelope() != null) f = product(tf, f, envelopeJet(tf, x, params.get(params.size() - 1), true));
    if (spec.box() != null) f = product(tf, f, boxJet(tf, x, true));
    if (spec.cusp() != null) f = product(tf, f, spec.cusp().jet(tf, x, spec.inputDimension(), true));
    return f;
  }

  // ---- layers ----

  private int layers() {
    return spec.hiddenWidths().size() + 1;
  }

  /** Output width of layer k (per group). */
  private int width(int k) {
    if (k < spec.hiddenWidths().size()) return spec.hiddenWidths().get(k);
    return spec.parametrisation() == Parametrisation.DISJOINT ? 1 : spec.outputs();
  }

  private boolean disjoint() {
    return spec.parametrisation() == Parametrisation.DISJOINT;
  }

  private <T extends TFloating> Operand<T> fourier(Ops tf, Operand<T> like) {
    return Graphs.constant(tf, like, new long[] {spec.inputDimension(), spec.fourier().frequencies()}, fourierMatrix);
  }

  /** Input width of layer k (per group). */
  private int inWidth(int k) {
    return k == 0 ? spec.featureDimension() : spec.hiddenWidths().get(k - 1);
  }

  /**
   * Kernel [G, n, w] of layer 0 → [n, G·w] (column block g = kernel g). Dimensions come from the
   * spec, so parameter operands of unknown static shape (e.g. variable reads) work.
   */
  private <T extends TFloating> Operand<T> flatKernel(Ops tf, Operand<T> w) {
    int n = inWidth(0);
    int out = width(0);
    return tf.reshape(tf.linalg.transpose(w, Graphs.ints(tf, 1, 0, 2)), Graphs.ints(tf, n, spec.outputs() * out));
  }

  /**
   * h·W without bias. SHARED: [B, n]·[n, w] → [B, w]. DISJOINT layer 0: shared [B, n] input →
   * [G, B, w]; later layers [G, B, n] → [G, B, w].
   */
  private <T extends TFloating> Operand<T> linear(Ops tf, Operand<T> h, Operand<T> w, int k) {
    if (!disjoint()) return tf.linalg.matMul(h, w);
    int g = spec.outputs();
    int out = width(k);
    if (k == 0) {
      Operand<T> y = tf.linalg.matMul(h, flatKernel(tf, w)); // [B, G·w]
      return tf.linalg.transpose(tf.reshape(y, Graphs.ints(tf, -1, g, out)), Graphs.ints(tf, 1, 0, 2));
    }
    return tf.linalg.einsum(List.of(h, w), "gbn,gnw->gbw");
  }

  private <T extends TFloating> Operand<T> bias(Ops tf, Operand<T> b, int k) {
    return disjoint() ? tf.reshape(b, Graphs.ints(tf, spec.outputs(), 1, width(k))) : b;
  }

  /**
   * J·W for J [B, d, n] (SHARED) or [G, B, d, n] (DISJOINT, k > 0). For J = identity (jac null)
   * returns W itself, [d, w] or [G, 1, d, w], which broadcasts over the batch.
   */
  private <T extends TFloating> Operand<T> linearJacobian(Ops tf, Operand<T> jac, Operand<T> w, int k, int d, int out) {
    int g = spec.outputs();
    if (jac == null) return disjoint() ? tf.expandDims(w, tf.constant(1)) : w;
    if (!disjoint()) {
      int n = inWidth(k);
      return tf.reshape(tf.linalg.matMul(tf.reshape(jac, Graphs.ints(tf, -1, n)), w), Graphs.ints(tf, -1, d, out));
    }
    if (k == 0) {
      int n = inWidth(k);
      Operand<T> y = tf.linalg.matMul(tf.reshape(jac, Graphs.ints(tf, -1, n)), flatKernel(tf, w)); // [B·d, G·w]
      return tf.linalg.transpose(tf.reshape(y, Graphs.ints(tf, -1, d, g, out)), Graphs.ints(tf, 2, 0, 1, 3));
    }
    return tf.linalg.einsum(List.of(jac, w), "gbdn,gnw->gbdw");
  }

  /** DISJOINT [G, B, 1] → [B, L]; SHARED unchanged. */
  private <T extends TFloating> Operand<T> outputValue(Ops tf, Operand<T> h) {
    if (!disjoint()) return h;
    return tf.linalg.transpose(tf.reshape(h, Graphs.ints(tf, spec.outputs(), -1)), Graphs.ints(tf, 1, 0));
  }

  private <T extends TFloating> Jet<T> outputJet(Ops tf, Operand<T> h, Operand<T> jac, Operand<T> lap) {
    if (!disjoint()) return new Jet<>(h, jac, lap);
    Operand<T> j = tf.linalg.transpose(
        tf.reshape(jac, Graphs.ints(tf, spec.outputs(), -1, spec.inputDimension())), Graphs.ints(tf, 1, 2, 0));
    return new Jet<>(outputValue(tf, h), j, outputValue(tf, lap));
  }

  private void checkParams(List<?> params) {
    if (params.size() != parameters.size()) {
      throw new IllegalArgumentException("expected " + parameters.size() + " parameter operands, got " + params.size());
    }
  }

  // ---- output factors ----

  /**
   * Product rule for u = f·m, m with broadcastable shapes (value [B, L] or [B, 1], gradient
   * [B, d, L] or [B, d, 1]): ∇u = m∇f + f∇m, Δu = mΔf + 2∇f·∇m + fΔm.
   */
  static <T extends TFloating> Jet<T> product(Ops tf, Jet<T> f, Jet<T> m) {
    Operand<TInt32> one = tf.constant(1);
    Operand<T> value = tf.math.mul(f.value(), m.value());
    Operand<T> grad = tf.math.add(tf.math.mul(tf.expandDims(m.value(), one), f.gradient()),
        tf.math.mul(tf.expandDims(f.value(), one), m.gradient()));
    Operand<T> cross = tf.sum(tf.math.mul(f.gradient(), m.gradient()), one);
    Operand<T> lap = tf.math.add(tf.math.add(tf.math.mul(m.value(), f.laplacian()),
        tf.math.mul(Graphs.scalar(tf, cross, 2.0), cross)), tf.math.mul(f.value(), m.laplacian()));
    return new Jet<>(value, grad, lap);
  }

  /**
   * e_l = exp(−r/s_l), r = sqrt(|x|²+ε²): value [B, L]; ∇e = −(e/s)·x/r [B, d, L];
   * Δe = e·(|x|²/(r²s²) − Δr/s), Δr = (d−1)/r + ε²/r³. Gradient and Laplacian only if {@code full}.
   */
  private <T extends TFloating> Jet<T> envelopeJet(Ops tf, Operand<T> x, Operand<T> s, boolean full) {
    double eps2 = spec.envelope().smoothing() * spec.envelope().smoothing();
    Operand<T> x2 = tf.sum(tf.math.square(x), tf.constant(1), Sum.keepDims(true)); // [B,1]
    Operand<T> q = tf.math.add(x2, Graphs.scalar(tf, x, eps2));
    Operand<T> r = tf.math.sqrt(q);
    Operand<T> e = tf.math.exp(tf.math.neg(tf.math.div(r, s))); // [B,L]
    if (!full) return new Jet<>(e, null, null);
    Operand<TInt32> one = tf.constant(1);
    Operand<T> es = tf.math.div(e, s);
    Operand<T> grad = tf.math.neg(tf.math.mul(tf.expandDims(es, one), tf.expandDims(tf.math.div(x, r), tf.constant(2))));
    int d = spec.inputDimension();
    Operand<T> lapR = tf.math.add(tf.math.div(Graphs.scalar(tf, x, d - 1.0), r),
        tf.math.div(Graphs.scalar(tf, x, eps2), tf.math.mul(q, r)));
    Operand<T> radial = tf.math.div(tf.math.div(x2, q), tf.math.square(s)); // |∇r|²/s²
    Operand<T> lap = tf.math.mul(e, tf.math.sub(radial, tf.math.div(lapR, s)));
    return new Jet<>(e, grad, lap);
  }

  /**
   * b = Π_i g(x_i)/n, g(t) = (1−a)(1−c) = 1 − a − c + e^{−2ℓ}, a = e^{t−ℓ}, c = e^{−t−ℓ}, n the factor's rms
   * ({@link MlpSpec.BoxMask#axisMeanSquare}); g' = c − a, g'' = −(a + c). ∂_i b = g'(x_i)/n Π_{j≠i} g(x_j)/n,
   * Δb = Σ_i g''(x_i)/n Π_{j≠i} g(x_j)/n. Shapes: value [B, 1], gradient [B, d, 1], Laplacian [B, 1].
   */
  private <T extends TFloating> Jet<T> boxJet(Ops tf, Operand<T> x, boolean full) {
    double ell = spec.box().halfWidth();
    int d = spec.inputDimension();
    if (spec.box().shape() == MaskShape.COSINE) return cosineBoxJet(tf, x, full);
    Operand<T> unit = Graphs.scalar(tf, x, 1 / Math.sqrt(spec.box().axisMeanSquare()));
    Operand<T> a = tf.math.mul(tf.math.exp(tf.math.sub(x, Graphs.scalar(tf, x, ell))), unit);
    Operand<T> c = tf.math.mul(tf.math.exp(tf.math.sub(tf.math.neg(x), Graphs.scalar(tf, x, ell))), unit);
    Operand<T> g = tf.math.sub(tf.math.sub(tf.math.mul(Graphs.scalar(tf, x, 1 + Math.exp(-2 * ell)), unit), a), c);
    List<Operand<T>> gi = columns(tf, g, d);
    Operand<T> value = productOf(tf, gi, -1);
    if (!full) return new Jet<>(value, null, null);
    List<Operand<T>> g1 = columns(tf, tf.math.sub(c, a), d);
    List<Operand<T>> g2 = columns(tf, tf.math.neg(tf.math.add(a, c)), d);
    List<Operand<T>> grads = new ArrayList<>();
    Operand<T> lap = null;
    for (int i = 0; i < d; i++) {
      Operand<T> rest = productOf(tf, gi, i);
      Operand<T> gr = rest == null ? g1.get(i) : tf.math.mul(g1.get(i), rest);
      Operand<T> lp = rest == null ? g2.get(i) : tf.math.mul(g2.get(i), rest);
      grads.add(gr);
      lap = lap == null ? lp : tf.math.add(lap, lp);
    }
    Operand<T> grad = tf.expandDims(d == 1 ? grads.get(0) : tf.concat(grads, tf.constant(1)), tf.constant(2));
    return new Jet<>(value, grad, lap);
  }

  /**
   * b = Π_i √2 cos(k x_i), k = π/2ℓ (each factor of unit mean square on [−ℓ, ℓ]); ∂_i b = −√2 k sin(k x_i)
   * Π_{j≠i} √2 cos(k x_j), Δb = −d k² b.
   */
  private <T extends TFloating> Jet<T> cosineBoxJet(Ops tf, Operand<T> x, boolean full) {
    double ell = spec.box().halfWidth();
    int d = spec.inputDimension();
    double k = Math.PI / (2 * ell);
    Operand<T> kx = tf.math.mul(x, Graphs.scalar(tf, x, k));
    Operand<T> g = tf.math.mul(tf.math.cos(kx), Graphs.scalar(tf, x, Math.sqrt(2)));
    List<Operand<T>> gi = columns(tf, g, d);
    Operand<T> value = productOf(tf, gi, -1);
    if (!full) return new Jet<>(value, null, null);
    List<Operand<T>> g1 = columns(tf, tf.math.mul(tf.math.sin(kx), Graphs.scalar(tf, x, -Math.sqrt(2) * k)), d);
    List<Operand<T>> grads = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      Operand<T> rest = productOf(tf, gi, i);
      grads.add(rest == null ? g1.get(i) : tf.math.mul(g1.get(i), rest));
    }
    Operand<T> lap = tf.math.mul(value, Graphs.scalar(tf, x, -k * k * d));
    Operand<T> grad = tf.expandDims(d == 1 ? grads.get(0) : tf.concat(grads, tf.constant(1)), tf.constant(2));
    return new Jet<>(value, grad, lap);
  }

  /** Columns of m [B, n] as [B, 1] operands (matmul with unit vectors: differentiable to any order). */
  private static <T extends TFloating> List<Operand<T>> columns(Ops tf, Operand<T> m, int n) {
    List<Operand<T>> cols = new ArrayList<>();
    for (int i = 0; i < n; i++) cols.add(tf.linalg.matMul(m, Graphs.unitColumn(tf, m, n, i)));
    return cols;
  }

  /** Product of the factors except index {@code skip} (−1: none); null if empty. */
  private static <T extends TFloating> Operand<T> productOf(Ops tf, List<Operand<T>> factors, int skip) {
    Operand<T> p = null;
    for (int i = 0; i < factors.size(); i++) {
      if (i == skip) continue;
      p = p == null ? factors.get(i) : tf.math.mul(p, factors.get(i));
    }
    return p;
  }

  @Override
  public String toString() {
    return "Mlp" + spec;
  }
}
