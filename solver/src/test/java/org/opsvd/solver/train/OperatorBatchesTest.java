package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/** What a step is fed: the batch and, with Gram points, M more points with their importance weights. */
class OperatorBatchesTest {

  /**
   * From an adapted density q the Gram points carry √(p/q) like the batch's points, so their Gram estimates ⟨f, f⟩
   * under p: every fed weight equals the sampler's at its point, and the weights are not all 1 (q ≠ p).
   */
  @Test
  void gramPointsCarryTheAdaptedDensitysWeights() {
    Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", 1, 0.5));
    SolveConfig config = SolveBuilder.of(oscillator).outputs(2).batch(64).hidden(8).gramBatch(256).adaptEvery(10)
        .config();
    Mlp network = NeuralSolver.network(config);
    AdaptiveDensity sampler = new AdaptiveDensity(NeuralSolver.density(config), config.sequence());
    int n = 4_000;
    double[] fitPoints = new double[n];
    sampler.sample(new Well19937c(1), fitPoints, n);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) { // a narrow bump: q follows it, so p/q varies
      double x = fitPoints[i];
      values[i] = Math.exp(-(x - 0.5) * (x - 0.5) / 0.5) / sampler.envelope().sqrtDensity(new double[] {x});
    }
    assertTrue(sampler.fit(fitPoints, values, 1, n));
    try (TrainingGraph<TFloating> graph = new TrainingGraph<>(network,
        NeuralSolver.loss(config, network, config.precision()), config.laplacian(), config.fdStep(),
        oscillator.operator(), 1, 0, config.optimizer().spec(), config.precision(),
        SessionOptions.forDevice(config.device()), true, 256)) {
      List<Tensor> fed = new ArrayList<>();
      Session.Runner runner = graph.session().runner();
      new OperatorBatches<>(graph, sampler).feed(runner, new Well19937c(2), 64, fed);
      try {
        // the Gram points and their weights are the last two tensors fed
        double[] x = Tensors.values(fed.get(fed.size() - 2));
        double[] w = Tensors.values(fed.get(fed.size() - 1));
        assertEquals(256, x.length);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < x.length; i++) {
          assertEquals(Math.sqrt(sampler.weight(new double[] {x[i]})), w[i], 1e-6 * w[i], "point " + x[i]);
          min = Math.min(min, w[i]);
          max = Math.max(max, w[i]);
        }
        assertTrue(max > 1.5 * min, "weights " + min + " … " + max);
      } finally {
        fed.forEach(Tensor::close);
      }
    }
  }
}
