package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat64;

/** {@link NeuralEfLoss} in float64 against plain-Java references (double loops), finite differences, training. */
class NeuralEfLossTest {
  private static final int B = 8;
  private static final int L = 3;

  /** Plain Java: G^φ_bj = −(4/B)[Tφ_bj − Σ_{i<j} C^{other half}_ij Tφ_bi]. */
  static double[][] referenceGradient(double[][] phi, double[][] tphi, boolean unbiased) {
    int b = phi.length, half = b / 2, l = phi[0].length;
    double[][][] coeff = new double[2][l][l];
    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < l; i++) {
        for (int j = i + 1; j < l; j++) {
          double num = 0, den = 0;
          for (int r = h * half; r < (h + 1) * half; r++) {
            num += phi[r][i] * (unbiased ? phi[r][j] : tphi[r][j]);
            den += phi[r][i] * tphi[r][i];
          }
          coeff[h][i][j] = unbiased ? num / half : num / den; // R_ij/R_ii: the 1/(B/2) cancels
        }
      }
    }
    double[][] g = new double[b][l];
    for (int r = 0; r < b; r++) {
      double[][] c = coeff[r < half ? 1 : 0];
      for (int j = 0; j < l; j++) {
        double s = tphi[r][j];
        for (int i = 0; i < j; i++) s -= c[i][j] * tphi[r][i];
        g[r][j] = -4.0 / b * s;
      }
    }
    return g;
  }

  /** Plain Java logged loss (see the class Javadoc), as the sum of per-column terms loss_j. */
  static double referenceLoss(double[][] phi, double[][] tphi, boolean unbiased, int column) {
    int b = phi.length, half = b / 2, l = phi[0].length;
    double[][] r = new double[l][l], r1 = new double[l][l], r2 = new double[l][l], l1 = new double[l][l],
        l2 = new double[l][l];
    for (int x = 0; x < b; x++) {
      for (int i = 0; i < l; i++) {
        for (int j = 0; j < l; j++) {
          r[i][j] += phi[x][i] * tphi[x][j] / b;
          (x < half ? r1 : r2)[i][j] += phi[x][i] * tphi[x][j] / half;
          (x < half ? l1 : l2)[i][j] += phi[x][i] * phi[x][j] / half;
        }
      }
    }
    double loss = 0;
    for (int j = 0; j < l; j++) {
      if (column >= 0 && j != column) continue;
      double s = r[j][j];
      for (int i = 0; i < j; i++) {
        s -= unbiased ? l1[i][j] * r2[i][j] + l2[i][j] * r1[i][j] : r1[i][j] * r2[i][j] / r[i][i];
      }
      loss += -2 * s;
    }
    return loss;
  }

  @ParameterizedTest(name = "unbiased = {0}")
  @ValueSource(booleans = {false, true})
  void injectedGradientAndLossMatchThePlainJavaFormulas(boolean unbiased) {
    Random rnd = new Random(11);
    double[][] phi = gaussian(rnd, B, L, 1.0);
    double[][] tphi = gaussian(rnd, B, L, 1.0);
    for (int r = 0; r < B; r++) for (int j = 0; j < L; j++) tphi[r][j] += 2 * phi[r][j]; // R_ii away from 0
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var tp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var terms = new NeuralEfLoss(unbiased, L).buildNormalised(tf, fp, tp);
      try (var ft = tensor(phi); var tt = tensor(tphi);
          var r = s.runner().feed(fp, ft).feed(tp, tt).fetch(terms.outputGradient()).fetch(terms.loss())
              .fetch(terms.gram()).fetch(terms.operatorGram()).run()) {
        double err = maxAbsDiff(matrix(r.get(0)), referenceGradient(phi, tphi, unbiased));
        System.out.printf("neuralef unbiased=%b: max |G - G_java| = %.2e, |loss - loss_java| = %.2e%n", unbiased,
            err, Math.abs(scalar(r.get(1)) - referenceLoss(phi, tphi, unbiased, -1)));
        assertTrue(err < 1e-12, "max |G - G_java| = " + err);
        assertEquals(referenceLoss(phi, tphi, unbiased, -1), scalar(r.get(1)), 1e-12);
        assertBatchGrams(phi, tphi, r.get(2), r.get(3));
      }
    }
  }

  /**
   * Original NeuralEF: where the two half batches agree (φ = [φ₀; φ₀], Tφ = diag(A, A)φ with A symmetric,
   * so T is self-adjoint on each half), column j of G^φ is the gradient of the column-j term of the logged
   * loss, −2[R_jj − Σ_{i<j} R¹_ij R²_ij / R_ii], w.r.t. φ_j with the earlier columns fixed (central
   * differences, h = 1e-5, perturbing one entry, so the halves differ by h).
   */
  @Test
  void originalGradientIsThePartialGradientOfTheLoggedLoss() {
    Random rnd = new Random(12);
    int half = B / 2;
    double[][] base = gaussian(rnd, half, L, 1.0);
    double[][] a = symmetric(rnd, half);
    for (int i = 0; i < half; i++) a[i][i] += 4; // positive definite enough that R_ii > 0
    double[][] phi = new double[B][];
    for (int r = 0; r < B; r++) phi[r] = base[r % half].clone();
    double[][] block = new double[B][B];
    for (int i = 0; i < half; i++) {
      for (int j = 0; j < half; j++) {
        block[i][j] = a[i][j];
        block[half + i][half + j] = a[i][j];
      }
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var terms = new NeuralEfLoss(false, L).buildNormalised(tf, fp, tf.linalg.matMul(tf.constant(block), fp));
      double[][] grad = NestedLoraLossTest.run(s, fp, phi, terms.outputGradient());
      double h = 1e-5;
      double[][] fd = new double[B][L];
      for (int r = 0; r < B; r++) {
        for (int j = 0; j < L; j++) {
          double[][] p = copy(phi), m = copy(phi);
          p[r][j] += h;
          m[r][j] -= h;
          fd[r][j] = (referenceLoss(p, mul(block, p), false, j) - referenceLoss(m, mul(block, m), false, j)) / (2 * h);
        }
      }
      double err = maxAbsDiff(grad, fd);
      System.out.printf("neuralef: max |G - FD(partial)| = %.2e (max |G| = %.3f)%n", err, maxAbs(grad));
      assertTrue(err < 1e-8 * Math.max(1, maxAbs(fd)), "max |G - FD| = " + err);
    }
  }

  /**
   * {@link NeuralEfLoss#build} normalises inside the graph: its G^F equals autodiff of φ = F/sqrt(mean_b F²)
   * with dx = G^φ (to 1e-12), and its loss equals that of {@code buildNormalised} on the normalised batch.
   */
  @ParameterizedTest(name = "unbiased = {0}")
  @ValueSource(booleans = {false, true})
  void outputGradientGoesThroughTheNormalisation(boolean unbiased) {
    Random rnd = new Random(13);
    double[][] f = gaussian(rnd, B, L, 2.0);
    double[][] tfv = gaussian(rnd, B, L, 3.0);
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var fp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      var tp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, L)));
      NeuralEfLoss loss = new NeuralEfLoss(unbiased, L);
      var terms = loss.build(tf, fp, tp);
      Operand<TFloat64> norm = tf.math.sqrt(tf.math.mean(tf.math.square(fp), tf.constant(0), Mean.keepDims(true)));
      Operand<TFloat64> phi = tf.math.div(fp, norm);
      var inner = loss.buildNormalised(tf, phi, tf.math.div(tp, tf.stopGradient(norm)));
      Gradients auto = tf.gradients(phi, List.of(fp), Gradients.dx(List.of(inner.outputGradient())));
      try (var ft = tensor(f); var tt = tensor(tfv);
          var r = s.runner().feed(fp, ft).feed(tp, tt).fetch(terms.outputGradient()).fetch(auto.dy(0))
              .fetch(terms.loss()).fetch(inner.loss()).run()) {
        double err = maxAbsDiff(matrix(r.get(0)), matrix(r.get(1)));
        assertTrue(err < 1e-12, "max |G^F - autodiff| = " + err);
        assertEquals(scalar(r.get(3)), scalar(r.get(2)), 1e-12);
      }
    }
  }

  /**
   * Training recovers the top eigenvectors in order. Same exact-batch setting as {@link NestedLoraTrainingTest}:
   * A = Q diag(5, 4, 3, 2, 1, −1, …, −15) Qᵀ (n = 20), X = √n·[I; I], F = XW, TF = XAW, plain gradient descent
   * (lr 0.05) with the injected gradient, L = 4. Measured after 3000 steps, both variants: 1 − |cos| ≤ 3e-16
   * and |R_ll − λ_l| ≤ 1e-15 (converged to rounding); asserted 1 − |cos| ≤ 1e-10 and |R_ll − λ_l| ≤ 1e-9.
   */
  @ParameterizedTest(name = "unbiased = {0}")
  @ValueSource(booleans = {false, true})
  void recoversTopEigenvectorsInOrder(boolean unbiased) {
    int n = 20, l = 4;
    Random rnd = new Random(7);
    LoraReference.ExactBatch problem = LoraReference.ExactBatch.of(rnd, n);
    double[] spectrum = problem.spectrum();
    double[][] q = problem.q();
    double[][] w = gaussian(rnd, n, l, 0.1);
    double[][] opGram = problem.descend(new NeuralEfLoss(unbiased, l), w, 0.05, 3000).operatorGram();
    double[][] wt = transpose(w), qt = transpose(q);
    StringBuilder report = new StringBuilder("neuralef unbiased=" + unbiased + ":");
    for (int k = 0; k < l; k++) {
      double cos = Math.abs(dot(wt[k], qt[k])) / Math.sqrt(dot(wt[k], wt[k]));
      report.append(String.format(" l=%d 1-|cos|=%.1e R_ll-λ=%.1e;", k + 1, 1 - cos, opGram[k][k] - spectrum[k]));
      assertTrue(1 - cos <= 1e-10, "mode " + (k + 1) + " |cos| = " + cos);
      assertEquals(spectrum[k], opGram[k][k], 1e-9, "mode " + (k + 1) + " Rayleigh quotient");
    }
    System.out.println(report);
  }
}
