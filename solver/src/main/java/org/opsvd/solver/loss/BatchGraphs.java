package org.opsvd.solver.loss;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Small graph helpers shared by the losses (package-private): shape checks, constants, diagonals. */
final class BatchGraphs {
  private BatchGraphs() {
  }

  /** Checks F and TF are [B, L] with equal (static) B, and a static B even. */
  static void checkBatch(Shape f, Shape operatorOutputs, int outputs) {
    checkShape("F", f, outputs);
    checkShape("TF", operatorOutputs, outputs);
    long bf = f.get(0);
    long bt = operatorOutputs.get(0);
    if (bf >= 0 && bt >= 0 && bf != bt) {
      throw new IllegalArgumentException("F has " + bf + " rows but TF has " + bt);
    }
    long known = bf >= 0 ? bf : bt;
    if (known >= 0) {
      NestedLoraLoss.requireEvenBatch(Math.toIntExact(known));
    }
  }

  static void checkShape(String what, Shape shape, int outputs) {
    if (shape.isUnknown() || shape.numDimensions() != 2) {
      throw new IllegalArgumentException(what + " must have rank 2 [B, L], got shape " + shape);
    }
    long l = shape.get(1);
    if (l >= 0 && l != outputs) {
      throw new IllegalArgumentException(what + " has " + l + " columns, expected L = " + outputs
          + " (shape " + Arrays.toString(shape.asArray()) + ")");
    }
  }

  static <T extends TFloating> Operand<T> scalar(Ops tf, double value, Class<T> type) {
    return tf.dtypes.cast(tf.constant(value), type);
  }

  /** A constant [rows, cols] matrix from a row-major array, of type T. */
  static <T extends TFloating> Operand<T> matrix(Ops tf, int rows, int cols, double[] values, Class<T> type) {
    return tf.dtypes.cast(tf.constant(Shape.of(rows, cols), DataBuffers.of(values, true, false)), type);
  }

  /** The n×n identity. */
  static <T extends TFloating> Operand<T> identity(Ops tf, int n, Class<T> type) {
    double[] v = new double[n * n];
    for (int i = 0; i < n; i++) v[i * n + i] = 1;
    return matrix(tf, n, n, v, type);
  }

  /** Mask U with U_ij = 1 iff i &lt; j (strict) or i ≤ j ({@code strict} false). */
  static <T extends TFloating> Operand<T> upper(Ops tf, int n, boolean strict, Class<T> type) {
    double[] v = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = strict ? i + 1 : i; j < n; j++) v[i * n + j] = 1;
    }
    return matrix(tf, n, n, v, type);
  }

  /** The diagonal of an [n, n] matrix as an [n, 1] column. */
  static <T extends TFloating> Operand<T> diagonalColumn(Ops tf, Operand<T> m, int n) {
    return tf.reduceSum(tf.math.mul(m, identity(tf, n, m.type())), tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true));
  }

  /** The diagonal of an [n, n] matrix as an [1, n] row. */
  static <T extends TFloating> Operand<T> diagonalRow(Ops tf, Operand<T> m, int n) {
    return tf.reduceSum(tf.math.mul(m, identity(tf, n, m.type())), tf.constant(0), org.tensorflow.op.core.ReduceSum.keepDims(true));
  }

  /** diag(diag(m)): the diagonal part of an [n, n] matrix. */
  static <T extends TFloating> Operand<T> diagonalPart(Ops tf, Operand<T> m, int n) {
    return tf.math.mul(m, identity(tf, n, m.type()));
  }

  /** The trace of an [n, n] matrix (scalar). */
  static <T extends TFloating> Operand<T> trace(Ops tf, Operand<T> m, int n) {
    return tf.reduceSum(diagonalPart(tf, m, n), tf.constant(new int[] {0, 1}));
  }

  /** The dynamic batch size B as a scalar of type T. */
  static <T extends TFloating> Operand<T> batchSize(Ops tf, Operand<T> f) {
    return tf.dtypes.cast(tf.gather(tf.shape(f), tf.constant(0), tf.constant(0)), f.type());
  }
}
