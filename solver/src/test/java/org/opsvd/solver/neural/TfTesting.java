package org.opsvd.solver.neural;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.Well19937c;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Test helpers: random points, running a graph and reading results as double[]. */
final class TfTesting {
  private TfTesting() {}

  /** B points uniform in [−half, half]^d, row-major [B, d]. */
  static double[] points(int b, int d, long seed, double half) {
    Well19937c rng = new Well19937c(seed);
    double[] x = new double[b * d];
    for (int i = 0; i < x.length; i++) x[i] = half * (2 * rng.nextDouble() - 1);
    return x;
  }

  /** Evaluates the operands in one Session.run, each cast to float64 and flattened row-major. */
  @SafeVarargs
  static List<double[]> fetch(Graph g, Ops tf, Operand<? extends TFloating>... ops) {
    List<Operand<TFloat64>> casts = new ArrayList<>();
    for (Operand<? extends TFloating> o : ops) casts.add(tf.dtypes.cast(o, TFloat64.class));
    try (Session s = new Session(g)) {
      Session.Runner runner = s.runner();
      for (Operand<TFloat64> c : casts) runner.fetch(c);
      try (Result r = runner.run()) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < casts.size(); i++) {
          Tensor t = r.get(i);
          double[] a = new double[(int) t.shape().size()];
          t.asRawTensor().data().asDoubles().read(a);
          out.add(a);
        }
        return out;
      }
    }
  }

  /** max|a − ref| / max|ref|. */
  static double relErr(double[] a, double[] ref) {
    if (a.length != ref.length) throw new AssertionError("length " + a.length + " vs " + ref.length);
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num = Math.max(num, Math.abs(a[i] - ref[i]));
      den = Math.max(den, Math.abs(ref[i]));
    }
    return num / den;
  }

  /** max|a − ref|. */
  static double absErr(double[] a, double[] ref) {
    double num = 0;
    for (int i = 0; i < a.length; i++) num = Math.max(num, Math.abs(a[i] - ref[i]));
    return num;
  }
}
