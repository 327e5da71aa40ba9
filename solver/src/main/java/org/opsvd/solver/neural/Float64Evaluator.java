package org.opsvd.solver.neural;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * Evaluates a {@link Network} in float64 at many points, in chunks, with parameters fed per call
 * (so the same graph serves the training variables, their moving average, or a checkpoint, whatever
 * precision they were trained in). Outputs are row-major doubles: values [N, L], gradients
 * [N, d, L], Laplacians [N, L] (forward Laplacian, exact).
 */
public final class Float64Evaluator implements AutoCloseable {

  /** Values, gradients and Laplacians at N points (gradients and Laplacians null for {@link #values}). */
  public record Arrays(double[] values, double[] gradients, double[] laplacians) {}

  private static final int CHUNK = 4096;

  private final Network network;
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat64> x;
  private final List<Placeholder<TFloat64>> params = new ArrayList<>();
  private final Operand<TFloat64> value;
  private final Jet<TFloat64> jet;

  /** @param withJet also build the forward jet (gradient and Laplacian) */
  public Float64Evaluator(Network network, boolean withJet) {
    this.network = network;
    Ops tf = Ops.create(graph);
    this.x = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, network.inputDimension())));
    List<Operand<TFloat64>> ops = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      Placeholder<TFloat64> ph = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(p.shape())));
      params.add(ph);
      ops.add(ph);
    }
    this.jet = withJet ? network.forwardJet(tf, x, ops) : null;
    this.value = withJet ? jet.value() : network.value(tf, x, ops);
    this.session = new Session(graph);
  }

  /** f at {@code points} (row-major [N, d]). */
  public Arrays values(List<double[]> parameters, double[] points) {
    return run(parameters, points, false);
  }

  /** f, ∇f and Δf at {@code points}; needs an evaluator built with the jet. */
  public Arrays jet(List<double[]> parameters, double[] points) {
    if (jet == null) throw new IllegalStateException("this evaluator was built without the jet");
    return run(parameters, points, true);
  }

  private Arrays run(List<double[]> parameters, double[] points, boolean withJet) {
    int d = network.inputDimension();
    int l = network.outputs();
    if (points.length % d != 0) {
      throw new IllegalArgumentException(points.length + " coordinates are not a whole number of " + d + "-dimensional points");
    }
    int n = points.length / d;
    double[] f = new double[n * l];
    double[] grad = withJet ? new double[n * d * l] : null;
    double[] lap = withJet ? new double[n * l] : null;
    List<Tensor> fixed = new ArrayList<>();
    try {
      List<Parameter> specs = network.parameters();
      for (int i = 0; i < specs.size(); i++) {
        fixed.add(Tensors.of(Precision.FLOAT64, specs.get(i).shape(), parameters.get(i)));
      }
      for (int start = 0; start < n; start += CHUNK) {
        int m = Math.min(CHUNK, n - start);
        double[] chunk = java.util.Arrays.copyOfRange(points, start * d, (start + m) * d);
        Session.Runner runner = session.runner();
        for (int i = 0; i < params.size(); i++) runner.feed(params.get(i), fixed.get(i));
        runner.fetch(value);
        if (withJet) runner.fetch(jet.gradient()).fetch(jet.laplacian());
        try (Tensor tx = Tensors.of(Precision.FLOAT64, new long[] {m, d}, chunk);
             Result r = runner.feed(x, tx).run()) {
          System.arraycopy(Tensors.values(r.get(0)), 0, f, start * l, m * l);
          if (withJet) {
            System.arraycopy(Tensors.values(r.get(1)), 0, grad, start * d * l, m * d * l);
            System.arraycopy(Tensors.values(r.get(2)), 0, lap, start * l, m * l);
          }
        }
      }
    } finally {
      fixed.forEach(Tensor::close);
    }
    return new Arrays(f, grad, lap);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
