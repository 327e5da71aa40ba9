package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opsvd.solver.loss.LoraReference.*;

import java.util.List;
import java.util.Random;
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
 * End to end: a linear model learns the top eigenvectors of a symmetric matrix, in order, by plain
 * gradient descent with the injected output gradient.
 *
 * <p>Setup: A = Q diag(5, 4, 3, 2, 1, −1, …, −15) Qᵀ (n = 20), ρ uniform on n points, T f = A f.
 * Batch X = √n·[I; I] (B = 2n), so both half batches see every point once and the estimator is
 * exact: F = X W, TF = X A W, Λ¹ = Λ² = WᵀW. The nested optimum is w_l = √λ_l v_l.
 */
class NestedLoraTrainingTest {
  private static final int N = 20;
  private static final int L = 4;

  @ParameterizedTest
  @EnumSource(Nesting.class)
  void recoversTopEigenvectorsInOrder(Nesting nesting) {
    Random rnd = new Random(7);
    LoraReference.ExactBatch problem = LoraReference.ExactBatch.of(rnd, N);
    double[] spectrum = problem.spectrum(); // 5, 4, 3, 2, 1, −1, …, −15
    double[][] q = problem.q();
    double[][] a = problem.a();
    double[][] x = problem.x();
    double[][] w = gaussian(rnd, N, L, 0.1);
    double lr = 0.02;
    int steps = 0;
    double[][] gram, opGram;
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var wp = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(N, L)));
      Operand<TFloat64> xc = tf.constant(x);
      Operand<TFloat64> f = tf.linalg.matMul(xc, wp);
      Operand<TFloat64> tfOut = tf.linalg.matMul(xc, tf.linalg.matMul(tf.constant(a), wp));
      var terms = new NestedLoraLoss(nesting, L).build(tf, f, tfOut);
      Gradients grad = tf.gradients(f, List.of(wp), Gradients.dx(List.of(terms.outputGradient())));
      double gradNorm = Double.POSITIVE_INFINITY;
      while (steps < 20000 && gradNorm > 1e-9) {
        try (var wt = tensor(w); var r = s.runner().feed(wp, wt).fetch(grad.dy(0)).run()) {
          double[][] dw = matrix(r.get(0));
          gradNorm = maxAbs(dw);
          for (int i = 0; i < N; i++) for (int l = 0; l < L; l++) w[i][l] -= lr * dw[i][l];
        }
        steps++;
      }
      try (var wt = tensor(w);
          var r = s.runner().feed(wp, wt).fetch(terms.gram()).fetch(terms.operatorGram()).run()) {
        gram = matrix(r.get(0));
        opGram = matrix(r.get(1));
      }
    }
    double[][] wt = transpose(w), qt = transpose(q);
    StringBuilder report = new StringBuilder(nesting + ": " + steps + " steps;");
    for (int l = 0; l < L; l++) {
      double norm2 = dot(wt[l], wt[l]);
      double cos = Math.abs(dot(wt[l], qt[l])) / Math.sqrt(norm2);
      report.append(String.format(" l=%d 1-|cos|=%.1e |w|^2-λ=%.1e RQ-λ=%.1e;", l + 1, 1 - cos,
          norm2 - spectrum[l], opGram[l][l] / gram[l][l] - spectrum[l]));
      assertTrue(cos >= 0.999, "mode " + (l + 1) + " |cos| = " + cos);
      assertEquals(spectrum[l], norm2, 1e-3, "mode " + (l + 1) + " squared norm");
      assertEquals(spectrum[l], gram[l][l], 1e-3, "mode " + (l + 1) + " diag(gram)");
      assertEquals(spectrum[l], opGram[l][l] / gram[l][l], 1e-3, "mode " + (l + 1) + " Rayleigh quotient");
    }
    System.out.println(report);
  }
}
