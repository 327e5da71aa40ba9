package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.solver.neural.Parameter;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A network's parameters in a training graph: one resource variable per {@link Parameter}, a
 * moving-average copy of each (θ̄, used for evaluation), and the ops that apply an optimiser step
 * θ' = step(θ, ∂loss/∂θ) followed by θ̄ ← δθ̄ + (1 − δ)θ' with δ fed per step.
 */
public final class TrainableParameters<T extends TFloating> {

  private final List<ResourceVariable<T>> variables = new ArrayList<>();
  private final List<ResourceVariable<T>> averages = new ArrayList<>();

  /** Creates the variables; {@code prefix} keeps names unique when a graph holds several networks. */
  public TrainableParameters(Ops tf, String prefix, List<Parameter> parameters, Precision precision) {
    Class<T> type = precision.type();
    for (Parameter p : parameters) {
      variables.add(new ResourceVariable<>(tf, prefix + "param/" + p.name(), p.shape(), type));
      averages.add(new ResourceVariable<>(tf, prefix + "average/" + p.name(), p.shape(), type));
    }
  }

  /** The current values (read ops), in parameter order. */
  public List<Operand<T>> reads() {
    List<Operand<T>> out = new ArrayList<>();
    variables.forEach(v -> out.add(v.read()));
    return out;
  }

  public List<ResourceVariable<T>> variables() {
    return List.copyOf(variables);
  }

  public List<ResourceVariable<T>> averages() {
    return List.copyOf(averages);
  }

  /**
   * Adds to {@code updates} the optimiser step of every parameter and the moving-average update.
   *
   * @param reads     the read ops the gradients were taken at (same order)
   * @param gradients ∂loss/∂θ per parameter
   */
  public void update(Ops tf, OptimizerGraph<T> optimizer, List<Operand<T>> reads, List<Operand<T>> gradients,
      Operand<T> averageDecay, Precision precision, List<Op> updates) {
    Operand<T> one = precision.scalar(tf, 1);
    for (int i = 0; i < variables.size(); i++) {
      Operand<T> next = optimizer.update(tf, variables.get(i), reads.get(i), gradients.get(i), updates);
      ResourceVariable<T> avg = averages.get(i);
      Operand<T> avgNext = tf.math.add(tf.math.mul(averageDecay, avg.read()),
          tf.math.mul(tf.math.sub(one, averageDecay), next));
      updates.add(avg.assign(tf, optimizer.guarded(tf, avgNext, avg.read())));
    }
  }
}
