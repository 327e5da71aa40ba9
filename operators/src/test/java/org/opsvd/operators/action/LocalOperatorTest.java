package org.opsvd.operators.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.LangevinGenerator;
import org.opsvd.operators.SmoothPotential;
import org.opsvd.operators.potentials.CoulombPotential;
import org.opsvd.operators.potentials.ExpressionPotential;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * Every operator's two views agree: the graph action on a jet equals the float64 Java action (float64 to 1e-12
 * relative, float32 to 1e-5), and on exact eigenfunctions the action is E·f.
 */
class LocalOperatorTest {

  private static final int B = 7;
  private static final int L = 3;

  static Stream<Arguments> operators() {
    return Stream.of(
        Arguments.of("harmonic 2D", Hamiltonian.of(new HarmonicPotential(new double[] {1, 2}))),
        Arguments.of("hydrogen 3D, c = 1", new Hamiltonian(1.0, new CoulombPotential(1, 3))),
        Arguments.of("Langevin OU 2D, β = 2", new LangevinGenerator(HarmonicPotential.isotropic(2, 1), 2)),
        Arguments.of("Langevin double well 1D",
            new LangevinGenerator(SmoothPotential.of(new ExpressionPotential("(x^2-1)^2", 1)), 3)));
  }

  /** A Gaussian sampling density N(0, s²I_d) at x: √p, ∇log p = −x/s², Δ√p/√p = |x|²/(4s⁴) − d/(2s²). */
  static LocalDensity gaussian(double[] x, double s) {
    double s2 = s * s;
    double r2 = 0;
    double[] g = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r2 += x[i] * x[i];
      g[i] = -x[i] / s2;
    }
    double sqrtP = Math.pow(2 * Math.PI * s2, -0.25 * x.length) * Math.exp(-r2 / (4 * s2));
    return new LocalDensity(g, r2 / (4 * s2 * s2) - x.length / (2 * s2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void graphAndJavaViewsAgreeInFloat64(String name, LocalOperator operator) {
    assertViewsAgree(operator, TFloat64.class, 1e-12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operators")
  void graphAndJavaViewsAgreeInFloat32(String name, LocalOperator operator) {
    assertViewsAgree(operator, TFloat32.class, 1e-5);
  }

  /** Random points, jets and a Gaussian density; every (point, output) compared, relative to the largest term. */
  private static <T extends TFloating> void assertViewsAgree(LocalOperator operator, Class<T> type, double tol) {
    int d = operator.dimension();
    Random random = new Random(11);
    double[] x = new double[B * d];
    double[] f = new double[B * L];
    double[] grad = new double[B * d * L];
    double[] lap = new double[B * L];
    for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian();
    for (int i = 0; i < f.length; i++) f[i] = random.nextGaussian();
    for (int i = 0; i < grad.length; i++) grad[i] = random.nextGaussian();
    for (int i = 0; i < lap.length; i++) lap[i] = random.nextGaussian();
    List<LocalOperator.Field> layout = operator.fields();
    double[][] fed = new double[layout.size()][];
    double[][][] perPoint = new double[B][layout.size()][];
    for (int k = 0; k < layout.size(); k++) fed[k] = new double[B * layout.get(k).size()];
    for (int i = 0; i < B; i++) {
      double[] xi = java.util.Arrays.copyOfRange(x, i * d, (i + 1) * d);
      for (int k = 0; k < layout.size(); k++) perPoint[i][k] = new double[layout.get(k).size()];
      assertTrue(operator.fields(xi, gaussian(xi, 1.7), perPoint[i]));
      for (int k = 0; k < layout.size(); k++) {
        System.arraycopy(perPoint[i][k], 0, fed[k], i * perPoint[i][k].length, perPoint[i][k].length);
      }
    }
    double[] graph = runGraph(operator, type, f, grad, lap, fed, layout, d);
    for (int i = 0; i < B; i++) {
      for (int l = 0; l < L; l++) {
        double[] g = new double[d];
        for (int j = 0; j < d; j++) g[j] = grad[(i * d + j) * L + l];
        double java = operator.act(perPoint[i], f[i * L + l], g, lap[i * L + l]);
        double scale = 1 + Math.abs(java);
        for (double[] field : perPoint[i]) for (double v : field) scale += Math.abs(v) * 3;
        assertEquals(java, graph[i * L + l], tol * scale, "point " + i + ", output " + l);
      }
    }
  }

  private static <T extends TFloating> double[] runGraph(LocalOperator operator, Class<T> type, double[] f,
      double[] grad, double[] lap, double[][] fed, List<LocalOperator.Field> layout, int d) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Placeholder<T> pf = tf.placeholder(type, Placeholder.shape(Shape.of(-1, L)));
      Placeholder<T> pg = tf.placeholder(type, Placeholder.shape(Shape.of(-1, d, L)));
      Placeholder<T> pl = tf.placeholder(type, Placeholder.shape(Shape.of(-1, L)));
      List<Placeholder<T>> fields = new ArrayList<>();
      for (LocalOperator.Field field : layout) {
        fields.add(tf.placeholder(type, Placeholder.shape(field.width() == 0 ? Shape.of(-1) : Shape.of(-1, field.width()))));
      }
      Operand<T> out = operator.act(tf, new Jet<>(pf, pg, pl), fields);
      List<Tensor> tensors = new ArrayList<>();
      try {
        Session.Runner runner = s.runner();
        runner.feed(pf, add(tensors, tensor(type, new long[] {B, L}, f)));
        runner.feed(pg, add(tensors, tensor(type, new long[] {B, d, L}, grad)));
        runner.feed(pl, add(tensors, tensor(type, new long[] {B, L}, lap)));
        for (int k = 0; k < layout.size(); k++) {
          int w = layout.get(k).width();
          runner.feed(fields.get(k), add(tensors, tensor(type, w == 0 ? new long[] {B} : new long[] {B, w}, fed[k])));
        }
        try (var result = runner.fetch(out).run()) {
          return values(result.get(0));
        }
      } finally {
        tensors.forEach(Tensor::close);
      }
    }
  }

  private static Tensor add(List<Tensor> list, Tensor t) {
    list.add(t);
    return t;
  }

  private static Tensor tensor(Class<?> type, long[] shape, double[] values) {
    if (type == TFloat64.class) return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    float[] v = new float[values.length];
    for (int i = 0; i < v.length; i++) v[i] = (float) values[i];
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(v, true, false));
  }

  private static double[] values(Tensor t) {
    int n = (int) t.shape().size();
    double[] out = new double[n];
    if (t instanceof TFloat64 t64) {
      t64.asRawTensor().data().asDoubles().read(out);
    } else {
      float[] v = new float[n];
      t.asRawTensor().data().asFloats().read(v);
      for (int i = 0; i < n; i++) out[i] = v[i];
    }
    return out;
  }

  /**
   * f = P(x)·e^{−α|x|²} with P a polynomial: value, gradient and Laplacian in closed form. With ψ = √p·f and p
   * Gaussian of std s, the eigenfunctions below are of this form.
   */
  record GaussianTimesPolynomial(double alpha, java.util.function.Function<double[], double[]> polynomial) {
    /** P, ∂_1P..∂_dP, ΔP in one array from {@code polynomial}; returns {f, ∇f..., Δf}. */
    double[] jet(double[] x) {
      int d = x.length;
      double r2 = 0;
      for (double v : x) r2 += v * v;
      double g = Math.exp(-alpha * r2);
      double[] p = polynomial.apply(x); // [P, ∇P (d), ΔP]
      double[] out = new double[d + 2];
      out[0] = p[0] * g;
      double gradPDotX = 0;
      for (int i = 0; i < d; i++) {
        out[1 + i] = (p[1 + i] - 2 * alpha * x[i] * p[0]) * g;
        gradPDotX += p[1 + i] * x[i];
      }
      double lapG = (4 * alpha * alpha * r2 - 2 * alpha * d); // Δg/g
      out[d + 1] = (p[d + 1] - 4 * alpha * gradPDotX + p[0] * lapG) * g;
      return out;
    }
  }

  private static void assertEigenfunction(LocalOperator operator, GaussianTimesPolynomial f, double s, double e) {
    Random random = new Random(5);
    int d = operator.dimension();
    List<LocalOperator.Field> layout = operator.fields();
    double[][] fields = new double[layout.size()][];
    for (int k = 0; k < fields.length; k++) fields[k] = new double[layout.get(k).size()];
    for (int i = 0; i < 20; i++) {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) x[j] = 1.5 * random.nextGaussian();
      assertTrue(operator.fields(x, gaussian(x, s), fields));
      double[] jet = f.jet(x);
      double[] gradient = java.util.Arrays.copyOfRange(jet, 1, 1 + d);
      double af = operator.act(fields, jet[0], gradient, jet[d + 1]);
      assertEquals(e * jet[0], af, 1e-12 * (1 + Math.abs(e)) * (1 + Math.abs(jet[0])), "at x = " + java.util.Arrays.toString(x));
    }
  }

