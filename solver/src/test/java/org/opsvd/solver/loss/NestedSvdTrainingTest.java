package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsvd.solver.loss.LoraReference.*;

import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * End to end: linear / tabular models learn top singular pairs, in order, by plain gradient descent
 * with the injected output gradients, back-propagated with
 * {@code tf.gradients(List.of(F, G), params, Gradients.dx(List.of(∂F, ∂G)))}.
 */
class NestedSvdTrainingTest {
  private static final int N = 20;
  private static final int L = 4;

  /**
   * Kernel form. A = U diag(5, 4, 3, 2, 1, 0.5, 0.45, …) Vᵀ (n = 20, non-symmetric), ρ₀ = ρ₁ uniform
   * on n points. Batches X = Y = √n·I (B1 = B2 = n, every point once) and K = n·A make the estimator
   * exact: F = √n Wf, G = √n Wg, Λ[f] = WfᵀWf, Λ[g] = WgᵀWg, ⟨f_l, T g_l⟩ = wf_lᵀ A wg_l. The
   * nested optimum is wf_l ∝ u_l, wg_l ∝ v_l with ‖wf_l‖‖wg_l‖ = σ_l.
   */
  @ParameterizedTest
  @EnumSource(Nesting.class)
  void recoversTopSingularVectorsInOrder(Nesting nesting) {
    Random rnd = new Random(21);
    double[] sigma = new double[N];
    for (int i = 0; i < N; i++) sigma[i] = i < 5 ? 5 - i : 0.5 - 0.02 * (i - 5);
    double[][] u = orthogonal(rnd, N), v = orthogonal(rnd, N);
    double[][] a = new double[N][N];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        for (int k = 0; k < N; k++) a[i][j] += u[i][k] * sigma[k] * v[j][k];
      }
    }
    double[][] x = new double[N][N], kv = new double[N][N];
    for (int i = 0; i < N; i++) {
      x[i][i] = Math.sqrt(N);
      for (int j = 0; j < N; j++) kv[i][j] = N * a[i][j];
    }
    double[][] wf = gaussian(rnd, N, L, 0.1), wg = gaussian(rnd, N, L, 0.1);
    double lr = 0.02;
    int steps = 0;
    double[][] lf, lg;
    double[] cross = new double[L];
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var wfp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(N, L)));
      var wgp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(N, L)));
      Operand<TFloat64> xc = tf.constant(x);
      Operand<TFloat64> f = tf.linalg.matMul(xc, wfp);
      Operand<TFloat64> gg = tf.linalg.matMul(xc, wgp);
      var terms = new NestedSvdLoss(nesting, L).kernel(tf, f, gg, tf.constant(kv));
      Gradients grad = tf.gradients(List.of(f, gg), List.of(wfp, wgp),
          Gradients.dx(List.of(terms.leftGradient(), terms.rightGradient())));
      double gradNorm = Double.POSITIVE_INFINITY;
      while (steps < 20000 && gradNorm > 1e-10) {
        try (var a1 = tensor(wf); var a2 = tensor(wg);
            var r = s.runner().feed(wfp, a1).feed(wgp, a2).fetch(grad.dy(0)).fetch(grad.dy(1)).run()) {
          double[][] df = matrix(r.get(0)), dg = matrix(r.get(1));
          gradNorm = Math.max(maxAbs(df), maxAbs(dg));
          for (int i = 0; i < N; i++) {
            for (int l = 0; l < L; l++) {
              wf[i][l] -= lr * df[i][l];
              wg[i][l] -= lr * dg[i][l];
            }
          }
        }
        steps++;
      }
      try (var a1 = tensor(wf); var a2 = tensor(wg);
          var r = s.runner().feed(wfp, a1).feed(wgp, a2).fetch(terms.leftGram())
              .fetch(terms.rightGram()).fetch(terms.cross()).run()) {
        lf = matrix(r.get(0));
        lg = matrix(r.get(1));
        for (int l = 0; l < L; l++) cross[l] = ((TFloat64) r.get(2)).getDouble(l);
      }
    }
    double[][] wft = transpose(wf), wgt = transpose(wg), ut = transpose(u), vt = transpose(v);
    StringBuilder report = new StringBuilder(nesting + " kernel: " + steps + " steps;");
    for (int l = 0; l < L; l++) {
      double nf = Math.sqrt(dot(wft[l], wft[l])), ng = Math.sqrt(dot(wgt[l], wgt[l]));
      double cosF = Math.abs(dot(wft[l], ut[l])) / nf, cosG = Math.abs(dot(wgt[l], vt[l])) / ng;
      double sigmaNorms = Math.sqrt(lf[l][l] * lg[l][l]);
      double sigmaCross = cross[l] / sigmaNorms;
      report.append(String.format(" l=%d 1-|cos f|=%.1e 1-|cos g|=%.1e |f||g|-σ=%.1e cross/(|f||g|)-σ=%.1e;",
          l + 1, 1 - cosF, 1 - cosG, sigmaNorms - sigma[l], sigmaCross - sigma[l]));
      assertTrue(cosF >= 0.999, "mode " + (l + 1) + " left |cos| = " + cosF);
      assertTrue(cosG >= 0.999, "mode " + (l + 1) + " right |cos| = " + cosG);
      assertEquals(sigma[l], nf * ng, 1e-3, "mode " + (l + 1) + " ‖f‖‖g‖");
      assertEquals(sigma[l], sigmaNorms, 1e-3, "mode " + (l + 1) + " sqrt(Λf Λg)");
      assertEquals(sigma[l], sigmaCross, 1e-3, "mode " + (l + 1) + " cross/(‖f‖‖g‖)");
    }
    System.out.println(report);
  }

  /**
   * Paired form with the constant mode on a discrete joint pmf P (4×4, counts / 41). Singular values
   * of the CDK operator are those of Q = P/sqrt(p_x p_yᵀ) (EJML SVD): 1 (constants), then σ₂, σ₃, σ₄.
   * The batch lists every pair (x, y) count(x, y) times, twice (B = 82), so each half batch is the
   * exact distribution and the estimator is exact. F = onehot(x) Wf, G = onehot(y) Wg (tables),
   * L = 2 learned modes must give σ₂, σ₃ in order, and their singular functions.
   */
  @ParameterizedTest
  @EnumSource(Nesting.class)
  void pairedConstantModeRecoversCdkSingularValues(Nesting nesting) {
    int[][] counts = {{10, 2, 1, 0}, {1, 6, 3, 1}, {0, 2, 4, 3}, {1, 0, 2, 5}};
    int n = 4, lrn = 2, total = 0;
    for (int[] row : counts) for (int c : row) total += c;
    double[] px = new double[n], py = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        px[i] += (double) counts[i][j] / total;
        py[j] += (double) counts[i][j] / total;
      }
    }
    SimpleMatrix q = new SimpleMatrix(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) q.set(i, j, counts[i][j] / (double) total / Math.sqrt(px[i] * py[j]));
    }
    SimpleSVD<SimpleMatrix> svd = q.svd();
    double[] sv = svd.getSingularValues();
    Integer[] order = {0, 1, 2, 3};
    java.util.Arrays.sort(order, (p1, p2) -> Double.compare(sv[p2], sv[p1]));
    assertEquals(1.0, sv[order[0]], 1e-12, "top CDK singular value");

    int b = 2 * total;
    double[][] ox = new double[b][n], oy = new double[b][n];
    int r = 0;
    for (int rep = 0; rep < 2; rep++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int c = 0; c < counts[i][j]; c++, r++) {
            ox[r][i] = 1;
            oy[r][j] = 1;
          }
        }
      }
    }
    Random rnd = new Random(22);
    double[][] wf = gaussian(rnd, n, lrn, 0.1), wg = gaussian(rnd, n, lrn, 0.1);
    double lr = 1.0;
    int steps = 0;
    double[][] lf, lg;
    double[] cross = new double[lrn];
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var wfp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(n, lrn)));
      var wgp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(n, lrn)));
      Operand<TFloat64> f = tf.linalg.matMul(tf.constant(ox), wfp);
      Operand<TFloat64> gg = tf.linalg.matMul(tf.constant(oy), wgp);
      var terms = new NestedSvdLoss(nesting, lrn).withConstantMode().paired(tf, f, gg);
      Gradients grad = tf.gradients(List.of(f, gg), List.of(wfp, wgp),
          Gradients.dx(List.of(terms.leftGradient(), terms.rightGradient())));
      double gradNorm = Double.POSITIVE_INFINITY;
      while (steps < 20000 && gradNorm > 1e-11) {
        try (var a1 = tensor(wf); var a2 = tensor(wg);
            var res = s.runner().feed(wfp, a1).feed(wgp, a2).fetch(grad.dy(0)).fetch(grad.dy(1)).run()) {
          double[][] df = matrix(res.get(0)), dg = matrix(res.get(1));
          gradNorm = Math.max(maxAbs(df), maxAbs(dg));
          for (int i = 0; i < n; i++) {
            for (int l = 0; l < lrn; l++) {
              wf[i][l] -= lr * df[i][l];
              wg[i][l] -= lr * dg[i][l];
            }
          }
        }
        steps++;
      }
      try (var a1 = tensor(wf); var a2 = tensor(wg);
          var res = s.runner().feed(wfp, a1).feed(wgp, a2).fetch(terms.leftGram())
              .fetch(terms.rightGram()).fetch(terms.cross()).run()) {
        lf = matrix(res.get(0));
        lg = matrix(res.get(1));
        for (int l = 0; l < lrn; l++) cross[l] = ((TFloat64) res.get(2)).getDouble(l);
      }
    }
    StringBuilder report = new StringBuilder(nesting + " paired CDK: " + steps + " steps;");
    for (int l = 0; l < lrn; l++) {
      int idx = order[l + 1];
      double expected = sv[idx];
      double sigmaNorms = Math.sqrt(lf[l][l] * lg[l][l]);
      double sigmaCross = cross[l] / sigmaNorms;
      // cos in L²(p_X) between f_l (table wf[:, l]) and φ(x) = u(x)/sqrt(p_x): Σ sqrt(p_x) wf u / ‖f‖.
      double inF = 0, inG = 0;
      for (int i = 0; i < n; i++) {
        inF += Math.sqrt(px[i]) * wf[i][l] * svd.getU().get(i, idx);
        inG += Math.sqrt(py[i]) * wg[i][l] * svd.getV().get(i, idx);
      }
      double cosF = Math.abs(inF) / Math.sqrt(lf[l][l]), cosG = Math.abs(inG) / Math.sqrt(lg[l][l]);
      report.append(String.format(" l=%d σ=%.6f |f||g|-σ=%.1e cross/(|f||g|)-σ=%.1e 1-|cos f|=%.1e 1-|cos g|=%.1e;",
          l + 1, expected, sigmaNorms - expected, sigmaCross - expected, 1 - cosF, 1 - cosG));
      assertEquals(expected, sigmaNorms, 1e-3, "mode " + (l + 1) + " sqrt(Λf Λg)");
      assertEquals(expected, sigmaCross, 1e-3, "mode " + (l + 1) + " cross/(‖f‖‖g‖)");
      assertTrue(cosF >= 0.999, "mode " + (l + 1) + " left |cos| = " + cosF);
      assertTrue(cosG >= 0.999, "mode " + (l + 1) + " right |cos| = " + cosG);
    }
    System.out.println(report);
  }
}
