package org.opsvd.solver.train;

import org.opsvd.operators.kernels.SvdData;
import org.opsvd.operators.kernels.SvdProblem;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/**
 * Batches of a singular problem: B points x ~ ρ₀ and B points y ~ ρ₁ with the kernel matrix K [B, B] between
 * them (kernel form), or B pairs (x, y) of paired data.
 */
final class SvdBatches<T extends TFloating> implements BatchSource {

  private final SvdTrainingGraph<T> graph;
  private final SvdData data;

  SvdBatches(SvdTrainingGraph<T> graph, SvdData data) {
    this.graph = graph;
    this.data = data;
  }

  @Override
  public void feed(Session.Runner runner, RandomGenerator rng, int b, List<Tensor> fed) {
    int dx = data.leftDimension();
    int dy = data.rightDimension();
    double[] x = new double[b * dx];
    double[] y = new double[b * dy];
    double[] k = null;
    if (data instanceof SvdData.Kernel kd) {
      k = new double[b * b];
      kd.batch(rng, x, y, k, b, b);
    } else {
      ((SvdData.Paired) data).source().sample(rng, x, y, b);
    }
    runner.feed(graph.left(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {b, dx}, x)))
        .feed(graph.right(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {b, dy}, y)));
    if (k != null) runner.feed(graph.kernel(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {b, b}, k)));
  }
}
