package org.opsvd.solver.train;

import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.family.TFloating;

/**
 * Batches of an eigenproblem: x ~ q [B, d] and the operator's per-point fields at x (float64 in Java, fed in the
 * graph's precision), with the envelope p's drift and curvature. q is p itself, or an {@link AdaptiveDensity} whose
 * weights √(p/q) [B] go to a weighted graph. A point where the operator is singular (a null set, e.g. a Coulomb
 * nucleus) is redrawn.
 */
final class OperatorBatches<T extends TFloating> implements BatchSource {

  private final TrainingGraph<T> graph;
  private final SamplingDensity density;
  private final AdaptiveDensity sampler;
  private final LocalOperator operator;
  private final List<LocalOperator.Field> layout;
  private final double[][] atPoint;
  private final double[] point;
  private final double[] logGradient;
  // batch buffers, reused from step to step (the tensors fed copy them)
  private double[] x = new double[0];
  private double[] sqrtWeights = new double[0];
  private final double[][] fields;
  private double[] gramX = new double[0];
  private double[] gramSqrtWeights = new double[0];

  OperatorBatches(TrainingGraph<T> graph, SamplingDensity density) {
    this(graph, new AdaptiveDensity(density));
  }

  /** Draws from {@code sampler}; its weights are fed when the graph is weighted (and must all be 1 otherwise). */
  OperatorBatches(TrainingGraph<T> graph, AdaptiveDensity sampler) {
    this.graph = graph;
    this.sampler = sampler;
    this.density = sampler.envelope();
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
      sqrtWeights = new double[b];
      for (int f = 0; f < layout.size(); f++) fields[f] = new double[b * layout.get(f).size()];
    }
    if (graph.weights() == null && sampler.fitted()) {
      throw new IllegalStateException("an adapted sampler needs a weighted training graph");
    }
    sampler.sample(rng, x, b);
    for (int i = 0; i < b; i++) {
      System.arraycopy(x, i * d, point, 0, d);
      for (int tries = 0; !operator.fields(point, density.at(point, logGradient), atPoint); tries++) {
        if (tries == 100) {
          throw new IllegalStateException("the operator is singular at the sampled points, e.g. at "
              + java.util.Arrays.toString(point) + " (" + operator.describe() + ")");
        }
        sampler.sample(rng, point, 1);
        System.arraycopy(point, 0, x, i * d, d);
      }
      sqrtWeights[i] = Math.sqrt(sampler.weight(point));
      for (int f = 0; f < layout.size(); f++) {
        System.arraycopy(atPoint[f], 0, fields[f], i * atPoint[f].length, atPoint[f].length);
      }
    }
    runner.feed(graph.points(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {b, d}, x)));
    if (graph.weights() != null) {
      runner.feed(graph.weights(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {b}, sqrtWeights)));
    }
    for (int f = 0; f < layout.size(); f++) {
      int width = layout.get(f).width();
      long[] shape = width == 0 ? new long[] {b} : new long[] {b, width};
      runner.feed(graph.fields().get(f), Trainer.add(fed, Tensors.of(graph.precision(), shape, fields[f])));
    }
    if (graph.gramPoints() != null) feedGram(runner, rng, graph.gramBatch(), fed);
  }

  /** M more points of the same stream for the Gram estimate, with their weights; no fields are needed. */
  private void feedGram(Session.Runner runner, RandomGenerator rng, int m, List<Tensor> fed) {
    int d = density.dimension();
    if (gramX.length != m * d) {
      gramX = new double[m * d];
      gramSqrtWeights = new double[m];
    }
    sampler.sample(rng, gramX, m);
    runner.feed(graph.gramPoints(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {m, d}, gramX)));
    if (graph.gramWeights() != null) {
      for (int i = 0; i < m; i++) {
        System.arraycopy(gramX, i * d, point, 0, d);
        gramSqrtWeights[i] = Math.sqrt(sampler.weight(point));
      }
      runner.feed(graph.gramWeights(), Trainer.add(fed, Tensors.of(graph.precision(), new long[] {m}, gramSqrtWeights)));
    }
  }
}
