package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** Plain-Java reference values for the tests (independent of the graph code) and small helpers. */
final class LoraReference {
  private LoraReference() {}

  /** Half-batch Gram F_hᵀF_h/(B/2) of half h ∈ {0, 1} (rows [hB/2, (h+1)B/2)). */
  static double[][] halfGram(double[][] f, int h) {
    int b = f.length, half = b / 2, l = f[0].length;
    double[][] g = new double[l][l];
    for (int r = h * half; r < (h + 1) * half; r++) {
      for (int i = 0; i < l; i++) {
        for (int j = 0; j < l; j++) g[i][j] += f[r][i] * f[r][j] / half;
      }
    }
    return g;
  }

  /**
   * The estimator of the partial objective L(f_{1:i}) (no masks): −(2/B) Σ_b Σ_{l<i} F_bl TF_bl +
   * Σ_{k,l<i} Λ¹_kl Λ²_kl.
   */
  static double partialLoss(double[][] f, double[][] tf, int i) {
    int b = f.length;
    double op = 0;
    for (int r = 0; r < b; r++) {
      for (int l = 0; l < i; l++) op += f[r][l] * tf[r][l];
    }
    double[][] g1 = halfGram(f, 0), g2 = halfGram(f, 1);
    double metric = 0;
    for (int k = 0; k < i; k++) {
      for (int l = 0; l < i; l++) metric += g1[k][l] * g2[k][l];
    }
    return -2.0 * op / b + metric;
  }

  /** Asserts gram = FᵀF/B and operatorGram = FᵀTF/B (fetched tensors) to 1e-12. */
  static void assertBatchGrams(double[][] f, double[][] tf, Object gram, Object operatorGram) {
    int b = f.length;
    double[][] g = mul(transpose(f), f), op = mul(transpose(f), tf), gt = matrix(gram), ot = matrix(operatorGram);
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        assertEquals(g[i][j] / b, gt[i][j], 1e-12, "gram");
        assertEquals(op[i][j] / b, ot[i][j], 1e-12, "operatorGram");
      }
    }
  }

  /** C = A·B. */
  static double[][] mul(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < b.length; k++) {
        for (int j = 0; j < b[0].length; j++) c[i][j] += a[i][k] * b[k][j];
      }
    }
    return c;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
    }
    return t;
  }

  static double[][] gaussian(Random rnd, int rows, int cols, double scale) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int j = 0; j < cols; j++) row[j] = scale * rnd.nextGaussian();
    }
    return a;
  }

  /** A random symmetric matrix (G + Gᵀ)/2. */
  static double[][] symmetric(Random rnd, int n) {
    double[][] g = gaussian(rnd, n, n, 1.0);
    double[][] s = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) s[i][j] = 0.5 * (g[i][j] + g[j][i]);
    }
    return s;
  }

  /**
   * The exact-batch test problem of the training tests: A = Q diag(5, 4, 3, 2, 1, −1, …, 4 − (n−1)) Qᵀ with a
   * random orthogonal Q (drawn first from {@code rnd}), and the batch X = √n·[I; I] (2n rows), whose two halves
   * make the half-batch Grams exact.
   */
  record ExactBatch(double[] spectrum, double[][] q, double[][] a, double[][] x) {
    static ExactBatch of(Random rnd, int n) {
      double[] spectrum = new double[n];
      for (int i = 0; i < n; i++) spectrum[i] = i < 5 ? 5 - i : 4 - i;
      double[][] q = orthogonal(rnd, n);
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int k = 0; k < n; k++) a[i][j] += q[i][k] * spectrum[k] * q[j][k];
        }
      }
      double[][] x = new double[2 * n][n];
      for (int i = 0; i < n; i++) {
        x[i][i] = Math.sqrt(n);
        x[n + i][i] = Math.sqrt(n);
      }
      return new ExactBatch(spectrum, q, a, x);
    }

    /**
     * Plain gradient descent on W (n×L, F = XW, TF = XAW) with the loss's injected output gradient, back-propagated
     * by {@code tf.gradients(F, W, dx = G)}: {@code steps} steps of W ← W − lr·J_Wᵀ G from {@code w}, which is
     * updated in place. Returns the loss's gram and operatorGram at the final W.
     */
    Trained descend(TrainingLoss loss, double[][] w, double lr, int steps) {
      int n = x[0].length, l = loss.outputs();
      try (Graph g = new Graph(); Session s = new Session(g)) {
        Ops tf = Ops.create(g);
        var wp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(n, l)));
        Operand<TFloat64> xc = tf.constant(x);
        Operand<TFloat64> f = tf.linalg.matMul(xc, wp);
        var terms = loss.build(tf, f, tf.linalg.matMul(xc, tf.linalg.matMul(tf.constant(a), wp)));
        Gradients grad = tf.gradients(f, List.of(wp), Gradients.dx(List.of(terms.outputGradient())));
        for (int step = 0; step < steps; step++) {
          try (var wt = tensor(w); var r = s.runner().feed(wp, wt).fetch(grad.dy(0)).run()) {
            double[][] dw = matrix(r.get(0));
            for (int i = 0; i < n; i++) for (int k = 0; k < l; k++) w[i][k] -= lr * dw[i][k];
          }
        }
        return new Trained(NestedLoraLossTest.run(s, wp, w, terms.gram()),
            NestedLoraLossTest.run(s, wp, w, terms.operatorGram()));
      }
    }
  }

  /** The Grams of a trained loss: gram and operatorGram of its {@link LossTerms}. */
  record Trained(double[][] gram, double[][] operatorGram) {}

  /** Columns of a random orthogonal matrix (modified Gram–Schmidt of a Gaussian matrix). */
  static double[][] orthogonal(Random rnd, int n) {
    double[][] q = transpose(gaussian(rnd, n, n, 1.0)); // q[j] = column j
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < j; i++) {
        double d = dot(q[i], q[j]);
        for (int r = 0; r < n; r++) q[j][r] -= d * q[i][r];
      }
      double norm = Math.sqrt(dot(q[j], q[j]));
      for (int r = 0; r < n; r++) q[j][r] /= norm;
    }
    return transpose(q);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  static double maxAbsDiff(double[][] a, double[][] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) m = Math.max(m, Math.abs(a[i][j] - b[i][j]));
    }
    return m;
  }

  static double maxAbs(double[][] a) {
    double m = 0;
    for (double[] row : a) for (double v : row) m = Math.max(m, Math.abs(v));
    return m;
  }

  static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
    return c;
  }

  static TFloat64 tensor(double[][] a) {
    return TFloat64.tensorOf(StdArrays.ndCopyOf(a));
  }

  static double[][] matrix(Object tensor) {
    return StdArrays.array2dCopyOf((TFloat64) tensor);
  }

  static double scalar(Object tensor) {
    return ((TFloat64) tensor).getDouble();
  }
}
