package org.opsvd.solver.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The network evaluator: float32 and float64 graphs give the same values, gradients and Laplacians to
 * float32 accuracy, across chunk boundaries, with parameters fed per call.
 */
class NetworkEvaluatorTest {

  @Test
  void float32AgreesWithFloat64ToSinglePrecision() {
    Mlp network = new Mlp(MlpSpec.of(2, List.of(64, 64), 5).withFourier(8, 0.5), 3);
    List<double[]> params = new ArrayList<>();
    network.parameters().forEach(p -> params.add(p.initial()));
    int n = 40_000; // more than two chunks
    double[] x = new double[2 * n];
    Random r = new Random(7);
    for (int i = 0; i < x.length; i++) x[i] = 3 * r.nextGaussian();
    NetworkEvaluator.Arrays a;
    NetworkEvaluator.Arrays b;
    try (NetworkEvaluator<?> f64 = NetworkEvaluator.float64(network, true);
         NetworkEvaluator<?> f32 = new NetworkEvaluator<>(network, true, Precision.FLOAT32)) {
      a = f64.jet(params, x);
      b = f32.jet(params, x);
    }
    // largest difference relative to the largest magnitude of each quantity
    double values = maxDiff(a.values(), b.values()) / maxAbs(a.values());
    double gradients = maxDiff(a.gradients(), b.gradients()) / maxAbs(a.gradients());
    double laplacians = maxDiff(a.laplacians(), b.laplacians()) / maxAbs(a.laplacians());
    String measured = "relative differences: values " + values + ", gradients " + gradients + ", Laplacians " + laplacians;
    // measured: 1.0e-6, 3.4e-6, 2.6e-6 (64-64 softplus MLP on 8 Fourier pairs, |x| ~ 3)
    assertTrue(values < 1e-5 && gradients < 1e-5 && laplacians < 1e-5, measured);
    assertEquals(5 * n, b.values().length);
  }

  @Test
  void valuesOnlyEvaluatorRefusesTheJet() {
    Mlp network = new Mlp(MlpSpec.of(1, List.of(8), 2), 0);
    List<double[]> params = new ArrayList<>();
    network.parameters().forEach(p -> params.add(p.initial()));
    try (NetworkEvaluator<?> e = new NetworkEvaluator<>(network, false, Precision.FLOAT32)) {
      assertEquals(6, e.values(params, new double[] {0, 1, 2}).values().length);
      assertThrows(IllegalStateException.class, () -> e.jet(params, new double[] {0}));
    }
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
    return m;
  }

  private static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) m = Math.max(m, Math.abs(v));
    return m;
  }
}
