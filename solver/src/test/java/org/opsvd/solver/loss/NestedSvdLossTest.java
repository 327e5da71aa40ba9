package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsvd.solver.loss.LoraReference.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Values and injected gradients of {@link NestedSvdLoss} in float64 against central finite
 * differences (h = 1e-5) and plain-Java references. Tolerance: max |∂ − FD| < 1e-7·max(1, max|FD|).
 */
class NestedSvdLossTest {
  private static final int B1 = 8;
  private static final int B2 = 6;
  private static final int L = 3;
  private static final double H = 1e-5;

  /** Which estimator a test runs. */
  private enum Form { KERNEL, PAIRED }

  /** A graph with placeholders F, G (and K for the kernel form) and the terms built on them. */
  private static final class Setup implements AutoCloseable {
    final Graph graph = new Graph();
    final Session session = new Session(graph);
    final Ops tf = Ops.create(graph);
    final Placeholder<TFloat64> fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
    final Placeholder<TFloat64> gp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
    final double[][] k;
    final NestedSvdLoss.Terms<TFloat64> terms;

    Setup(NestedSvdLoss loss, Form form, double[][] k) {
      this.k = k;
      terms = form == Form.KERNEL ? loss.kernel(tf, fp, gp, tf.constant(k)) : loss.paired(tf, fp, gp);
    }

    /** Fetches loss, leftGradient, rightGradient, leftGram, rightGram, cross. */
    Object[] eval(double[][] f, double[][] g) {
      try (var ft = tensor(f); var gt = tensor(g);
          var r = session.runner().feed(fp, ft).feed(gp, gt).fetch(terms.loss())
              .fetch(terms.leftGradient()).fetch(terms.rightGradient()).fetch(terms.leftGram())
              .fetch(terms.rightGram()).fetch(terms.cross()).run()) {
        double[] cross = new double[L];
        for (int l = 0; l < L; l++) cross[l] = ((TFloat64) r.get(5)).getDouble(l);
        return new Object[] {scalar(r.get(0)), matrix(r.get(1)), matrix(r.get(2)), matrix(r.get(3)),
            matrix(r.get(4)), cross};
      }
    }

    double loss(double[][] f, double[][] g) {
      try (var ft = tensor(f); var gt = tensor(g);
          var r = session.runner().feed(fp, ft).feed(gp, gt).fetch(terms.loss()).run()) {
        return scalar(r.get(0));
      }
    }

    @Override
    public void close() {
      session.close();
      graph.close();
    }
  }

  /** An objective of (F, G), for finite differences. */
  private interface Objective {
    double value(double[][] f, double[][] g);
  }

  /** Central-difference gradient of obj w.r.t. F (side 0) or G (side 1), entries of column l only (all columns if l < 0). */
  private static double[][] fd(Objective obj, double[][] f, double[][] g, int side, int column) {
    double[][] x = side == 0 ? f : g;
    double[][] d = new double[x.length][L];
    for (int b = 0; b < x.length; b++) {
      for (int l = 0; l < L; l++) {
        if (column >= 0 && l != column) continue;
        double[][] xp = copy(x), xm = copy(x);
        xp[b][l] += H;
        xm[b][l] -= H;
        double vp = side == 0 ? obj.value(xp, g) : obj.value(f, xp);
        double vm = side == 0 ? obj.value(xm, g) : obj.value(f, xm);
        d[b][l] = (vp - vm) / (2 * H);
      }
    }
    return d;
  }

  /** [B, L] → [B, 1 + L] with a column of ones first (if constant). */
  static double[][] augment(double[][] x, boolean constant) {
    if (!constant) return x;
    double[][] a = new double[x.length][x[0].length + 1];
    for (int b = 0; b < x.length; b++) {
      a[b][0] = 1;
      System.arraycopy(x[b], 0, a[b], 1, x[b].length);
    }
    return a;
  }

  /** Kernel-form partial objective over the first i modes, no masks (plain Java). */
  static double kernelPartial(double[][] f, double[][] g, double[][] k, int i) {
    int b1 = f.length, b2 = g.length;
    double op = 0;
    for (int b = 0; b < b1; b++) {
      for (int c = 0; c < b2; c++) {
        for (int l = 0; l < i; l++) op += f[b][l] * k[b][c] * g[c][l];
      }
    }
    double[][] lf = mul(transpose(f), f), lg = mul(transpose(g), g);
    double metric = 0;
    for (int a = 0; a < i; a++) {
      for (int l = 0; l < i; l++) metric += lf[a][l] / b1 * lg[a][l] / b2;
    }
    return -2.0 * op / (b1 * b2) + metric;
  }

