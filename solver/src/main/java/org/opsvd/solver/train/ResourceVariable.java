package org.opsvd.solver.train;

import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.family.TFloating;

/**
 * A TensorFlow resource variable with a read and a "load from a fed value" op. Resource variables
 * (not ref variables) are what make optimiser steps bit-reproducible on the CPU (facts file Q4).
 * Values are loaded explicitly from Java — initial values, or a checkpoint — rather than by
 * initialisers baked into the graph, so large parameter tensors never become graph constants.
 *
 * @param <T> element type
 */
public final class ResourceVariable<T extends TFloating> {

  private static final AtomicLong SERIAL = new AtomicLong();

  private final String name;
  private final long[] shape;
  private final Operand<?> handle;
  private final Operand<T> read;
  private final Placeholder<T> value;
  private final Op load;

  /** Creates the variable ops in {@code tf}'s graph; {@code name} must be unique in that graph. */
  public ResourceVariable(Ops tf, String name, long[] shape, Class<T> type) {
    this.name = name;
    this.shape = shape.clone();
    Ops scoped = tf.withSubScope(sanitize(name));
    // Every handle needs a distinct shared name, or all handles alias one resource (facts file Q4).
    this.handle = scoped.varHandleOp(type, Shape.of(shape),
        VarHandleOp.sharedName("opsvd_" + sanitize(name) + "_" + SERIAL.incrementAndGet()));
    this.read = scoped.readVariableOp(handle, type);
    this.value = scoped.placeholder(type, Placeholder.shape(Shape.of(shape)));
    this.load = scoped.assignVariableOp(handle, value);
  }

  public String name() {
    return name;
  }

  public long[] shape() {
    return shape.clone();
  }

  /** Number of scalars. */
  public int size() {
    long n = 1;
    for (long s : shape) n *= s;
    return Math.toIntExact(n);
  }

  /** The current value (a read op). */
  public Operand<T> read() {
    return read;
  }

  /** The placeholder fed by {@link #loadOp()}. */
  public Placeholder<T> loadValue() {
    return value;
  }

  /** Assigns the value fed to {@link #loadValue()}. */
  public Op loadOp() {
    return load;
  }

  /** An op assigning {@code newValue} to this variable. */
  public Op assign(Ops tf, Operand<T> newValue) {
    return tf.assignVariableOp(handle, newValue);
  }

  private static String sanitize(String s) {
    return s.replaceAll("[^A-Za-z0-9_.\\-]", "_");
  }
}
