package org.opsvd.solver.neural;

import org.opsvd.operators.action.Jet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

class LaplaciansTest {
  private static final int B = 8;

  static Stream<Arguments> configs() {
    MlpSpec base = MlpSpec.of(2, List.of(32, 32), 3);
    MlpSpec disjoint = base.withParametrisation(Parametrisation.DISJOINT);
    return Stream.of(
        Arguments.of("softplus shared", base),
        Arguments.of("softplus disjoint", disjoint),
        Arguments.of("tanh shared", base.withActivation(Activation.TANH)),
        Arguments.of("tanh disjoint", disjoint.withActivation(Activation.TANH)),
        Arguments.of("sin shared", base.withActivation(Activation.SIN)),
        Arguments.of("gelu shared", base.withActivation(Activation.GELU)),
        Arguments.of("softplus shared fourier+envelope", base.withFourier(8, 0.5).withEnvelope(1.5)),
        Arguments.of("softplus disjoint fourier+envelope+box", disjoint.withFourier(8, 0.5).withEnvelope(1.5).withBox(2.0)),
        Arguments.of("tanh disjoint d=3 envelope+box", new MlpSpec(3, List.of(16, 16), 2, Activation.TANH,
            Parametrisation.DISJOINT, null, new MlpSpec.Envelope(1.5), new MlpSpec.BoxMask(2.0), null)),
        Arguments.of("softplus shared fourier+cusp", base.withFourier(8, 0.5).withCusp(2.0)),
        Arguments.of("tanh disjoint d=3 cusp+box", new MlpSpec(3, List.of(16, 16), 2, Activation.TANH,
            Parametrisation.DISJOINT, null, null, new MlpSpec.BoxMask(2.0), CuspFactor.atOrigin(1.0))),
        Arguments.of("softplus shared d=3 two-centre cusp", MlpSpec.of(3, List.of(16, 16), 2).withFourier(4, 0.5)
            .withCusp(new CuspFactor(List.of(new CuspFactor.Centre(new double[] {0, 0, 1}, 1.0),
                new CuspFactor.Centre(new double[] {0.3, 0, -1}, 2.0))))),
        Arguments.of("softplus shared d=1 L=1 box", MlpSpec.of(1, List.of(16), 1).withBox(2.0)),
        Arguments.of("sin shared d=3 cosine box", MlpSpec.of(3, List.of(16, 16), 2).withActivation(Activation.SIN)
            .withBox(1.5, MaskShape.COSINE)),
        Arguments.of("softplus disjoint fourier+envelope+cosine box", disjoint.withFourier(8, 0.5).withEnvelope(1.5)
            .withBox(2.0, MaskShape.COSINE)));
  }

