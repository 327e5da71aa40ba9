package org.opsvd.solver.train;

import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/**
 * Batches of an eigenproblem: x ~ p [B, d] and the operator's per-point fields at x (float64 in Java, fed in the
 * graph's precision). A point where the operator is singular (a null set, e.g. a Coulomb nucleus) is redrawn.
 */
final class OperatorBatches<T extends TFloating> implements BatchSource {

  private final TrainingGraph<T> graph;
  private final SamplingDensity density;
  private final LocalOperator operator;
  private final List<LocalOperator.Field> layout;
  private final double[][] atPoint;
  private final double[] point;
  private final double[] logGradient;
  // batch buffers, reused from step to step (the tensors fed copy them)
  private double[] x = new double[0];
  private final double[][] fields;

  OperatorBatches(TrainingGraph<T> graph, SamplingDensity density) {
    this.graph = graph;
    this.density = density;
    this.operator = graph.operator();
    this.layout = operator.fields();
    this.atPoint = new double[layout.size()][];
    for (int f = 0; f < layout.size(); f++) atPoint[f] = new double[layout.get(f).size()];
    this.point = new double[density.dimension()];
    this.logGradient = new double[density.dimension()];
    this.fields = new double[layout.size()][];
  }

  @Override
  public void feed(Session.Runner runner, RandomGenerator rng, int b, List<Tensor> fed) {
    int d = density.dimension();
    if (x.length != b * d) {
      x = new double[b * d];
      for (int f = 0; f < layout.size(); f++) fields[f] = new double[b * layout.get(f).size()];
    }
    density.sample(rng, x, b);
    for (int i = 0; i < b; i++) {
      System.arraycopy(x, i * d, point, 0, d);
      for (int tries = 0; !operator.fields(point, density.at(point, logGradient), atPoint); tries++) {
        if (tries == 100) {
          throw new IllegalStateException("the operator is singular at the sampled points, e.g. at "
              + java.util.Arrays.toString(point) + " (" + operator.describe() + ")");
        }
        density.sample(rng, point, 1);
        System.arraycopy(point, 0, x, i * d, d);
      }
      for (int f = 0; f < layout.size(); f++) {
        System.arraycopy(atPoint[f], 0, fields[f], i * atPoint[f].length, atPoint[f].length);
      }
    }
    runner.feed(graph.points(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {b, d}, x)));
    for (int f = 0; f < layout.size(); f++) {
      int width = layout.get(f).width();
      long[] shape = width == 0 ? new long[] {b} : new long[] {b, width};
      runner.feed(graph.fields().get(f), Trainer.add(fed, Tensors.of(graph.precision(), shape, fields[f])));
    }
  }
}
