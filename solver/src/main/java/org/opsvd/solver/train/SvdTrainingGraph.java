package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.solver.loss.NestedSvdLoss;
import org.opsvd.solver.neural.Network;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/**
 * One operator-SVD training step as a single graph: left network f at x [B₁, d_x], right network g at
 * y [B₂, d_y], the nested LoRA SVD terms ({@link NestedSvdLoss}: kernel form with the fed kernel matrix
 * K [B₁, B₂], or paired form), parameter gradients by one reverse pass through F and G with the
 * injected output gradients (column l weighted by {@link SvdModeBalance}), the optimiser step (skipped on a
 * non-finite loss) and the moving averages.
 * Fetched per step: the loss and the batch singular-value estimates σ_l = ‖f_l‖·‖g_l‖.
 */
public final class SvdTrainingGraph<T extends TFloating> extends AbstractStepGraph<T> {

  private final Placeholder<T> left;
  private final Placeholder<T> right;
  private final Placeholder<T> kernel;
  private final TrainableParameters<T> f;
  private final TrainableParameters<T> g;
  private final Operand<T> singularValues;

  /**
   * @param paired paired form (no kernel matrix) instead of the kernel form; a constant mode, if
   *               wanted, is a property of the loss ({@link NestedSvdLoss#withConstantMode()})
   * @param balance the pairs' weights in the injected gradients ({@link SvdModeBalance#NONE}: the plain loss)
   */
  public SvdTrainingGraph(Network leftNetwork, Network rightNetwork, NestedSvdLoss svdLoss, boolean paired,
      SvdModeBalance balance, OptimizerSpec optimizerSpec, Precision precision, SessionOptions options) {
    super(precision);
    Class<T> type = precision.type();
    this.left = tf.withName("x").placeholder(type, Placeholder.shape(Shape.of(-1, leftNetwork.inputDimension())));
    this.right = tf.withName("y").placeholder(type, Placeholder.shape(Shape.of(-1, rightNetwork.inputDimension())));
    this.kernel = paired ? null : tf.withName("kernel").placeholder(type, Placeholder.shape(Shape.of(-1, -1)));
    this.f = new TrainableParameters<>(tf, "f/", leftNetwork.parameters(), precision);
    this.g = new TrainableParameters<>(tf, "g/", rightNetwork.parameters(), precision);
    List<Operand<T>> readsF = f.reads();
    List<Operand<T>> readsG = g.reads();
    Operand<T> valuesF = leftNetwork.value(tf, left, readsF);
    Operand<T> valuesG = rightNetwork.value(tf, right, readsG);
    NestedSvdLoss.Terms<T> terms = paired
        ? svdLoss.paired(tf, valuesF, valuesG)
        : svdLoss.kernel(tf, valuesF, valuesG, kernel);
    int l = leftNetwork.outputs();
    this.singularValues = tf.math.sqrt(tf.math.mul(
        diagonal(tf, terms.leftGram(), l, precision),
        diagonal(tf, terms.rightGram(), l, precision)));
    List<Operand<T>> reads = new ArrayList<>(readsF);
    reads.addAll(readsG);
    Operand<T> dF = terms.leftGradient();
    Operand<T> dG = terms.rightGradient();
    if (balance.active()) {
      Operand<T> w = balance.weights(tf, singularValues, precision);
      dF = tf.math.mul(dF, w);
      dG = tf.math.mul(dG, w);
    }
    Gradients grads = tf.gradients(List.of(valuesF, valuesG), reads,
        Gradients.dx(List.of(dF, dG)));
    List<Operand<T>> all = gradients(grads, reads.size());
    OptimizerGraph<T> optimizer = optimizerOf(terms.loss(), optimizerSpec);
    f.update(tf, optimizer, readsF, all.subList(0, readsF.size()), averageDecay(), precision, updates);
    g.update(tf, optimizer, readsG, all.subList(readsF.size(), all.size()), averageDecay(), precision, updates);
    finish(options);
  }

  public Placeholder<T> left() {
    return left;
  }

  public Placeholder<T> right() {
    return right;
  }

  /** The kernel-matrix placeholder (null in the paired form). */
  public Placeholder<T> kernel() {
    return kernel;
  }

  public TrainableParameters<T> leftParameters() {
    return f;
  }

  public TrainableParameters<T> rightParameters() {
    return g;
  }

  /** The batch singular-value estimates, alone. */
  @Override
  public List<Operand<T>> diagnostics() {
    return List.of(singularValues);
  }

  /** Batch estimates ‖f_l‖·‖g_l‖ [L]. */
  public Operand<T> singularValues() {
    return singularValues;
  }
}
