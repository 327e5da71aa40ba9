package org.opsvd.solver.neural;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Copies between Java {@code double[]} (row-major) and float32/float64 tensors. */
public final class Tensors {

  private Tensors() {
  }

  /** A new tensor of the given precision and shape holding {@code values} (converted to float for float32). */
  public static Tensor of(Precision precision, long[] shape, double[] values) {
    Shape s = Shape.of(shape);
    if (s.size() != values.length) {
      throw new IllegalArgumentException(values.length + " values for shape " + s);
    }
    if (precision == Precision.FLOAT64) {
      return TFloat64.tensorOf(s, DataBuffers.of(values, true, false));
    }
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
    return TFloat32.tensorOf(s, DataBuffers.of(f, true, false));
  }

  /** A scalar tensor. */
  public static Tensor scalar(Precision precision, double value) {
    return precision == Precision.FLOAT64 ? TFloat64.scalarOf(value) : TFloat32.scalarOf((float) value);
  }

  /** All values of a float32 or float64 tensor, row-major, as doubles. */
  public static double[] values(Tensor t) {
    int n = Math.toIntExact(t.shape().size());
    double[] out = new double[n];
    if (t instanceof TFloat64 d) {
      d.asRawTensor().data().asDoubles().read(out);
    } else if (t instanceof TFloat32 f) {
      float[] tmp = new float[n];
      f.asRawTensor().data().asFloats().read(tmp);
      for (int i = 0; i < n; i++) out[i] = tmp[i];
    } else {
      throw new IllegalArgumentException("expected a float32 or float64 tensor, got " + t.dataType());
    }
    return out;
  }

  /** The single value of a scalar tensor. */
  public static double scalarValue(Tensor t) {
    return values(t)[0];
  }
}