  /** Paired-form partial objective over the first i modes, no masks (plain Java, half Grams). */
  static double pairedPartial(double[][] f, double[][] g, int i) {
    int b = f.length;
    double op = 0;
    for (int r = 0; r < b; r++) {
      for (int l = 0; l < i; l++) op += f[r][l] * g[r][l];
    }
    double[][] f1 = halfGram(f, 0), f2 = halfGram(f, 1), g1 = halfGram(g, 0), g2 = halfGram(g, 1);
    double metric = 0;
    for (int a = 0; a < i; a++) {
      for (int l = 0; l < i; l++) metric += 0.5 * (f1[a][l] * g2[a][l] + f2[a][l] * g1[a][l]);
    }
    return -2.0 * op / b + metric;
  }

  private static void assertClose(String what, double[][] grad, double[][] fd) {
    double err = maxAbsDiff(grad, fd);
    System.out.printf("%s: max |grad - FD| = %.3e (max |FD| = %.3f)%n", what, err, maxAbs(fd));
    assertTrue(err < 1e-7 * Math.max(1, maxAbs(fd)), what + ": max |grad - FD| = " + err);
  }

  /** JOINT: both injected gradients are the derivatives of the logged loss (kernel and paired, ± constant mode). */
  @ParameterizedTest
  @ValueSource(strings = {"KERNEL", "PAIRED", "KERNEL_CONST", "PAIRED_CONST"})
  void jointGradientsMatchFiniteDifferencesOfLoggedLoss(String variant) {
    Form form = variant.startsWith("KERNEL") ? Form.KERNEL : Form.PAIRED;
    boolean constant = variant.endsWith("CONST");
    Random rnd = new Random(11);
    int b2 = form == Form.KERNEL ? B2 : B1;
    double[][] f0 = gaussian(rnd, B1, L, 1.0), g0 = gaussian(rnd, b2, L, 1.0);
    double[][] k = gaussian(rnd, B1, b2, 1.0);
    NestedSvdLoss loss = new NestedSvdLoss(Nesting.JOINT, L);
    if (constant) loss = loss.withConstantMode();
    try (Setup s = new Setup(loss, form, k)) {
      Object[] r = s.eval(f0, g0);
      assertClose("joint " + variant + " dF", (double[][]) r[1], fd(s::loss, f0, g0, 0, -1));
      assertClose("joint " + variant + " dG", (double[][]) r[2], fd(s::loss, f0, g0, 1, -1));
    }
  }

  /**
   * SEQUENTIAL: column l of each gradient is the FD gradient w.r.t. column l of the partial
   * objective L(f_{1:l}, g_{1:l}) (plain Java, with the constant as mode 0 when on), other columns
   * fixed; the same gradients are not the derivatives of the logged value.
   */
  @ParameterizedTest
  @ValueSource(strings = {"KERNEL", "PAIRED", "KERNEL_CONST", "PAIRED_CONST"})
  void sequentialGradientsMatchPartialObjectives(String variant) {
    Form form = variant.startsWith("KERNEL") ? Form.KERNEL : Form.PAIRED;
    boolean constant = variant.endsWith("CONST");
    int c = constant ? 1 : 0;
    Random rnd = new Random(12);
    int b2 = form == Form.KERNEL ? B2 : B1;
    double[][] f0 = gaussian(rnd, B1, L, 1.0), g0 = gaussian(rnd, b2, L, 1.0);
    double[][] k = gaussian(rnd, B1, b2, 1.0);
    NestedSvdLoss loss = new NestedSvdLoss(Nesting.SEQUENTIAL, L);
    if (constant) loss = loss.withConstantMode();
    try (Setup s = new Setup(loss, form, k)) {
      Object[] r = s.eval(f0, g0);
      double[][] fdF = new double[B1][L], fdG = new double[b2][L];
      for (int l = 0; l < L; l++) {
        int modes = l + 1 + c;
        Objective partial = form == Form.KERNEL
            ? (f, g) -> kernelPartial(augment(f, constant), augment(g, constant), k, modes)
            : (f, g) -> pairedPartial(augment(f, constant), augment(g, constant), modes);
        double[][] cf = fd(partial, f0, g0, 0, l), cg = fd(partial, f0, g0, 1, l);
        for (int b = 0; b < B1; b++) fdF[b][l] = cf[b][l];
        for (int b = 0; b < b2; b++) fdG[b][l] = cg[b][l];
      }
      assertClose("sequential " + variant + " dF", (double[][]) r[1], fdF);
      assertClose("sequential " + variant + " dG", (double[][]) r[2], fdG);
      double[][] fdLogged = fd(s::loss, f0, g0, 0, -1);
      assertTrue(maxAbsDiff((double[][]) r[1], fdLogged) > 1e-2, "sequential dF should differ from d(logged)/dF");
    }
  }