  /** Forward and nested-reverse-mode jets of the same network agree to 1e-10 relative (float64). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void forwardMatchesAutodiff(String name, MlpSpec spec) {
    Mlp net = new Mlp(spec, 42);
    int d = spec.inputDimension();
    int outs = spec.outputs();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {B, d}, TfTesting.points(B, d, 1, 1.5));
      List<Operand<TFloat64>> p = Networks.initialConstants(tf, net, Precision.FLOAT64);
      Jet<TFloat64> fwd = Laplacians.jet(tf, net, x, p, LaplacianMethod.FORWARD);
      Jet<TFloat64> auto = Laplacians.jet(tf, net, x, p, LaplacianMethod.AUTODIFF);
      List<double[]> r = TfTesting.fetch(g, tf, fwd.value(), fwd.gradient(), fwd.laplacian(),
          auto.value(), auto.gradient(), auto.laplacian());
      assertEquals(B * outs, r.get(2).length);
      assertEquals(B * d * outs, r.get(1).length);
      double ev = TfTesting.relErr(r.get(0), r.get(3));
      double eg = TfTesting.relErr(r.get(1), r.get(4));
      double el = TfTesting.relErr(r.get(2), r.get(5));
      System.out.printf("%s: value %.2e gradient %.2e laplacian %.2e%n", name, ev, eg, el);
      assertTrue(ev <= 1e-12, "value " + ev);
      assertTrue(eg <= 1e-10, "gradient " + eg);
      assertTrue(el <= 1e-10, "laplacian " + el);
    }
  }

  /**
   * Parameter gradients of a loss using value and Laplacian agree between the forward and the
   * autodiff Laplacian (third order through the registered gradients), to 1e-9 relative.
   */
  @Test
  void parameterGradientsAgree() {
    MlpSpec spec = MlpSpec.of(2, List.of(16, 16), 2).withParametrisation(Parametrisation.DISJOINT).withEnvelope(2.0);
    Mlp net = new Mlp(spec, 3);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {B, 2}, TfTesting.points(B, 2, 5, 1.5));
      List<Operand<TFloat64>> p = Networks.initialConstants(tf, net, Precision.FLOAT64);
      List<Operand<? extends TFloating>> out = new ArrayList<>();
      List<Operand<? extends TFloating>> ref = new ArrayList<>();
      for (LaplacianMethod m : List.of(LaplacianMethod.FORWARD, LaplacianMethod.AUTODIFF)) {
        Jet<TFloat64> j = Laplacians.jet(tf, net, x, p, m);
        Operand<TFloat64> loss = tf.sum(tf.math.add(tf.math.square(j.laplacian()), tf.math.square(j.value())),
            tf.constant(new int[] {0, 1}));
        Gradients gr = tf.gradients(loss, p, Gradients.dx(List.of(tf.constant(1.0))));
        for (int i = 0; i < p.size(); i++) (m == LaplacianMethod.FORWARD ? out : ref).add(gr.<TFloat64>dy(i));
      }
      List<Operand<? extends TFloating>> all = new ArrayList<>(out);
      all.addAll(ref);
      @SuppressWarnings("unchecked")
      List<double[]> r = TfTesting.fetch(g, tf, all.toArray(new Operand[0]));
      double worst = 0;
      for (int i = 0; i < p.size(); i++) worst = Math.max(worst, TfTesting.relErr(r.get(i), r.get(i + p.size())));
      System.out.printf("parameter gradients forward vs autodiff: %.2e%n", worst);
      assertTrue(worst <= 1e-9, "parameter gradient " + worst);
    }
  }

  /**
   * Points and parameters of unknown static shape (placeholderWithDefault, as for fed or variable
   * inputs) give the same forward jet as constants, bit for bit.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Parametrisation.class)
  void unknownStaticShapes(Parametrisation par) {
    Mlp net = new Mlp(MlpSpec.of(2, List.of(8, 8), 3).withParametrisation(par).withFourier(4, 0.5).withEnvelope(2), 4);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {B, 2}, TfTesting.points(B, 2, 1, 1.5));
      List<Operand<TFloat64>> p = Networks.initialConstants(tf, net, Precision.FLOAT64);
      List<Operand<TFloat64>> pu = new ArrayList<>();
      for (Operand<TFloat64> o : p) pu.add(tf.placeholderWithDefault(o, org.tensorflow.ndarray.Shape.unknown()));
      Operand<TFloat64> xu = tf.placeholderWithDefault(x, org.tensorflow.ndarray.Shape.of(-1, 2));
      Jet<TFloat64> a = net.forwardJet(tf, x, p);
      Jet<TFloat64> b = net.forwardJet(tf, xu, pu);
      List<double[]> r = TfTesting.fetch(g, tf, a.value(), a.gradient(), a.laplacian(), b.value(), b.gradient(),
          b.laplacian(), net.value(tf, xu, pu));
      for (int i = 0; i < 3; i++) assertEquals(0.0, TfTesting.absErr(r.get(i + 3), r.get(i)), 0.0);
      assertEquals(0.0, TfTesting.absErr(r.get(6), r.get(0)), 0.0);
    }
  }

  /** Central differences with h = 1e-3 agree with the forward jet to O(h²): ≤ 1e-5 relative. */
  @Test
  void finiteDifferencesMatchForward() {
    MlpSpec spec = MlpSpec.of(2, List.of(32, 32), 3).withParametrisation(Parametrisation.DISJOINT)
        .withFourier(8, 0.5).withEnvelope(1.5);
    Mlp net = new Mlp(spec, 11);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {B, 2}, TfTesting.points(B, 2, 2, 1.5));
      List<Operand<TFloat64>> p = Networks.initialConstants(tf, net, Precision.FLOAT64);
      Jet<TFloat64> fwd = net.forwardJet(tf, x, p);
      Jet<TFloat64> fd3 = Laplacians.finiteDifference(tf, net, x, p, 1e-3);
      Jet<TFloat64> fd2 = Laplacians.jet(tf, net, x, p, LaplacianMethod.FINITE_DIFFERENCE); // h = 0.01
      List<double[]> r = TfTesting.fetch(g, tf, fwd.value(), fwd.gradient(), fwd.laplacian(),
          fd3.value(), fd3.gradient(), fd3.laplacian(), fd2.laplacian());
      double ev = TfTesting.relErr(r.get(3), r.get(0));
      double eg = TfTesting.relErr(r.get(4), r.get(1));
      double el = TfTesting.relErr(r.get(5), r.get(2));
      double el2 = TfTesting.relErr(r.get(6), r.get(2));
      System.out.printf("FD h=1e-3: value %.2e gradient %.2e laplacian %.2e; h=1e-2 laplacian %.2e%n", ev, eg, el, el2);
      assertEquals(0.0, ev, 0.0);
      assertTrue(eg <= 1e-5, "gradient " + eg);
      assertTrue(el <= 1e-5, "laplacian " + el);
      assertTrue(el2 <= 1e-2 && el2 > el, "laplacian h=0.01 " + el2);
    }
  }

  /** The float32 forward Laplacian is within 1e-5 relative of float64 (same parameters and points). */
  @Test
  void float32CloseToFloat64() {
    MlpSpec spec = MlpSpec.of(2, List.of(32, 32), 3).withFourier(8, 0.5).withEnvelope(1.5);
    Mlp net = new Mlp(spec, 8);
    double[] pts = TfTesting.points(B, 2, 3, 1.5);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Jet<?>[] jets = new Jet<?>[2];
      int k = 0;
      for (Precision prec : Precision.values()) {
        jets[k++] = jetOf(tf, net, prec, pts);
      }
      List<double[]> r = TfTesting.fetch(g, tf, jets[0].value(), jets[0].gradient(), jets[0].laplacian(),
          jets[1].value(), jets[1].gradient(), jets[1].laplacian());
      double ev = TfTesting.relErr(r.get(0), r.get(3));
      double eg = TfTesting.relErr(r.get(1), r.get(4));
      double el = TfTesting.relErr(r.get(2), r.get(5));
      System.out.printf("float32 vs float64: value %.2e gradient %.2e laplacian %.2e%n", ev, eg, el);
      assertTrue(ev <= 1e-5 && eg <= 1e-5 && el <= 1e-5, ev + " " + eg + " " + el);
    }
  }

  private static <T extends TFloating> Jet<T> jetOf(Ops tf, Network net, Precision prec, double[] pts) {
    Operand<T> x = prec.constant(tf, new long[] {B, 2}, pts);
    return net.forwardJet(tf, x, Networks.<T>initialConstants(tf, net, prec));
  }

  @Test
  void badArguments() {
    Mlp net = new Mlp(MlpSpec.of(2, List.of(4), 1), 0);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> x = Precision.FLOAT64.constant(tf, new long[] {1, 2}, new double[] {0.1, 0.2});
      List<Operand<TFloat64>> p = Networks.initialConstants(tf, net, Precision.FLOAT64);
      var e = assertThrows(IllegalArgumentException.class, () -> Laplacians.finiteDifference(tf, net, x, p, 0));
      assertTrue(e.getMessage().contains("step"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> net.value(tf, x, p.subList(0, 3)));
      assertEquals("expected 4 parameter operands, got 3", e.getMessage());
    }
    var e = assertThrows(IllegalArgumentException.class, () -> LaplacianMethod.parse("hutchinson"));
    assertTrue(e.getMessage().contains("forward, autodiff, finite_difference"), e.getMessage());
    assertEquals(LaplacianMethod.FINITE_DIFFERENCE, LaplacianMethod.parse("fd"));
  }
}
