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
import org.tensorflow.types.TFloat64;

/** {@link SpinLoss} in float64: the masked gradient against finite differences, recovery, the memory check. */
class SpinLossTest {

  /** Lower Cholesky factor of a symmetric positive definite matrix (plain Java). */
  static double[][] cholesky(double[][] s) {
    int n = s.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double v = s[i][j];
        for (int k = 0; k < j; k++) v -= l[i][k] * l[j][k];
        l[i][j] = i == j ? Math.sqrt(v) : v / l[j][j];
      }
    }
    return l;
  }

  /** Inverse of a lower triangular matrix (forward substitution). */
  static double[][] lowerInverse(double[][] l) {
    int n = l.length;
    double[][] inv = new double[n][n];
    for (int c = 0; c < n; c++) {
      for (int i = c; i < n; i++) {
        double v = i == c ? 1 : 0;
        for (int k = c; k < i; k++) v -= l[i][k] * inv[k][c];
        inv[i][c] = v / l[i][i];
      }
    }
    return inv;
  }

  /** Λ = L⁻¹ΠL⁻ᵀ with L = chol(FᵀF/B + εI), Π = Fᵀ(TF)/B, for F = XW and TF = A·F (plain Java). */
  static double[][] lambda(double[][] x, double[][] w, double[][] a, double ridge) {
    double[][] f = mul(x, w);
    int b = f.length, l = w[0].length;
    double[][] sigma = mul(transpose(f), f), pi = mul(transpose(f), mul(a, f));
    for (int i = 0; i < l; i++) {
      for (int j = 0; j < l; j++) {
        sigma[i][j] = sigma[i][j] / b + (i == j ? ridge : 0);
        pi[i][j] /= b;
      }
    }
    double[][] li = lowerInverse(cholesky(sigma));
    return mul(li, mul(pi, transpose(li)));
  }

  /**
   * β = 1, linear model F = XW (B = 12 random rows, d = 5, L = 3; W column k = the parameters of f_k), TF = AF
   * with A symmetric (T self-adjoint on the batch), ridge 1e-3: the masked gradient ∇̃ (minus the parameter
   * gradient the loss injects) for column k equals ∂Λ_kk/∂W_{:,k} with the other columns fixed (central
   * differences, h = 1e-5; asserted to 1e-7·max|∇̃|). The symmetric-Jacobian version (output gradient
   * (TF(A+Aᵀ) − F(Ĝ+Ĝᵀ))/B) is not the masked gradient: measured off by 11 here (max |∇̃| = 1.3).
   */
  @Test
  void maskedGradientIsThePartialDerivativeOfEachLambdaKk() {
    int b = 12, d = 5, l = 3;
    double ridge = 1e-3;
    Random rnd = new Random(21);
    double[][] x = gaussian(rnd, b, d, 1.0);
    double[][] w = gaussian(rnd, d, l, 1.0);
    double[][] a = symmetric(rnd, b);
    double[][] param;
    double[][] symmetricVersion;
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var wp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(d, l)));
      Operand<TFloat64> f = tf.linalg.matMul(tf.constant(x), wp);
      Operand<TFloat64> tfOut = tf.linalg.matMul(tf.constant(a), f);
      SpinLoss loss = new SpinLoss(l, 1.0, ridge);
      var terms = loss.build(tf, f, tfOut);
      var parts = loss.build(tf, f, tfOut, loss.batchCovariance(tf, f));
      Gradients grad = tf.gradients(f, List.of(wp), Gradients.dx(List.of(terms.outputGradient())));
      try (var wt = tensor(w); var r = s.runner().feed(wp, wt).fetch(grad.dy(0)).fetch(f).fetch(tfOut)
          .fetch(parts.sigmaWeights()).fetch(terms.loss()).fetch(parts.cholesky()).run()) {
        param = matrix(r.get(0));
        double[][] fv = matrix(r.get(1)), tv = matrix(r.get(2)), ghat = matrix(r.get(3)), chol = matrix(r.get(5));
        double[][] lam = lambda(x, w, a, ridge);
        assertEquals(-(lam[0][0] + lam[1][1] + lam[2][2]), scalar(r.get(4)), 1e-12, "loss = −tr Λ");
        double[][] li = lowerInverse(chol);
        double[][] am = new double[l][l];
        for (int i = 0; i < l; i++) for (int j = 0; j < l; j++) am[i][j] = li[j][i] / chol[j][j];
        double[][] out = new double[b][l];
        for (int r0 = 0; r0 < b; r0++) {
          for (int j = 0; j < l; j++) {
            for (int i = 0; i < l; i++) {
              out[r0][j] += (tv[r0][i] * (am[i][j] + am[j][i]) - fv[r0][i] * (ghat[i][j] + ghat[j][i])) / b;
            }
          }
        }
        symmetricVersion = mul(transpose(x), out);
      }
    }
    double h = 1e-5;
    double[][] fd = new double[d][l];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < l; k++) {
        double[][] p = copy(w), m = copy(w);
        p[i][k] += h;
        m[i][k] -= h;
        fd[i][k] = (lambda(x, p, a, ridge)[k][k] - lambda(x, m, a, ridge)[k][k]) / (2 * h);
      }
    }
    double[][] masked = new double[d][l];
    for (int i = 0; i < d; i++) for (int k = 0; k < l; k++) masked[i][k] = -param[i][k];
    double err = maxAbsDiff(masked, fd);
    double sym = maxAbsDiff(symmetricVersion, fd);
    System.out.printf("spin: max |masked - FD(Λ_kk)| = %.2e (max |FD| = %.3f); symmetric version off by %.3f%n",
        err, maxAbs(fd), sym);
    assertTrue(err < 1e-7 * Math.max(1, maxAbs(fd)), "max |masked - FD| = " + err);
    assertTrue(sym > 0.1, "the symmetric-Jacobian variant should differ: " + sym);
  }

  /**
   * Recovery, β = 1: the exact-batch matrix setting of {@link NestedLoraTrainingTest} (A = Q diag(5, 4, 3, 2, 1,
   * −1, …, −15) Qᵀ, n = 20, X = √n·[I; I], F = XW, TF = XAW), L = 4, gradient descent (lr 0.05, 4000 steps)
   * with the masked gradient. After the Cholesky demixing, W·chol(WᵀW)⁻ᵀ, column k is eigenvector k in order.
   * Measured: 1 − |cos| ≤ 3e-16 and |Λ_kk − λ_k| ≤ 1.5e-3 (the ridge ε = 1e-3 in chol(Σ + εI) biases Λ down by
   * about λ_k·ε/‖w_k‖²); asserted 1 − |cos| ≤ 1e-10 and |Λ_kk − λ_k| ≤ 3e-3.
   */
  @Test
  void recoversTopEigenvectorsInOrderAfterTheCholeskyMixing() {
    int n = 20, l = 4;
    Random rnd = new Random(7);
    LoraReference.ExactBatch problem = LoraReference.ExactBatch.of(rnd, n);
    double[] spectrum = problem.spectrum();
    double[][] q = problem.q();
    double[][] w = gaussian(rnd, n, l, 0.3);
    double[][] lam = problem.descend(new SpinLoss(l, 1.0, SpinLoss.DEFAULT_RIDGE), w, 0.05, 4000).operatorGram();
    double[][] demixed = transpose(mul(w, transpose(lowerInverse(cholesky(mul(transpose(w), w))))));
    double[][] qt = transpose(q);
    StringBuilder report = new StringBuilder("spin:");
    for (int k = 0; k < l; k++) {
      double cos = Math.abs(dot(demixed[k], qt[k])) / Math.sqrt(dot(demixed[k], demixed[k]));
      report.append(String.format(" l=%d 1-|cos|=%.1e Λ_kk-λ=%.1e;", k + 1, 1 - cos, lam[k][k] - spectrum[k]));
      assertTrue(1 - cos <= 1e-10, "mode " + (k + 1) + " |cos| = " + cos);
      assertEquals(spectrum[k], lam[k][k], 3e-3, "mode " + (k + 1) + " Λ_kk");
    }
    System.out.println(report);
  }

  @Test
  void refusesAJacobianAverageOverTheMemoryCap() {
    // L = 6, P = 100000, float32: 21·100000·4 = 8400000 bytes = 8.0 MiB
    assertEquals(8_400_000L, SpinLoss.averageJacobianBytes(6, 100_000, 4));
    SpinLoss.requireMemory(6, 100_000, 4, 9);
    var e = assertThrows(IllegalArgumentException.class, () -> SpinLoss.requireMemory(6, 100_000, 4, 8));
    String m = e.getMessage();
    assertTrue(m.contains("L = 6") && m.contains("P = 100000") && m.contains("8400000 bytes")
        && m.contains("--spin-memory-mb 8") && m.contains("smaller --L or network"), m);
    assertThrows(IllegalArgumentException.class, () -> new SpinLoss(3, 0.0, 1e-3));
    assertThrows(IllegalArgumentException.class, () -> new SpinLoss(3, 1.5, 1e-3));
    assertEquals(List.of("0,0", "0,1", "1,1", "0,2", "1,2", "2,2"),
        SpinLoss.pairs(3).stream().map(p -> p[0] + "," + p[1]).toList());
  }
}