  /** Logged loss, Grams and cross against plain Java (no constant: the joint loss is the α-mixture of partials). */
  @Test
  void valuesMatchReferences() {
    Random rnd = new Random(13);
    double[][] f = gaussian(rnd, B1, L, 1.0), g = gaussian(rnd, B2, L, 1.0), gp = gaussian(rnd, B1, L, 1.0);
    double[][] k = gaussian(rnd, B1, B2, 1.0);
    try (Setup sk = new Setup(new NestedSvdLoss(Nesting.JOINT, L), Form.KERNEL, k);
        Setup sp = new Setup(new NestedSvdLoss(Nesting.JOINT, L), Form.PAIRED, k)) {
      Object[] rk = sk.eval(f, g), rp = sp.eval(f, gp);
      double jointK = 0, jointP = 0;
      for (int i = 1; i <= L; i++) {
        jointK += kernelPartial(f, g, k, i) / L;
        jointP += pairedPartial(f, gp, i) / L;
      }
      assertEquals(jointK, (double) rk[0], 1e-12);
      assertEquals(jointP, (double) rp[0], 1e-12);
      double[][] lf = mul(transpose(f), f), lg = mul(transpose(g), g), fkg = mul(mul(transpose(f), k), g);
      double[][] fg = mul(transpose(f), gp);
      for (int a = 0; a < L; a++) {
        assertEquals(fkg[a][a] / (B1 * B2), ((double[]) rk[5])[a], 1e-12);
        assertEquals(fg[a][a] / B1, ((double[]) rp[5])[a], 1e-12);
        for (int l = 0; l < L; l++) {
          assertEquals(lf[a][l] / B1, ((double[][]) rk[3])[a][l], 1e-12);
          assertEquals(lg[a][l] / B2, ((double[][]) rk[4])[a][l], 1e-12);
        }
      }
    }
  }

