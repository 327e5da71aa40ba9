package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsvd.solver.loss.LoraReference.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** {@link OmmLoss} in float64 against plain-Java references (double loops), finite differences, training. */
class OmmLossTest {
  private static final int B = 8;
  private static final int L = 3;

  /** Half-batch cross Gram A_hᵀB_h/(B/2). */
  private static double[][] halfCross(double[][] a, double[][] b, int h) {
    int half = a.length / 2, l = a[0].length;
    double[][] g = new double[l][l];
    for (int r = h * half; r < (h + 1) * half; r++) {
      for (int i = 0; i < l; i++) {
        for (int j = 0; j < l; j++) g[i][j] += a[r][i] * b[r][j] / half;
      }
    }
    return g;
  }

  /**
   * Plain Java, row b of half h with the other half's Λ, R and k ≤ l: omm G_bl = (1/B)[−4 TF_bl + 2 Σ_k (R_kl F_bk
   * + Λ_kl TF_bk)], sanger G_bl = (2/B)[−TF_bl + Σ_k R_kl F_bk].
   */
  static double[][] referenceGradient(double[][] f, double[][] tf, boolean sanger) {
    int b = f.length, half = b / 2, l = f[0].length;
    double[][] g = new double[b][l];
    for (int r = 0; r < b; r++) {
      int other = r < half ? 1 : 0;
      double[][] lambda = halfCross(f, f, other), op = halfCross(f, tf, other);
      for (int j = 0; j < l; j++) {
        double s = sanger ? -tf[r][j] : -4 * tf[r][j];
        for (int k = 0; k <= j; k++) {
          s += sanger ? op[k][j] * f[r][k] : 2 * (op[k][j] * f[r][k] + lambda[k][j] * tf[r][k]);
        }
        g[r][j] = (sanger ? 2.0 : 1.0) * s / b;
      }
    }
    return g;
  }

  /**
   * The estimator of the OMM objective of the first {@code prefix} functions with the upper-triangle weights of the
   * logged value: −(2/B) Σ_b Σ_{l<prefix} F_bl TF_bl + ½ Σ_{k≤l<prefix} (Λ¹_kl R²_kl + Λ²_kl R¹_kl). With
   * {@code full} the sum over k, l &lt; prefix is over every pair (the unnested L_omm(f_{1:prefix})).
   */
  static double referenceLoss(double[][] f, double[][] tf, int prefix, boolean full) {
    int b = f.length;
    double op = 0;
    for (int r = 0; r < b; r++) for (int l = 0; l < prefix; l++) op += f[r][l] * tf[r][l];
    double[][] l1 = halfCross(f, f, 0), l2 = halfCross(f, f, 1), r1 = halfCross(f, tf, 0), r2 = halfCross(f, tf, 1);
    double cross = 0;
    for (int k = 0; k < prefix; k++) {
      for (int l = full ? 0 : k; l < prefix; l++) cross += 0.5 * (l1[k][l] * r2[k][l] + l2[k][l] * r1[k][l]);
    }
    return -2.0 * op / b + cross;
  }

