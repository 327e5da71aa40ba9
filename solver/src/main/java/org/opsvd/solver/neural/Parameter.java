package org.opsvd.solver.neural;

import java.util.Arrays;

/**
 * One trainable tensor of a {@link Network}: a name unique within the network, its shape and its
 * initial values (row-major, last index fastest; length = product of the shape).
 */
public record Parameter(String name, long[] shape, double[] initial) {
  public Parameter {
    long size = 1;
    for (long s : shape) {
      if (s <= 0) throw new IllegalArgumentException("parameter " + name + ": non-positive dimension in " + Arrays.toString(shape));
      size *= s;
    }
    if (initial.length != size) {
      throw new IllegalArgumentException("parameter " + name + ": " + initial.length
          + " initial values for shape " + Arrays.toString(shape));
    }
    shape = shape.clone();
    initial = initial.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public double[] initial() {
    return initial.clone();
  }

  /** Number of scalars. */
  public int size() {
    return initial.length;
  }
}