  @Test
  void masksWithConstantMode() {
    var joint = new NestedSvdLoss(Nesting.JOINT, 2).withConstantMode();
    assertArrayEquals(new double[] {1, 1, 0.5}, joint.vectorMask(), 1e-15);
    assertArrayEquals(new double[] {1, 1, 0.5}, joint.matrixMask()[0], 1e-15);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5}, joint.matrixMask()[2], 1e-15);
    var seq = new NestedSvdLoss(Nesting.SEQUENTIAL, 2).withConstantMode();
    assertArrayEquals(new double[] {1, 1, 1}, seq.vectorMask(), 1e-15);
    assertArrayEquals(new double[] {0, 1, 1}, seq.matrixMask()[1], 1e-15);
    assertTrue(seq.constantMode() && !new NestedSvdLoss(Nesting.SEQUENTIAL, 2).constantMode());
    assertEquals(2, seq.outputs());
  }

  /**
   * The caller's parameter gradients: tf.gradients(List.of(F, G), [Wf, Wg], dx = [∂F, ∂G]) for
   * F = tanh(X Wf), G = tanh(Y Wg) equal Xᵀ(∂F ∘ (1 − F²)) and Yᵀ(∂G ∘ (1 − G²)) to 1e-12.
   */
  @Test
  void parameterGradientsViaInjectedOutputGradients() {
    Random rnd = new Random(14);
    int d = 5;
    double[][] x = gaussian(rnd, B1, d, 1.0), y = gaussian(rnd, B2, d, 1.0), k = gaussian(rnd, B1, B2, 1.0);
    double[][] wf0 = gaussian(rnd, d, L, 0.5), wg0 = gaussian(rnd, d, L, 0.5);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var wf = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(d, L)));
      var wg = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(d, L)));
      Operand<TFloat64> f = tf.math.tanh(tf.linalg.matMul(tf.constant(x), wf));
      Operand<TFloat64> gg = tf.math.tanh(tf.linalg.matMul(tf.constant(y), wg));
      var terms = new NestedSvdLoss(Nesting.SEQUENTIAL, L).kernel(tf, f, gg, tf.constant(k));
      Gradients grads = tf.gradients(List.of(f, gg), List.of(wf, wg),
          Gradients.dx(List.of(terms.leftGradient(), terms.rightGradient())));
      try (var wft = tensor(wf0); var wgt = tensor(wg0);
          var r = s.runner().feed(wf, wft).feed(wg, wgt).fetch(f).fetch(gg).fetch(terms.leftGradient())
              .fetch(terms.rightGradient()).fetch(grads.dy(0)).fetch(grads.dy(1)).run()) {
        double[][] fv = matrix(r.get(0)), gv = matrix(r.get(1)), df = matrix(r.get(2)), dg = matrix(r.get(3));
        double[][] bf = new double[B1][L], bg = new double[B2][L];
        for (int b = 0; b < B1; b++) for (int l = 0; l < L; l++) bf[b][l] = df[b][l] * (1 - fv[b][l] * fv[b][l]);
        for (int b = 0; b < B2; b++) for (int l = 0; l < L; l++) bg[b][l] = dg[b][l] * (1 - gv[b][l] * gv[b][l]);
        assertTrue(maxAbsDiff(mul(transpose(x), bf), matrix(r.get(4))) < 1e-12);
        assertTrue(maxAbsDiff(mul(transpose(y), bg), matrix(r.get(5))) < 1e-12);
      }
    }
  }

  /** Generic in the float type: float32 (paired, constant mode) reproduces float64 to 1e-5. */
  @Test
  void float32MatchesFloat64() {
    Random rnd = new Random(15);
    double[][] f = gaussian(rnd, B1, L, 1.0), g = gaussian(rnd, B1, L, 1.0);
    try (Graph gr = new Graph(); Session s = new Session(gr)) {
      Ops tf = Ops.create(gr);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var gp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var loss = new NestedSvdLoss(Nesting.JOINT, L).withConstantMode();
      var t64 = loss.paired(tf, fp, gp);
      var t32 = loss.paired(tf, tf.dtypes.cast(fp, TFloat32.class), tf.dtypes.cast(gp, TFloat32.class));
      try (var ft = tensor(f); var gt = tensor(g);
          var r = s.runner().feed(fp, ft).feed(gp, gt).fetch(t64.loss()).fetch(t64.leftGradient())
              .fetch(t64.rightGradient()).fetch(tf.dtypes.cast(t32.loss(), TFloat64.class))
              .fetch(tf.dtypes.cast(t32.leftGradient(), TFloat64.class))
              .fetch(tf.dtypes.cast(t32.rightGradient(), TFloat64.class)).run()) {
        assertEquals(TFloat32.class, t32.loss().type());
        assertEquals(scalar(r.get(0)), scalar(r.get(3)), 1e-5);
        assertTrue(maxAbsDiff(matrix(r.get(1)), matrix(r.get(4))) < 1e-5);
        assertTrue(maxAbsDiff(matrix(r.get(2)), matrix(r.get(5))) < 1e-5);
      }
    }
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new NestedSvdLoss(Nesting.JOINT, 0));
    assertThrows(IllegalArgumentException.class, () -> new NestedSvdLoss(Nesting.JOINT, -2));
    assertThrows(NullPointerException.class, () -> new NestedSvdLoss(null, 2));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var loss = new NestedSvdLoss(Nesting.JOINT, L);
      var f8 = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(8, L)));
      var f6 = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(6, L)));
      var odd = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(7, L)));
      var wide = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L + 1)));
      var rank1 = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(8)));
      var k86 = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(8, 6)));
      var k68 = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(6, 8)));
      var e = assertThrows(IllegalArgumentException.class, () -> loss.paired(tf, odd, odd));
      assertTrue(e.getMessage().contains("even") && e.getMessage().contains("7"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> loss.paired(tf, f8, f6));
      assertThrows(IllegalArgumentException.class, () -> loss.paired(tf, wide, wide));
      assertThrows(IllegalArgumentException.class, () -> loss.paired(tf, rank1, rank1));
      assertThrows(IllegalArgumentException.class, () -> loss.kernel(tf, f8, f6, k68));
      assertThrows(IllegalArgumentException.class, () -> loss.kernel(tf, f6, f8, k86));
      assertThrows(IllegalArgumentException.class, () -> loss.kernel(tf, f8, wide, k86));
      assertThrows(IllegalArgumentException.class, () -> loss.kernel(tf, f8, f6, rank1));
      loss.kernel(tf, f8, f6, k86); // consistent shapes build
      // A dynamic paired batch that turns out odd fails at run time in the split.
      var dyn = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var terms = loss.paired(tf, dyn, dyn);
      try (Session s = new Session(g); var t = tensor(new double[7][L])) {
        assertThrows(RuntimeException.class, () -> s.runner().feed(dyn, t).fetch(terms.loss()).run().close());
      }
    }
  }
}
