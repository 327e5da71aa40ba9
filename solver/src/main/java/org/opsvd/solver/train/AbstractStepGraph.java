package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/**
 * What every {@link StepGraph} holds, in one place: the graph and its session, the precision, the fed
 * moving-average decay, the update targets, and the loss and optimiser once the subclass has built them
 * ({@link #finish}); plus the graph helpers both problem kinds use. A subclass builds its step in its constructor
 * on {@link #tf} and ends with {@link #finish}.
 */
abstract class AbstractStepGraph<T extends TFloating> implements StepGraph<T>, AutoCloseable {

  private final Graph graph = new Graph();
  /** The ops of this step's graph. */
  protected final Ops tf = Ops.create(graph);
  private final Precision precision;
  private final Placeholder<T> averageDecay;
  /** Optimiser and moving-average updates, appended while building. */
  protected final List<Op> updates = new ArrayList<>();
  private Operand<T> loss;
  private OptimizerGraph<T> optimizer;
  private Session session;

  protected AbstractStepGraph(Precision precision) {
    this.precision = precision;
    this.averageDecay = tf.withName("average_decay").placeholder(precision.type());
  }

  /**
   * The optimiser of {@code loss}: its step is skipped (every assignment keeps its old value, so the variables always
   * hold the last good parameters) when the loss is not finite.
   */
  protected OptimizerGraph<T> optimizerOf(Operand<T> loss, OptimizerSpec spec) {
    this.loss = loss;
    this.optimizer = new OptimizerGraph<>(tf, spec, precision, tf.math.isFinite(loss));
    return optimizer;
  }

  /** Opens the session on the finished graph. */
  protected void finish(SessionOptions options) {
    this.session = options.open(graph);
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public Precision precision() {
    return precision;
  }

  @Override
  public OptimizerGraph<T> optimizer() {
    return optimizer;
  }

  @Override
  public Placeholder<T> averageDecay() {
    return averageDecay;
  }

  @Override
  public List<Op> updates() {
    return List.copyOf(updates);
  }

  @Override
  public Operand<T> loss() {
    return loss;
  }

  @Override
  public void close() {
    if (session != null) session.close();
    graph.close();
  }

  /** The diagonal of an [n, n] matrix as an [n] vector. */
  static <T extends TFloating> Operand<T> diagonal(Ops tf, Operand<T> m, int n, Precision precision) {
    double[] identity = new double[n * n];
    for (int i = 0; i < n; i++) identity[i * n + i] = 1;
    return tf.reduceSum(tf.math.mul(m, precision.constant(tf, new long[] {n, n}, identity)), tf.constant(1));
  }

  /** The gradient outputs of a {@link Gradients} op as operands of type T. */
  @SuppressWarnings("unchecked")
  static <T extends TFloating> List<Operand<T>> gradients(Gradients grads, int count) {
    List<Operand<T>> out = new ArrayList<>();
    for (int i = 0; i < count; i++) out.add((Operand<T>) (Operand<?>) grads.dy(i));
    return out;
  }
}
