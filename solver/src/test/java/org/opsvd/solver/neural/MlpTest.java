package org.opsvd.solver.neural;

import org.opsvd.operators.action.Jet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

class MlpTest {

  /** value, gradient, Laplacian of {@code net} at the points, float64, by {@code method}. */
  private static List<double[]> jet(Mlp net, double[] pts, LaplacianMethod method) {
    int d = net.inputDimension();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {pts.length / d, d}, pts);
      Jet<TFloat64> j = Laplacians.jet(tf, net, x, Networks.initialConstants(tf, net, Precision.FLOAT64), method);
      return TfTesting.fetch(g, tf, j.value(), j.gradient(), j.laplacian());
    }
  }

  /** σ, σ', σ'' written independently of the graph code. */
  private static DoubleUnaryOperator[] closedForm(Activation a) {
    return switch (a) {
      case TANH -> new DoubleUnaryOperator[] {Math::tanh, z -> 1 / (Math.cosh(z) * Math.cosh(z)),
          z -> -2 * Math.sinh(z) / Math.pow(Math.cosh(z), 3)};
      case SOFTPLUS -> new DoubleUnaryOperator[] {z -> Math.log1p(Math.exp(z)), z -> 1 / (1 + Math.exp(-z)),
          z -> Math.exp(z) / ((1 + Math.exp(z)) * (1 + Math.exp(z)))};
      case SIN -> new DoubleUnaryOperator[] {Math::sin, Math::cos, z -> -Math.sin(z)};
      case GELU -> new DoubleUnaryOperator[] {z -> 0.5 * z * (1 + Erf.erf(z / Math.sqrt(2))),
          z -> 0.5 * (1 + Erf.erf(z / Math.sqrt(2))) + z * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI),
          z -> Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * (2 - z * z)};
    };
  }

  /**
   * One hidden unit, f(x) = c·σ(w·x + b) + b₂ with hand-set parameters: value, ∇f = cσ'(z)w and
   * Δf = cσ''(z)|w|² match the closed form to 1e-12 (forward and autodiff).
   */
  @ParameterizedTest
  @EnumSource(Activation.class)
  void oneUnitClosedForm(Activation act) {
    double[] w = {0.7, -1.3};
    double b = 0.2;
    double c = -1.1;
    double b2 = 0.4;
    Mlp net = new Mlp(MlpSpec.of(2, List.of(1), 1).withActivation(act), 0)
        .withInitialValues(List.of(w, new double[] {b}, new double[] {c}, new double[] {b2}));
    double[] pts = TfTesting.points(6, 2, 9, 1.5);
    DoubleUnaryOperator[] s = closedForm(act);
    double[] v = new double[6];
    double[] gr = new double[12];
    double[] lap = new double[6];
    for (int n = 0; n < 6; n++) {
      double z = w[0] * pts[2 * n] + w[1] * pts[2 * n + 1] + b;
      v[n] = c * s[0].applyAsDouble(z) + b2;
      gr[2 * n] = c * s[1].applyAsDouble(z) * w[0];
      gr[2 * n + 1] = c * s[1].applyAsDouble(z) * w[1];
      lap[n] = c * s[2].applyAsDouble(z) * (w[0] * w[0] + w[1] * w[1]);
    }
    for (LaplacianMethod m : List.of(LaplacianMethod.FORWARD, LaplacianMethod.AUTODIFF)) {
      List<double[]> r = jet(net, pts, m);
      System.out.printf("one unit %s %s: value %.1e gradient %.1e laplacian %.1e%n", act, m,
          TfTesting.absErr(r.get(0), v), TfTesting.absErr(r.get(1), gr), TfTesting.absErr(r.get(2), lap));
      assertTrue(TfTesting.absErr(r.get(0), v) <= 1e-12, m + " value");
      assertTrue(TfTesting.absErr(r.get(1), gr) <= 1e-12, m + " gradient " + TfTesting.absErr(r.get(1), gr));
      assertTrue(TfTesting.absErr(r.get(2), lap) <= 1e-12, m + " laplacian " + TfTesting.absErr(r.get(2), lap));
    }
  }

  /**
   * Fourier features with one tanh unit: u = Σ_k w_k sin z_k + w_{m+k} cos z_k + b, z = xB, f = c·tanh u;
   * ∇f = c σ'(u)∇u, Δf = c(σ''(u)|∇u|² + σ'(u)Δu), Δu = −Σ_k (w_k sin z_k + w_{m+k} cos z_k)|B_k|². 1e-12.
   */
  @Test
  void fourierClosedForm() {
    int m = 3;
    double[] w = {0.5, -0.4, 0.3, 0.9, -0.2, 0.6};
    double c = 1.7;
    Mlp net = new Mlp(MlpSpec.of(2, List.of(1), 1).withActivation(Activation.TANH).withFourier(m, 0.3), 5)
        .withInitialValues(List.of(w, new double[] {0.1}, new double[] {c}, new double[] {0}));
    double[] bf = net.fourierMatrix();
    double[] pts = TfTesting.points(5, 2, 4, 1.5);
    double[] v = new double[5];
    double[] gr = new double[10];
    double[] lap = new double[5];
    for (int n = 0; n < 5; n++) {
      double u = 0.1;
      double[] du = new double[2];
      double lu = 0;
      for (int k = 0; k < m; k++) {
        double z = pts[2 * n] * bf[k] + pts[2 * n + 1] * bf[m + k];
        u += w[k] * Math.sin(z) + w[m + k] * Math.cos(z);
        for (int i = 0; i < 2; i++) du[i] += (w[k] * Math.cos(z) - w[m + k] * Math.sin(z)) * bf[i * m + k];
        lu -= (w[k] * Math.sin(z) + w[m + k] * Math.cos(z)) * (bf[k] * bf[k] + bf[m + k] * bf[m + k]);
      }
      double t = Math.tanh(u);
      double s1 = 1 - t * t;
      double s2 = -2 * t * s1;
      v[n] = c * t;
      gr[2 * n] = c * s1 * du[0];
      gr[2 * n + 1] = c * s1 * du[1];
      lap[n] = c * (s2 * (du[0] * du[0] + du[1] * du[1]) + s1 * lu);
    }
    List<double[]> r = jet(net, pts, LaplacianMethod.FORWARD);
    System.out.printf("fourier one unit: value %.1e gradient %.1e laplacian %.1e%n",
        TfTesting.absErr(r.get(0), v), TfTesting.absErr(r.get(1), gr), TfTesting.absErr(r.get(2), lap));
    assertTrue(TfTesting.absErr(r.get(0), v) <= 1e-12);
    assertTrue(TfTesting.absErr(r.get(1), gr) <= 1e-12, "gradient " + TfTesting.absErr(r.get(1), gr));
    assertTrue(TfTesting.absErr(r.get(2), lap) <= 1e-12, "laplacian " + TfTesting.absErr(r.get(2), lap));
  }

  /**
   * Envelope alone (MLP output ≡ 1 via zero last kernel and unit bias), d = 3, scales 1.5 and 3:
   * u = e^{−|x|/s}, ∇u = −u x/(|x|s), Δu = u(1/s² − (d−1)/(|x|s)); 1e-10 relative (smoothing ε = 1e-6).
   */
  @Test
  void envelopeClosedForm() {
    double[] scales = {1.5, 3.0};
    MlpSpec base = MlpSpec.of(3, List.of(2), 2);
    MlpSpec spec = new MlpSpec(3, base.hiddenWidths(), 2, base.activation(), base.parametrisation(), null,
        new MlpSpec.Envelope(10, 1e-6), null, null);
    Mlp net0 = new Mlp(spec, 1);
    List<double[]> vals = new ArrayList<>();
    for (Parameter p : net0.parameters()) vals.add(p.initial());
    assertArrayEquals(new double[] {10, 10}, vals.get(4));
    vals.set(2, new double[4]);
    vals.set(3, new double[] {1, 1});
    vals.set(4, scales);
    Mlp net = net0.withInitialValues(vals);
    double[] pts = TfTesting.points(5, 3, 6, 1.5);
    double[] v = new double[10];
    double[] gr = new double[30];
    double[] lap = new double[10];
    for (int n = 0; n < 5; n++) {
      double r = Math.sqrt(pts[3 * n] * pts[3 * n] + pts[3 * n + 1] * pts[3 * n + 1] + pts[3 * n + 2] * pts[3 * n + 2]);
      for (int l = 0; l < 2; l++) {
        double s = scales[l];
        double u = Math.exp(-r / s);
        v[2 * n + l] = u;
        for (int i = 0; i < 3; i++) gr[6 * n + 2 * i + l] = -u * pts[3 * n + i] / (r * s);
        lap[2 * n + l] = u * (1 / (s * s) - 2 / (r * s));
      }
    }
    for (LaplacianMethod m : List.of(LaplacianMethod.FORWARD, LaplacianMethod.AUTODIFF)) {
      List<double[]> res = jet(net, pts, m);
      System.out.printf("envelope %s: value %.1e gradient %.1e laplacian %.1e (relative)%n", m,
          TfTesting.relErr(res.get(0), v), TfTesting.relErr(res.get(1), gr), TfTesting.relErr(res.get(2), lap));
      assertTrue(TfTesting.relErr(res.get(0), v) <= 1e-10, m + " value");
      assertTrue(TfTesting.relErr(res.get(1), gr) <= 1e-10, m + " gradient " + TfTesting.relErr(res.get(1), gr));
      assertTrue(TfTesting.relErr(res.get(2), lap) <= 1e-10, m + " laplacian " + TfTesting.relErr(res.get(2), lap));
    }
  }

  /**
   * The output layer combines the last hidden layer's features: with Fourier features, a box mask and a common
   * envelope scale, f = φ·C for C the output layer (kernel rows, then the bias) and φ the {@link Mlp#outputFeatures}
   * network, in values, gradients and Laplacians (1e-12 relative); {@link Mlp#withOutputLayer} inverts {@link
   * Mlp#outputLayer}. Per-output envelope scales and disjoint networks have no such features.
   */
  @Test
  void outputFeaturesSpanEveryOutput() {
    MlpSpec spec = MlpSpec.of(2, List.of(5, 4), 3).withActivation(Activation.TANH).withFourier(3, 0.5)
        .withEnvelope(2.0).withBox(3).withCusp(0.7);
    Mlp net = new Mlp(spec, 7);
    List<double[]> values = net.parameters().stream().map(Parameter::initial).toList();
    Mlp features = net.outputFeatures(values);
    assertEquals(5, features.outputs());
    double[] c = net.outputLayer(values);
    assertEquals(5 * 3, c.length);
    double[] pts = TfTesting.points(6, 2, 3, 2.5);
    List<double[]> f = jet(net, pts, LaplacianMethod.FORWARD);
    List<double[]> phi = jet(features, pts, LaplacianMethod.FORWARD);
    for (int part = 0; part < 3; part++) {
      double[] expected = f.get(part);
      double[] fromFeatures = new double[expected.length];
      for (int row = 0; row < expected.length / 3; row++) {
        for (int l = 0; l < 3; l++) {
          for (int j = 0; j < 5; j++) fromFeatures[row * 3 + l] += phi.get(part)[row * 5 + j] * c[j * 3 + l];
        }
      }
      assertTrue(TfTesting.relErr(fromFeatures, expected) <= 1e-12, "part " + part + ": "
          + TfTesting.relErr(fromFeatures, expected));
    }
    List<double[]> same = net.withOutputLayer(values, c);
    for (int i = 0; i < values.size(); i++) assertArrayEquals(values.get(i), same.get(i), 0);

    List<double[]> apart = new ArrayList<>(values);
    apart.set(apart.size() - 1, new double[] {2.0, 2.5, 2.0});
    assertThrows(IllegalArgumentException.class, () -> net.outputFeatures(apart));
    Mlp disjoint = new Mlp(MlpSpec.of(2, List.of(4), 2).withParametrisation(Parametrisation.DISJOINT), 1);
    assertThrows(IllegalArgumentException.class,
        () -> disjoint.outputFeatures(disjoint.parameters().stream().map(Parameter::initial).toList()));
  }

  /**
   * Box mask alone (MLP ≡ 1), ℓ = 2, d = 2: b = g(x₁)g(x₂)/n², g(t) = (1−e^{t−ℓ})(1−e^{−t−ℓ}), n² = 0.32385 the
   * factor's mean square on [−ℓ, ℓ] (midpoint sum, 1e-9), derivatives by the product rule on the two factors; 1e-12.
   * Zero on the face x₁ = ℓ.
   */
  @Test
  void boxMaskClosedForm() {
    double ell = 2;
    Mlp net0 = new Mlp(MlpSpec.of(2, List.of(2), 1).withBox(ell), 1);
    Mlp net = net0.withInitialValues(List.of(net0.parameters().get(0).initial(), new double[2], new double[2],
        new double[] {1}));
    double meanSquare = net0.spec().box().axisMeanSquare();
    assertEquals(0.3238496151537616, meanSquare, 1e-9, "n² by a midpoint sum on 2·10⁵ cells");
    double rms = Math.sqrt(meanSquare);
    double[] pts = TfTesting.points(5, 2, 7, 1.9);
    pts[0] = ell; // first point on the boundary
    double[] v = new double[5];
    double[] gr = new double[10];
    double[] lap = new double[5];
    for (int n = 0; n < 5; n++) {
      double[][] gg = new double[2][3];
      for (int i = 0; i < 2; i++) {
        double t = pts[2 * n + i];
        double a = Math.exp(t - ell);
        double c = Math.exp(-t - ell);
        gg[i][0] = (1 - a) * (1 - c) / rms;
        gg[i][1] = (-a * (1 - c) + (1 - a) * c) / rms;
        gg[i][2] = (-a * (1 - c) - 2 * a * c - (1 - a) * c) / rms;
      }
      v[n] = gg[0][0] * gg[1][0];
      gr[2 * n] = gg[0][1] * gg[1][0];
      gr[2 * n + 1] = gg[0][0] * gg[1][1];
      lap[n] = gg[0][2] * gg[1][0] + gg[0][0] * gg[1][2];
    }
    for (LaplacianMethod m : List.of(LaplacianMethod.FORWARD, LaplacianMethod.AUTODIFF)) {
      List<double[]> res = jet(net, pts, m);
      System.out.printf("box %s: value %.1e gradient %.1e laplacian %.1e; boundary value %.1e%n", m,
          TfTesting.absErr(res.get(0), v), TfTesting.absErr(res.get(1), gr), TfTesting.absErr(res.get(2), lap),
          res.get(0)[0]);
      assertTrue(Math.abs(res.get(0)[0]) <= 1e-15, "boundary value " + res.get(0)[0]);
      assertTrue(TfTesting.absErr(res.get(0), v) <= 1e-12, m + " value");
      assertTrue(TfTesting.absErr(res.get(1), gr) <= 1e-12, m + " gradient " + TfTesting.absErr(res.get(1), gr));
      assertTrue(TfTesting.absErr(res.get(2), lap) <= 1e-12, m + " laplacian " + TfTesting.absErr(res.get(2), lap));
    }
  }

  /**
   * Cosine box mask alone (MLP ≡ 1), ℓ = 2, d = 2: b = 2 cos(kx₁) cos(kx₂), k = π/2ℓ; ∇b = −2k (sin(kx₁) cos(kx₂),
   * cos(kx₁) sin(kx₂)), Δb = −2k² b (the free box's ground state); 1e-12, zero on the face x₁ = ℓ.
   */
  @Test
  void cosineBoxMaskClosedForm() {
    double ell = 2;
    double k = Math.PI / (2 * ell);
    Mlp net0 = new Mlp(MlpSpec.of(2, List.of(2), 1).withBox(ell, MaskShape.COSINE), 1);
    Mlp net = net0.withInitialValues(List.of(net0.parameters().get(0).initial(), new double[2], new double[2],
        new double[] {1}));
    double[] pts = TfTesting.points(5, 2, 7, 1.9);
    pts[0] = ell;
    double[] v = new double[5];
    double[] gr = new double[10];
    double[] lap = new double[5];
    for (int n = 0; n < 5; n++) {
      double c1 = Math.cos(k * pts[2 * n]);
      double c2 = Math.cos(k * pts[2 * n + 1]);
      v[n] = 2 * c1 * c2;
      gr[2 * n] = -2 * k * Math.sin(k * pts[2 * n]) * c2;
      gr[2 * n + 1] = -2 * k * c1 * Math.sin(k * pts[2 * n + 1]);
      lap[n] = -2 * k * k * v[n];
    }
    for (LaplacianMethod m : List.of(LaplacianMethod.FORWARD, LaplacianMethod.AUTODIFF)) {
      List<double[]> res = jet(net, pts, m);
      assertTrue(Math.abs(res.get(0)[0]) <= 1e-15, "boundary value " + res.get(0)[0]);
      assertTrue(TfTesting.absErr(res.get(0), v) <= 1e-12, m + " value");
      assertTrue(TfTesting.absErr(res.get(1), gr) <= 1e-12, m + " gradient " + TfTesting.absErr(res.get(1), gr));
      assertTrue(TfTesting.absErr(res.get(2), lap) <= 1e-12, m + " laplacian " + TfTesting.absErr(res.get(2), lap));
    }
  }

  /**
   * The box mask alone in 5-D, ℓ = 1 (MLP ≡ 1): E_uniform[b²] = 1, by Monte Carlo on 40 000 uniform points within 4
   * standard errors (the unscaled mask's is n^{10} = 0.0871⁵ = 5.0e-6): the states the network multiplies are O(1)
   * in any d.
   */
  @Test
  void boxMaskHasUnitMeanSquareInFiveDimensions() {
    Mlp net0 = new Mlp(MlpSpec.of(5, List.of(2), 1).withBox(1), 1);
    Mlp net = net0.withInitialValues(List.of(net0.parameters().get(0).initial(), new double[2], new double[2],
        new double[] {1}));
    int n = 40_000;
    double[] b = jet(net, TfTesting.points(n, 5, 11, 1.0), LaplacianMethod.FORWARD).get(0);
    double sum = 0;
    double sumSquares = 0;
    for (double v : b) {
      sum += v * v;
      sumSquares += v * v * v * v;
    }
    double mean = sum / n;
    double standardError = Math.sqrt((sumSquares / n - mean * mean) / n);
    System.out.printf("5-D box mask: E[b²] = %.4f ± %.4f%n", mean, standardError);
    assertEquals(1, mean, 4 * standardError);
  }

  /**
   * Periodic input on the torus [−π, π)²: a random 2-D network on 3 harmonics per axis has the same value, gradient
   * and Laplacian (forward) at x and at x shifted by the period 2π along either axis, to 1e-10; the Fourier matrix is
   * the harmonics kπ/h, one axis per block.
   */
  @Test
  void periodicInputMakesEveryFunctionPeriodic() {
    MlpSpec base = MlpSpec.of(2, List.of(8, 8), 2);
    MlpSpec spec = new MlpSpec(2, base.hiddenWidths(), 2, base.activation(), base.parametrisation(),
        new MlpSpec.FourierFeatures(6, 1, Math.PI), null, null, null);
    Mlp net = new Mlp(spec, 3);
    double[] b = net.fourierMatrix();
    assertEquals(3, b[2], 1e-15, "axis 0, harmonic 3: 3π/π");
    assertEquals(1, b[6 + 3], 1e-15, "axis 1, harmonic 1");
    assertEquals(0, b[6], 0.0, "axis 1 does not see axis 0's harmonics");
    double[] x = TfTesting.points(50, 2, 4, 3.0);
    for (int axis = 0; axis < 2; axis++) {
      double[] shifted = x.clone();
      for (int i = axis; i < shifted.length; i += 2) shifted[i] += 2 * Math.PI;
      List<double[]> at = jet(net, x, LaplacianMethod.FORWARD);
      List<double[]> there = jet(net, shifted, LaplacianMethod.FORWARD);
      for (int part = 0; part < 3; part++) {
        for (int i = 0; i < at.get(part).length; i++) {
          assertEquals(at.get(part)[i], there.get(part)[i], 1e-10, "part " + part + ", entry " + i + ", axis " + axis);
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> new Mlp(new MlpSpec(2, List.of(4), 1, spec.activation(),
        spec.parametrisation(), new MlpSpec.FourierFeatures(5, 1, Math.PI), null, null, null), 0), "5 harmonics on 2 axes");
  }

  /**
   * DISJOINT with L = 3 outputs (Fourier features, envelope, random biases and scales) equals three
   * SHARED single-output MLPs given the slices of its weights: value, gradient, Laplacian to 1e-12.
   */
  @Test
  void disjointEqualsSeparateShared() {
    int outs = 3;
    int d = 2;
    MlpSpec single = MlpSpec.of(d, List.of(8, 8), 1).withActivation(Activation.TANH).withFourier(4, 0.5).withEnvelope(2);
    MlpSpec spec = new MlpSpec(d, single.hiddenWidths(), outs, single.activation(), Parametrisation.DISJOINT,
        single.fourier(), single.envelope(), null, null);
    Mlp net0 = new Mlp(spec, 7);
    Well19937c rng = new Well19937c(99);
    List<double[]> vals = new ArrayList<>();
    for (Parameter p : net0.parameters()) {
      double[] a = p.initial();
      if (!p.name().endsWith("kernel")) for (int i = 0; i < a.length; i++) a[i] = 1 + 0.5 * rng.nextDouble();
      vals.add(a);
    }
    Mlp net = net0.withInitialValues(vals);
    double[] pts = TfTesting.points(6, d, 8, 1.5);
    List<double[]> all = jet(net, pts, LaplacianMethod.FORWARD);
    for (int l = 0; l < outs; l++) {
      Mlp one0 = new Mlp(single, 7);
      assertArrayEquals(net.fourierMatrix(), one0.fourierMatrix());
      List<double[]> slices = new ArrayList<>();
      for (double[] a : vals) {
        int len = a.length / outs;
        slices.add(Arrays.copyOfRange(a, l * len, (l + 1) * len));
      }
      List<double[]> r = jet(one0.withInitialValues(slices), pts, LaplacianMethod.FORWARD);
      for (int n = 0; n < 6; n++) {
        assertEquals(all.get(0)[n * outs + l], r.get(0)[n], 1e-12);
        assertEquals(all.get(2)[n * outs + l], r.get(2)[n], 1e-12);
        for (int i = 0; i < d; i++) assertEquals(all.get(1)[(n * d + i) * outs + l], r.get(1)[n * d + i], 1e-12);
      }
    }
  }

  /** Same seed → identical parameters and Fourier matrix; other seed → different; He variance 2/fan_in. */
  @Test
  void seededInitialisation() {
    MlpSpec spec = MlpSpec.of(2, List.of(128, 128), 4).withParametrisation(Parametrisation.DISJOINT)
        .withFourier(16, 1.0).withEnvelope(10);
    Mlp a = new Mlp(spec, 123);
    Mlp b = new Mlp(spec, 123);
    Mlp c = new Mlp(spec, 124);
    assertEquals(7, a.parameters().size());
    for (int i = 0; i < a.parameters().size(); i++) {
      assertEquals(a.parameters().get(i).name(), b.parameters().get(i).name());
      assertArrayEquals(a.parameters().get(i).initial(), b.parameters().get(i).initial(), 0.0);
    }
    assertArrayEquals(a.fourierMatrix(), b.fourierMatrix(), 0.0);
    assertFalse(Arrays.equals(a.parameters().get(0).initial(), c.parameters().get(0).initial()));
    assertFalse(Arrays.equals(a.fourierMatrix(), c.fourierMatrix()));
    assertArrayEquals(new long[] {4, 32, 128}, a.parameters().get(0).shape());
    assertArrayEquals(new long[] {4, 128}, a.parameters().get(1).shape());
    assertArrayEquals(new long[] {4, 128, 1}, a.parameters().get(4).shape());
    assertEquals("envelope/scale", a.parameters().get(6).name());
    assertArrayEquals(new double[128 * 4], a.parameters().get(3).initial(), 0.0);
    double[] k = a.parameters().get(2).initial(); // fan_in 128, 4·128·128 draws
    double ss = 0;
    for (double x : k) ss += x * x;
    assertEquals(2.0 / 128, ss / k.length, 0.02 * 2.0 / 128);
  }

  /**
   * The cusp factor with κ = Z/(c(d−1)) keeps the local energy (−cΔψ − Zψ/r)/ψ of every output bounded at
   * the nucleus (2D hydrogen, c = ½, κ = 2): it converges as r → 0 (r = 1e-5 vs 1e-7 agree to 0.1: the remainder is O(r)), while
   * without the factor it grows like −1/r.
   */
  @Test
  void cuspFactorCancelsTheCoulombSingularityOfTheLocalEnergy() {
    double[] radii = {1e-5, 1e-7};
    double[][] withCusp = localEnergies(MlpSpec.of(2, List.of(16, 16), 3).withFourier(4, 0.5).withCusp(2.0), radii);
    double[][] without = localEnergies(MlpSpec.of(2, List.of(16, 16), 3).withFourier(4, 0.5), radii);
    for (int l = 0; l < 3; l++) {
      assertTrue(Math.abs(withCusp[1][l]) < 100, "bounded: " + withCusp[1][l]);
      assertEquals(withCusp[0][l], withCusp[1][l], 0.1, "converges as r -> 0");
      assertTrue(without[1][l] < -0.5e7, "without the cusp: " + without[1][l]);
    }
  }

  /** (−½Δf − f/r)/f at points (r cos 1, r sin 1) for each radius: [radius][output]. */
  private static double[][] localEnergies(MlpSpec spec, double[] radii) {
    Mlp net = new Mlp(spec, 5);
    int n = radii.length;
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = radii[i] * Math.cos(1);
      x[2 * i + 1] = radii[i] * Math.sin(1);
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> xs = Precision.FLOAT64.constant(tf, new long[] {n, 2}, x);
      Jet<TFloat64> j = net.forwardJet(tf, xs, Networks.initialConstants(tf, net, Precision.FLOAT64));
      List<double[]> r = TfTesting.fetch(g, tf, j.value(), j.laplacian());
      int outs = spec.outputs();
      double[][] e = new double[n][outs];
      for (int i = 0; i < n; i++) {
        for (int l = 0; l < outs; l++) {
          double f = r.get(0)[i * outs + l];
          e[i][l] = (-0.5 * r.get(1)[i * outs + l] - f / radii[i]) / f;
        }
      }
      return e;
    }
  }
}
