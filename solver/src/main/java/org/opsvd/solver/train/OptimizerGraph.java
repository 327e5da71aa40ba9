package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.family.TFloating;

/**
 * The optimiser's update of {@link OptimizerSpec}, built as plain graph ops on resource variables.
 * One instance holds the slot variables of every parameter; {@link #update} returns, per parameter,
 * the new value θ' (an operand, so callers can chain a moving average on it) and collects the
 * assignments of θ' and the slots.
 *
 * <p>Feeds per step: {@link #learningRate()}, {@link #firstCorrection()} (1 − β₁ᵗ) and
 * {@link #secondCorrection()} (1 − β₂ᵗ), all scalars of the graph precision.
 */
public final class OptimizerGraph<T extends TFloating> {

  private final OptimizerSpec spec;
  private final Precision precision;
  private final Operand<T> learningRate;
  private final Operand<T> firstCorrection;
  private final Operand<T> secondCorrection;
  private final List<ResourceVariable<T>> slots = new ArrayList<>();

  private final Operand<TBool> guard;

  /**
   * @param guard when it evaluates to false, every assignment keeps the old value (used to skip a
   *              step whose loss is not finite); null for unguarded updates
   */
  public OptimizerGraph(Ops tf, OptimizerSpec spec, Precision precision, Operand<TBool> guard) {
    this.spec = spec;
    this.guard = guard;
    this.precision = precision;
    Class<T> type = precision.type();
    this.learningRate = tf.withName("learning_rate").placeholder(type);
    this.firstCorrection = tf.withName("first_correction").placeholder(type);
    this.secondCorrection = tf.withName("second_correction").placeholder(type);
  }

  public OptimizerSpec spec() {
    return spec;
  }

  public Operand<T> learningRate() {
    return learningRate;
  }

  public Operand<T> firstCorrection() {
    return firstCorrection;
  }

  public Operand<T> secondCorrection() {
    return secondCorrection;
  }

  /** The slot variables created so far (loaded with zeros, or from a checkpoint). */
  public List<ResourceVariable<T>> slots() {
    return List.copyOf(slots);
  }

  /**
   * Builds the update of one parameter.
   *
   * @param variable the parameter
   * @param current  its value as used for the gradient (the same read op)
   * @param gradient ∂loss/∂θ, same shape
   * @param assigns  receives the assignment ops
   * @return θ'
   */
  public Operand<T> update(Ops tf, ResourceVariable<T> variable, Operand<T> current, Operand<T> gradient,
      List<Op> assigns) {
    Class<T> type = precision.type();
    Operand<T> eps = precision.scalar(tf, spec.epsilon());
    Operand<T> b2 = precision.scalar(tf, spec.beta2());
    Operand<T> oneMinusB2 = precision.scalar(tf, 1 - spec.beta2());
    ResourceVariable<T> v = new ResourceVariable<>(tf, variable.name() + "/v", variable.shape(), type);
    slots.add(v);
    Operand<T> vNew = tf.math.add(tf.math.mul(b2, v.read()), tf.math.mul(oneMinusB2, tf.math.square(gradient)));
    assigns.add(v.assign(tf, guarded(tf, vNew, v.read())));
    Operand<T> step;
    if (spec.kind() == OptimizerSpec.Kind.ADAM) {
      Operand<T> b1 = precision.scalar(tf, spec.beta1());
      Operand<T> oneMinusB1 = precision.scalar(tf, 1 - spec.beta1());
      ResourceVariable<T> m = new ResourceVariable<>(tf, variable.name() + "/m", variable.shape(), type);
      slots.add(m);
      Operand<T> mNew = tf.math.add(tf.math.mul(b1, m.read()), tf.math.mul(oneMinusB1, gradient));
      assigns.add(m.assign(tf, guarded(tf, mNew, m.read())));
      Operand<T> mHat = tf.math.div(mNew, firstCorrection);
      Operand<T> vHat = tf.math.div(vNew, secondCorrection);
      step = tf.math.div(mHat, tf.math.add(tf.math.sqrt(vHat), eps));
    } else {
      step = tf.math.div(gradient, tf.math.add(tf.math.sqrt(vNew), eps));
    }
    Operand<T> next = guarded(tf, tf.math.sub(current, tf.math.mul(learningRate, step)), current);
    assigns.add(variable.assign(tf, next));
    return next;
  }

  /** {@code value} where the guard holds, else {@code old}. */
  public Operand<T> guarded(Ops tf, Operand<T> value, Operand<T> old) {
    return guard == null ? value : tf.select(guard, value, old);
  }
}
