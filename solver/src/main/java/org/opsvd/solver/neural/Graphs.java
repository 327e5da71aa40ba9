package org.opsvd.solver.neural;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/** Small graph helpers: constants in the element type of a given operand. */
final class Graphs {
  private Graphs() {}

  /** Scalar constant with the element type of {@code like}. */
  static <T extends TFloating> Operand<T> scalar(Ops tf, Operand<T> like, double v) {
    return tf.dtypes.cast(tf.constant(v), like.type());
  }

  /** Constant of the given shape (row-major values) with the element type of {@code like}. */
  static <T extends TFloating> Operand<T> constant(Ops tf, Operand<T> like, long[] shape, double[] values) {
    return tf.dtypes.cast(tf.constant(Shape.of(shape), DataBuffers.of(values, true, false)), like.type());
  }

  /** Integer vector (shapes, axes, permutations). */
  static Operand<TInt32> ints(Ops tf, int... v) {
    return tf.constant(v);
  }

  /** Unit column e_i ∈ R^{n×1}. */
  static <T extends TFloating> Operand<T> unitColumn(Ops tf, Operand<T> like, int n, int i) {
    double[] e = new double[n];
    e[i] = 1;
    return constant(tf, like, new long[] {n, 1}, e);
  }
}
