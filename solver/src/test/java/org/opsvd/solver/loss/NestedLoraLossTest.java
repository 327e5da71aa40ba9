package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsvd.solver.loss.LoraReference.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Values and gradients of {@link NestedLoraLoss} in float64 against plain-Java references. */
class NestedLoraLossTest {
  private static final int B = 8;
  private static final int L = 3;

  @Test
  void jointLossIsUniformMixtureOfPartialObjectives() {
    Random rnd = new Random(1);
    double[][] f = gaussian(rnd, B, L, 1.0);
    double[][] tfv = gaussian(rnd, B, L, 1.0);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var tp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var joint = new NestedLoraLoss(Nesting.JOINT, L).build(tf, fp, tp);
      var seq = new NestedLoraLoss(Nesting.SEQUENTIAL, L).build(tf, fp, tp);
      try (var ft = tensor(f); var tt = tensor(tfv);
          var r = s.runner().feed(fp, ft).feed(tp, tt).fetch(joint.loss()).fetch(seq.loss())
              .fetch(joint.gram()).fetch(joint.operatorGram()).run()) {
        double expectedJoint = 0;
        for (int i = 1; i <= L; i++) expectedJoint += partialLoss(f, tfv, i) / L;
        assertEquals(expectedJoint, scalar(r.get(0)), 1e-12);

        // Sequential logged value: −(2/B) Σ F∘TF + Σ_{k<=l} Λ¹_kl Λ²_kl (M = triu ones).
        double[][] g1 = halfGram(f, 0), g2 = halfGram(f, 1);
        double expectedSeq = 0;
        for (int b = 0; b < B; b++) for (int l = 0; l < L; l++) expectedSeq -= 2 * f[b][l] * tfv[b][l] / B;
        for (int k = 0; k < L; k++) for (int l = k; l < L; l++) expectedSeq += g1[k][l] * g2[k][l];
        assertEquals(expectedSeq, scalar(r.get(1)), 1e-12);

        assertBatchGrams(f, tfv, r.get(2), r.get(3));
      }
    }
  }

  /**
   * With TF = A·F for a symmetric B×B matrix A (an operator acting on each function, self-adjoint
   * in the batch inner product), the injected gradient G equals the true gradient of the logged
   * JOINT loss with respect to F (TF now depending on F). Central differences, h = 1e-5.
   */
  @Test
  void jointOutputGradientMatchesFiniteDifferences() {
    Random rnd = new Random(2);
    double[][] f0 = gaussian(rnd, B, L, 1.0);
    double[][] a = symmetric(rnd, B);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var terms = new NestedLoraLoss(Nesting.JOINT, L).build(tf, fp, tf.linalg.matMul(tf.constant(a), fp));
      double[][] grad = run(s, fp, f0, terms.outputGradient());
      double h = 1e-5;
      double[][] fd = new double[B][L];
      for (int b = 0; b < B; b++) {
        for (int l = 0; l < L; l++) {
          double[][] fp1 = copy(f0), fm1 = copy(f0);
          fp1[b][l] += h;
          fm1[b][l] -= h;
          fd[b][l] = (runScalar(s, fp, fp1, terms.loss()) - runScalar(s, fp, fm1, terms.loss())) / (2 * h);
        }
      }
      double err = maxAbsDiff(grad, fd);
      System.out.printf("joint: max |G - FD| = %.3e (max |G| = %.3f)%n", err, maxAbs(grad));
      assertTrue(err < 1e-7 * Math.max(1, maxAbs(fd)), "max |G - FD| = " + err);
    }
  }

  /**
   * SEQUENTIAL: column l of G equals the gradient w.r.t. F_{:,l} of the partial objective
   * L(f_{1:l+1}) (same half-batch split, TF = A·F), the other columns held fixed. The same G is not
   * the gradient of the logged sequential loss value (M is not symmetric).
   */
  @Test
  void sequentialOutputGradientMatchesPartialObjectives() {
    Random rnd = new Random(3);
    double[][] f0 = gaussian(rnd, B, L, 1.0);
    double[][] a = symmetric(rnd, B);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var terms = new NestedLoraLoss(Nesting.SEQUENTIAL, L).build(tf, fp, tf.linalg.matMul(tf.constant(a), fp));
      double[][] grad = run(s, fp, f0, terms.outputGradient());
      double h = 1e-5;
      double[][] fd = new double[B][L];
      double[][] fdLogged = new double[B][L];
      for (int b = 0; b < B; b++) {
        for (int l = 0; l < L; l++) {
          double[][] fp1 = copy(f0), fm1 = copy(f0);
          fp1[b][l] += h;
          fm1[b][l] -= h;
          fd[b][l] = (partialLoss(fp1, mul(a, fp1), l + 1) - partialLoss(fm1, mul(a, fm1), l + 1)) / (2 * h);
          fdLogged[b][l] = (runScalar(s, fp, fp1, terms.loss()) - runScalar(s, fp, fm1, terms.loss())) / (2 * h);
        }
      }
      double err = maxAbsDiff(grad, fd);
      System.out.printf("sequential: max |G - FD(partial)| = %.3e, max |G - FD(logged)| = %.3f%n",
          err, maxAbsDiff(grad, fdLogged));
      assertTrue(err < 1e-7 * Math.max(1, maxAbs(fd)), "max |G - FD(partial)| = " + err);
      assertTrue(maxAbsDiff(grad, fdLogged) > 1e-2, "sequential G should differ from d(logged)/dF");
    }
  }

  /**
   * The caller's parameter gradient tf.gradients(F, [W], dx = G) for F = tanh(X W) equals
   * Xᵀ(G ∘ (1 − F²)); and tf.gradients(loss, W) does not flow into TF = A·F (stop-gradient), so it
   * equals Xᵀ((∂loss/∂F at fixed TF) ∘ (1 − F²)) with ∂loss/∂F|_TF = G + (2/B) TF diag(m) (joint).
   */
  @Test
  void parameterGradientViaInjectedOutputGradient() {
    Random rnd = new Random(4);
    int d = 5;
    double[][] x = gaussian(rnd, B, d, 1.0);
    double[][] w0 = gaussian(rnd, d, L, 0.5);
    double[][] a = symmetric(rnd, B);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var wp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(d, L)));
      Operand<TFloat64> f = tf.math.tanh(tf.linalg.matMul(tf.constant(x), wp));
      Operand<TFloat64> tfOut = tf.linalg.matMul(tf.constant(a), f);
      var terms = new NestedLoraLoss(Nesting.JOINT, L).build(tf, f, tfOut);
      Gradients viaDx = tf.gradients(f, List.of(wp), Gradients.dx(List.of(terms.outputGradient())));
      Gradients viaLoss = tf.gradients(terms.loss(), List.of(wp), Gradients.dx(List.of(tf.constant(1.0))));
      try (var wt = tensor(w0);
          var r = s.runner().feed(wp, wt).fetch(f).fetch(tfOut).fetch(terms.outputGradient())
              .fetch(viaDx.dy(0)).fetch(viaLoss.dy(0)).run()) {
        double[][] fv = matrix(r.get(0)), tv = matrix(r.get(1)), gv = matrix(r.get(2));
        double[] m = Nesting.JOINT.vectorMask(L);
        double[][] back = new double[B][L], backLoss = new double[B][L];
        for (int b = 0; b < B; b++) {
          for (int l = 0; l < L; l++) {
            double dtanh = 1 - fv[b][l] * fv[b][l];
            back[b][l] = gv[b][l] * dtanh;
            backLoss[b][l] = (gv[b][l] + 2.0 / B * m[l] * tv[b][l]) * dtanh;
          }
        }
        assertTrue(maxAbsDiff(mul(transpose(x), back), matrix(r.get(3))) < 1e-12);
        assertTrue(maxAbsDiff(mul(transpose(x), backLoss), matrix(r.get(4))) < 1e-12);
      }
    }
  }

  /**
   * With an independent Gram estimate Λ̃ pooled at weight δ, each half's rows are multiplied by M∘(δΛ̃ + (1−δ)Λ^other):
   * G = −(4/B) TF diag(m) + (4/B)[F¹ (M∘(δΛ̃ + (1−δ)Λ²)); F² (M∘(δΛ̃ + (1−δ)Λ¹))], for both nestings; δ = 0 is
   * the plain estimator bit for bit, and the logged loss does not change.
   */
  @Test
  void pooledGramEntersTheGradientOnly() {
    Random rnd = new Random(6);
    double[][] f = gaussian(rnd, B, L, 1.0);
    double[][] tfv = gaussian(rnd, B, L, 1.0);
    double[][] other = gaussian(rnd, 2 * B, L, 1.0);
    double[][] pooledGram = mul(transpose(other), other);
    for (int k = 0; k < L; k++) for (int l = 0; l < L; l++) pooledGram[k][l] /= 2 * B;
    double delta = 0.8;
    for (Nesting nesting : Nesting.values()) {
      try (Graph g = new Graph(); Session s = new Session(g)) {
        Ops tf = Ops.create(g);
        var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
        var tp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
        var loss = new NestedLoraLoss(nesting, L);
        var plain = loss.build(tf, fp, tp);
        var pooled = loss.build(tf, fp, tp, tf.constant(pooledGram), tf.constant(delta));
        var none = loss.build(tf, fp, tp, tf.constant(pooledGram), tf.constant(0.0));
        try (var ft = tensor(f); var tt = tensor(tfv);
            var r = s.runner().feed(fp, ft).feed(tp, tt).fetch(plain.outputGradient()).fetch(pooled.outputGradient())
                .fetch(none.outputGradient()).fetch(plain.loss()).fetch(pooled.loss()).run()) {
          double[] m = nesting.vectorMask(L);
          double[][] mm = nesting.matrixMask(L);
          double[][][] half = {halfGram(f, 0), halfGram(f, 1)};
          double[][] expected = new double[B][L];
          for (int b = 0; b < B; b++) {
            double[][] otherHalf = half[b < B / 2 ? 1 : 0];
            for (int l = 0; l < L; l++) {
              double v = -4.0 / B * m[l] * tfv[b][l];
              for (int k = 0; k < L; k++) {
                v += 4.0 / B * f[b][k] * mm[k][l] * (delta * pooledGram[k][l] + (1 - delta) * otherHalf[k][l]);
              }
              expected[b][l] = v;
            }
          }
          assertTrue(maxAbsDiff(expected, matrix(r.get(1))) < 1e-12, nesting + ": pooled G");
          assertEquals(0, maxAbsDiff(matrix(r.get(0)), matrix(r.get(2))), nesting + ": δ = 0 is the plain G");
          assertTrue(maxAbsDiff(matrix(r.get(0)), matrix(r.get(1))) > 1e-3, nesting + ": the pooled Gram matters");
          assertEquals(scalar(r.get(3)), scalar(r.get(4)), 0.0, nesting + ": logged loss");
        }
      }
    }
  }

  /** The builder is generic in the float type: float32 reproduces the float64 loss and G to 1e-5. */
  @Test
  void float32MatchesFloat64() {
    Random rnd = new Random(5);
    double[][] f = gaussian(rnd, B, L, 1.0);
    double[][] tfv = gaussian(rnd, B, L, 1.0);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var tp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var loss = new NestedLoraLoss(Nesting.JOINT, L);
      var t64 = loss.build(tf, fp, tp);
      var t32 = loss.build(tf, tf.dtypes.cast(fp, TFloat32.class), tf.dtypes.cast(tp, TFloat32.class));
      try (var ft = tensor(f); var tt = tensor(tfv);
          var r = s.runner().feed(fp, ft).feed(tp, tt).fetch(t64.loss()).fetch(t64.outputGradient())
              .fetch(tf.dtypes.cast(t32.loss(), TFloat64.class))
              .fetch(tf.dtypes.cast(t32.outputGradient(), TFloat64.class)).run()) {
        assertEquals(TFloat32.class, t32.loss().type());
        assertEquals(scalar(r.get(0)), scalar(r.get(2)), 1e-5);
        assertTrue(maxAbsDiff(matrix(r.get(1)), matrix(r.get(3))) < 1e-5);
      }
    }
  }

  @Test
  void rejectsBadInput() {
    var e = assertThrows(IllegalArgumentException.class, () -> NestedLoraLoss.requireEvenBatch(7));
    assertTrue(e.getMessage().contains("even") && e.getMessage().contains("7"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NestedLoraLoss.requireEvenBatch(0));
    NestedLoraLoss.requireEvenBatch(2);
    assertThrows(IllegalArgumentException.class, () -> new NestedLoraLoss(Nesting.JOINT, 0));
    assertThrows(IllegalArgumentException.class, () -> new NestedLoraLoss(Nesting.parse("nest"), 2));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var loss = new NestedLoraLoss(Nesting.SEQUENTIAL, L);
      var odd = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(7, L)));
      assertThrows(IllegalArgumentException.class, () -> loss.build(tf, odd, odd));
      var wide = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L + 1)));
      assertThrows(IllegalArgumentException.class, () -> loss.build(tf, wide, wide));
      var rank1 = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(8)));
      assertThrows(IllegalArgumentException.class, () -> loss.build(tf, rank1, rank1));
      // A dynamic batch size that turns out odd fails at run time in the split.
      var dyn = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var terms = loss.build(tf, dyn, dyn);
      try (Session s = new Session(g)) {
        assertThrows(RuntimeException.class, () -> run(s, dyn, new double[7][L], terms.loss()));
      }
    }
  }

  static double[][] run(Session s, Operand<TFloat64> feed, double[][] value, Operand<TFloat64> fetch) {
    try (var t = tensor(value); var r = s.runner().feed(feed, t).fetch(fetch).run()) {
      return matrix(r.get(0));
    }
  }

  static double runScalar(Session s, Operand<TFloat64> feed, double[][] value, Operand<TFloat64> fetch) {
    try (var t = tensor(value); var r = s.runner().feed(feed, t).fetch(fetch).run()) {
      return scalar(r.get(0));
    }
  }
}