  @ParameterizedTest(name = "sanger = {0}")
  @ValueSource(booleans = {false, true})
  void injectedGradientAndLossMatchThePlainJavaFormulas(boolean sanger) {
    Random rnd = new Random(21);
    double[][] f = gaussian(rnd, B, L, 1.0);
    double[][] tfv = gaussian(rnd, B, L, 1.0);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var tp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var terms = new OmmLoss(sanger, L).build(tf, fp, tp);
      try (var ft = tensor(f); var tt = tensor(tfv);
          var r = s.runner().feed(fp, ft).feed(tp, tt).fetch(terms.outputGradient()).fetch(terms.loss())
              .fetch(terms.gram()).fetch(terms.operatorGram()).run()) {
        double err = maxAbsDiff(matrix(r.get(0)), referenceGradient(f, tfv, sanger));
        assertTrue(err < 1e-12, "max |G - G_java| = " + err);
        assertEquals(referenceLoss(f, tfv, L, false), scalar(r.get(1)), 1e-12);
        assertBatchGrams(f, tfv, r.get(2), r.get(3));
      }
    }
  }

  /**
   * OMM: with TF = diag(A₁, A₂)·F, A_h symmetric (T self-adjoint within each half batch, so the half-batch
   * estimates are exactly those of a self-adjoint operator), column l of G is the gradient w.r.t. F_{:,l} of the
   * estimator of the unnested L_omm(f_{1:l+1}), the other columns held fixed (central differences, h = 1e-5).
   * Sanger's G is not (it differs by (2/B)·TF(U∘Λ' − I), checked to be far from 0 here).
   */
  @Test
  void ommGradientIsThePartialGradientOfTheNestedObjective() {
    Random rnd = new Random(22);
    int half = B / 2;
    double[][] f0 = gaussian(rnd, B, L, 1.0);
    double[][] a1 = symmetric(rnd, half), a2 = symmetric(rnd, half);
    double[][] block = new double[B][B];
    for (int i = 0; i < half; i++) {
      for (int j = 0; j < half; j++) {
        block[i][j] = a1[i][j];
        block[half + i][half + j] = a2[i][j];
      }
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      Operand<TFloat64> tfv = tf.linalg.matMul(tf.constant(block), fp);
      double[][] grad = NestedLoraLossTest.run(s, fp, f0, new OmmLoss(false, L).build(tf, fp, tfv).outputGradient());
      double[][] sanger = NestedLoraLossTest.run(s, fp, f0, new OmmLoss(true, L).build(tf, fp, tfv).outputGradient());
      double h = 1e-5;
      double[][] fd = new double[B][L];
      for (int r = 0; r < B; r++) {
        for (int l = 0; l < L; l++) {
          double[][] p = copy(f0), m = copy(f0);
          p[r][l] += h;
          m[r][l] -= h;
          fd[r][l] = (referenceLoss(p, mul(block, p), l + 1, true) - referenceLoss(m, mul(block, m), l + 1, true))
              / (2 * h);
        }
      }
      double err = maxAbsDiff(grad, fd);
      System.out.printf("omm: max |G - FD(partial)| = %.2e (max |G| = %.3f), max |G_sanger - FD| = %.3f%n", err,
          maxAbs(grad), maxAbsDiff(sanger, fd));
      assertTrue(err < 1e-8 * Math.max(1, maxAbs(fd)), "max |G - FD| = " + err);
      assertTrue(maxAbsDiff(sanger, fd) > 1e-2, "Sanger's G should not be the OMM gradient");
    }
  }

  /**
   * Training recovers the top eigenvectors in order, with unit norms. Exact-batch setting of
   * {@link NestedLoraTrainingTest}: A = Q diag(5, 4, 3, 2, 1, −1, …, −15) Qᵀ (n = 20), X = √n·[I; I], F = XW,
   * TF = XAW, plain gradient descent with the injected gradient from W ~ N(0, 0.1²), L = 4, lr 0.02 (the step
   * factor along the −15 direction, 0.02·2(λ_1 + 15) = 0.8, is stable; 0.05 gives 2, on the edge). Measured after
   * 3000 steps, both variants: 1 − |cos| ≤ 2e-16, |R_ll − λ_l| ≤ 1.3e-15, |‖f_l‖² − 1| ≤ 2.2e-16 (converged to
   * rounding). Asserted 1 − |cos| ≤ 1e-10, |R_ll − λ_l| ≤ 1e-9, |‖f_l‖² − 1| ≤ 1e-9.
   */
  @ParameterizedTest(name = "sanger = {0}")
  @ValueSource(booleans = {false, true})
  void recoversTopEigenvectorsInOrder(boolean sanger) {
    int n = 20, l = 4;
    Random rnd = new Random(7);
    LoraReference.ExactBatch problem = LoraReference.ExactBatch.of(rnd, n);
    double[] spectrum = problem.spectrum();
    double[][] q = problem.q();
    double[][] w = gaussian(rnd, n, l, 0.1);
    LoraReference.Trained trained = problem.descend(new OmmLoss(sanger, l), w, 0.02, 3000);
    double[][] gram = trained.gram(), opGram = trained.operatorGram();
    double[][] wt = transpose(w), qt = transpose(q);
    StringBuilder report = new StringBuilder((sanger ? "sanger-omm" : "omm") + ":");
    for (int k = 0; k < l; k++) {
      double cos = Math.abs(dot(wt[k], qt[k])) / Math.sqrt(dot(wt[k], wt[k]));
      report.append(String.format(" l=%d 1-|cos|=%.1e R_ll-λ=%.1e |f|²-1=%.1e;", k + 1, 1 - cos,
          opGram[k][k] - spectrum[k], gram[k][k] - 1));
      assertTrue(1 - cos <= 1e-10, "mode " + (k + 1) + " |cos| = " + cos);
      assertEquals(spectrum[k], opGram[k][k], 1e-9, "mode " + (k + 1) + " Rayleigh quotient");
      assertEquals(1.0, gram[k][k], 1e-9, "mode " + (k + 1) + " squared norm");
    }
    System.out.println(report);
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new OmmLoss(false, 0));
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var odd = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(7, L)));
      var e = assertThrows(IllegalArgumentException.class, () -> new OmmLoss(true, L).build(tf, odd, odd));
      assertTrue(e.getMessage().contains("even"), e.getMessage());
      var wide = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(8, L + 1)));
      assertThrows(IllegalArgumentException.class, () -> new OmmLoss(false, L).build(tf, wide, wide));
    }
  }
}
