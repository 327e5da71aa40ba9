package org.opsvd.solver.neural;

import org.opsvd.operators.action.Jet;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A parametric map f_θ: R^d → R^L built as TensorFlow graph ops. The network owns only its
 * architecture and its seeded initial parameter values; the parameter tensors themselves are passed
 * in as operands (in the order of {@link #parameters()}), so the same architecture can be evaluated
 * with the training variables, with their moving average, or with frozen constants.
 */
public interface Network {

  /** Input dimension d. */
  int inputDimension();

  /** Number of outputs L. */
  int outputs();

  /** The trainable parameters with their shapes and initial values, in a fixed order. */
  List<Parameter> parameters();

  /** Values f(x), shape [B, L], for points x of shape [B, d]. */
  <T extends TFloating> Operand<T> value(Ops tf, Operand<T> x, List<Operand<T>> params);

  /**
   * Value, gradient and Laplacian propagated forward through the layers (exact, no nested
   * reverse mode): value [B, L], gradient [B, d, L], Laplacian [B, L].
   */
  <T extends TFloating> Jet<T> forwardJet(Ops tf, Operand<T> x, List<Operand<T>> params);
}