  /**
   * H = −½Δ + ½|x|² in 2D with p = N(0, s²): f = ψ/√p ∝ P(x)e^{−α|x|²}, α = ½ − 1/(4s²); ψ₀ (P = 1, E = 1) and
   * ψ ∝ x₁x₂ (E = 3).
   */
  @Test
  void schrodingerActionOnExactOscillatorEigenfunctions() {
    double s = 1.3;
    double alpha = 0.5 - 1 / (4 * s * s);
    Hamiltonian h = Hamiltonian.of(HarmonicPotential.isotropic(2, 1));
    assertEigenfunction(h, new GaussianTimesPolynomial(alpha, x -> new double[] {1, 0, 0, 0}), s, 1);
    assertEigenfunction(h, new GaussianTimesPolynomial(alpha, x -> new double[] {x[0] * x[1], x[1], x[0], 0}), s, 3);
  }

  /**
   * The Ornstein–Uhlenbeck generator (U = ½|x|², β = 2) has eigenfunctions u in L²(μ): 1 (ν = 0), x₁ (−1),
   * x₁x₂ (−2), x₁² − 1/β (−2). With p = N(0, s²), f = u·√(μ/p) ∝ u·e^{−α|x|²}, α = β/4 − 1/(4s²); A = −𝓛 gives
   * −ν·f, reported as ν.
   */
  @Test
  void langevinActionOnExactOrnsteinUhlenbeckEigenfunctions() {
    double beta = 2;
    double s = 1.1;
    double alpha = beta / 4 - 1 / (4 * s * s);
    LangevinGenerator ou = new LangevinGenerator(HarmonicPotential.isotropic(2, 1), beta);
    assertEigenfunction(ou, new GaussianTimesPolynomial(alpha, x -> new double[] {1, 0, 0, 0}), s, 0);
    assertEigenfunction(ou, new GaussianTimesPolynomial(alpha, x -> new double[] {x[0], 1, 0, 0}), s, 1);
    assertEigenfunction(ou, new GaussianTimesPolynomial(alpha, x -> new double[] {x[0] * x[1], x[1], x[0], 0}), s, 2);
    assertEigenfunction(ou, new GaussianTimesPolynomial(alpha,
        x -> new double[] {x[0] * x[0] - 1 / beta, 2 * x[0], 0, 2}), s, 2);
    assertEquals(-2.0, ou.reported(2.0));
  }

