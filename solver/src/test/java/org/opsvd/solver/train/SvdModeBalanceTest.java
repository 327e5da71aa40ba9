package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsvd.solver.loss.NestedSvdLoss;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** The pairs' weights (s_max / max(s_l, φ s_max))^p and what they must not change: the nested optimum. */
class SvdModeBalanceTest {

  @Test
  void weightsAreInverseSingularValueRatiosToThePowerP() {
    double[] s = {0.6, 0.2, 0.06, 0.001};
    // 0.001 < φ·0.6 = 0.006: the floor gives 100
    assertArrayEquals(new double[] {1, 3, 10, 100}, new SvdModeBalance(1).weights(s), 1e-12);
    assertArrayEquals(new double[] {1, 9, 100, 1e4}, new SvdModeBalance(2).weights(s), 1e-9);
    assertArrayEquals(new double[] {1, 1, 1, 1}, SvdModeBalance.NONE.weights(s), 0);
    assertFalse(SvdModeBalance.NONE.active());
    double[] scaled = {6, 2, 0.6, 0.01};
    assertArrayEquals(new SvdModeBalance(1.5).weights(s), new SvdModeBalance(1.5).weights(scaled), 1e-12,
        "only ratios of s count");
  }

  @Test
  void graphWeightsEqualTheJavaOnes() {
    double[] s = {0.63, 0.21, 0.0424, 1e-5};
    SvdModeBalance b = new SvdModeBalance(1.5);
    try (Graph g = new Graph(); Session session = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> w = b.weights(tf, tf.constant(s), Precision.FLOAT64);
      try (var r = session.runner().fetch(w).run()) {
        TFloat64 t = (TFloat64) r.get(0);
        assertEquals(Shape.of(1, 4), t.shape());
        double[] expected = b.weights(s);
        for (int l = 0; l < 4; l++) assertEquals(expected[l], t.getDouble(0, l), 1e-12 * expected[l]);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
  void aNegativeOrNonFiniteExponentIsRefused(double p) {
    var e = assertThrows(IllegalArgumentException.class, () -> new SvdModeBalance(p));
    assertTrue(e.getMessage().startsWith("--mode-balance must be finite and at least 0, got "), e.getMessage());
  }

  /**
   * The optimum is unchanged. A = U diag(4, 2, 1, 0.5, 0.1, …) Vᵀ on n = 10 points with the exact batch of
   * NestedSvdTrainingTest (X = Y = √n I, K = n A, so F = √n Wf, G = √n Wg); plain gradient descent with the
   * balanced output gradients (p = 2, weights 1, 4, 16 at the optimum) from a small random start reaches the same
   * top three singular pairs: ‖wf_l‖‖wg_l‖ = σ_l within 1e-6 and |cos(wf_l, u_l)| ≥ 1 − 1e-9.
   */
  @Test
  void balancedGradientsKeepTheNestedOptimum() {
    int n = 10;
    int modes = 3;
    double[] sigma = {4, 2, 1, 0.5, 0.1, 0.09, 0.08, 0.07, 0.06, 0.05};
    Random rnd = new Random(5);
    SimpleMatrix u = orthogonal(rnd, n);
    SimpleMatrix v = orthogonal(rnd, n);
    SimpleMatrix a = u.mult(SimpleMatrix.diag(sigma)).mult(v.transpose());
    double[][] wf = new double[n][modes];
    double[][] wg = new double[n][modes];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < modes; l++) {
        wf[i][l] = 0.1 * rnd.nextGaussian();
        wg[i][l] = 0.1 * rnd.nextGaussian();
      }
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var wfp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(n, modes)));
      var wgp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(n, modes)));
      Operand<TFloat64> root = tf.math.mul(tf.constant(Math.sqrt(n)), tf.constant(SimpleMatrix.identity(n).toArray2()));
      Operand<TFloat64> f = tf.linalg.matMul(root, wfp);
      Operand<TFloat64> gg = tf.linalg.matMul(root, wgp);
      var terms = new NestedSvdLoss(Nesting.SEQUENTIAL, modes).kernel(tf, f, gg, tf.constant(a.scale(n).toArray2()));
      Operand<TFloat64> sv = tf.math.sqrt(tf.math.mul(AbstractStepGraph.diagonal(tf, terms.leftGram(), modes,
          Precision.FLOAT64), AbstractStepGraph.diagonal(tf, terms.rightGram(), modes, Precision.FLOAT64)));
      Operand<TFloat64> w = new SvdModeBalance(2).weights(tf, sv, Precision.FLOAT64);
      Gradients grad = tf.gradients(List.of(f, gg), List.of(wfp, wgp),
          Gradients.dx(List.of(tf.math.mul(terms.leftGradient(), w), tf.math.mul(terms.rightGradient(), w))));
      double lr = 0.005;
      for (int step = 0; step < 1500; step++) {
        try (var t1 = TFloat64.tensorOf(StdArrays.ndCopyOf(wf)); var t2 = TFloat64.tensorOf(StdArrays.ndCopyOf(wg));
            var r = s.runner().feed(wfp, t1).feed(wgp, t2).fetch(grad.dy(0)).fetch(grad.dy(1)).run()) {
          double[][] df = StdArrays.array2dCopyOf((TFloat64) r.get(0));
          double[][] dg = StdArrays.array2dCopyOf((TFloat64) r.get(1));
          for (int i = 0; i < n; i++) {
            for (int l = 0; l < modes; l++) {
              wf[i][l] -= lr * df[i][l];
              wg[i][l] -= lr * dg[i][l];
            }
          }
        }
      }
    }
    SimpleMatrix f = new SimpleMatrix(wf);
    SimpleMatrix g = new SimpleMatrix(wg);
    for (int l = 0; l < modes; l++) {
      double nf = f.extractVector(false, l).normF();
      double ng = g.extractVector(false, l).normF();
      assertEquals(sigma[l], nf * ng, 1e-6, "pair " + l + " ‖f‖‖g‖");
      double cos = Math.abs(f.extractVector(false, l).dot(u.extractVector(false, l))) / nf;
      assertEquals(1, cos, 1e-9, "pair " + l + " |cos(f, u)|");
    }
  }

  private static SimpleMatrix orthogonal(Random rnd, int n) {
    SimpleMatrix m = SimpleMatrix.random_DDRM(n, n, -1, 1, rnd);
    return m.svd().getU();
  }
}
