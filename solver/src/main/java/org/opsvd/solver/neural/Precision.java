package org.opsvd.solver.neural;

import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/**
 * Floating-point precision of a TensorFlow graph: float32 (default for training; about 7 significant
 * digits, measured 4–5× faster than float64 on this CPU) or float64 (about 16 digits; for evaluation
 * and for tests that compare derivatives to 1e-10).
 */
public enum Precision {
  FLOAT32(TFloat32.class),
  FLOAT64(TFloat64.class);

  private final Class<? extends TFloating> type;

  Precision(Class<? extends TFloating> type) {
    this.type = type;
  }

  /** The TensorFlow element type. */
  @SuppressWarnings("unchecked")
  public <T extends TFloating> Class<T> type() {
    return (Class<T>) type;
  }

  /** A scalar constant of this precision. */
  public <T extends TFloating> Operand<T> scalar(Ops tf, double value) {
    return tf.dtypes.cast(tf.constant(value), this.<T>type());
  }

  /** A constant of this precision with the given shape, row-major (last index fastest). */
  public <T extends TFloating> Operand<T> constant(Ops tf, long[] shape, double[] values) {
    var c = tf.constant(org.tensorflow.ndarray.Shape.of(shape),
        org.tensorflow.ndarray.buffer.DataBuffers.of(values, true, false));
    return tf.dtypes.cast(c, this.<T>type());
  }

  /** Parses {@code float32|f32|float64|f64} (case-insensitive). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Precision parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "float32", "f32", "single" -> FLOAT32;
      case "float64", "f64", "double" -> FLOAT64;
      default -> throw new IllegalArgumentException(
          "unknown precision '" + text + "' (expected float32 or float64)");
    };
  }

  @com.fasterxml.jackson.annotation.JsonValue

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