  /** The generator acts on f exactly as its ground-state transform −β⁻¹Δ + β|∇U|²/4 − ΔU/2 does (unitary equivalence). */
  @Test
  void langevinEqualsItsGroundStateHamiltonianOnAnyJet() {
    LangevinGenerator generator = new LangevinGenerator(
        SmoothPotential.of(new ExpressionPotential("(x^2-1)^2 + 0.5*y^2 + 0.3*x*y", 2)), 1.5);
    Hamiltonian h = generator.groundState();
    Random random = new Random(3);
    double[][] fl = {new double[2], new double[1]};
    double[][] fh = {new double[1], new double[2], new double[1]};
    for (int i = 0; i < 50; i++) {
      double[] x = {random.nextGaussian(), random.nextGaussian()};
      LocalDensity p = gaussian(x, 2);
      assertTrue(generator.fields(x, p, fl));
      assertTrue(h.fields(x, p, fh));
      double f = random.nextGaussian();
      double[] g = {random.nextGaussian(), random.nextGaussian()};
      double lap = random.nextGaussian();
      double expected = h.act(fh, f, g, lap);
      assertEquals(expected, generator.act(fl, f, g, lap), 1e-9 * (1 + Math.abs(fh[0][0]) + Math.abs(expected)));
    }
  }

  /** A Coulomb nucleus is a singular point: the operator says so, so the trainer redraws it. */
  @Test
  void singularPointsAreReported() {
    Hamiltonian h = new Hamiltonian(0.5, new CoulombPotential(1, 2));
    double[] x = {0, 0};
    assertEquals(false, h.fields(x, gaussian(x, 1), new double[][] {new double[1], new double[2], new double[1]}));
  }
}
