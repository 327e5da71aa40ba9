package org.opsvd.solver.neural;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/** Helpers around {@link Network}. */
public final class Networks {
  private Networks() {}

  /** The initial parameter values of {@code net} as graph constants of the given precision. */
  public static <T extends TFloating> List<Operand<T>> initialConstants(Ops tf, Network net, Precision precision) {
    List<Operand<T>> out = new ArrayList<>();
    for (Parameter p : net.parameters()) out.add(precision.<T>constant(tf, p.shape(), p.initial()));
    return out;
  }
}
