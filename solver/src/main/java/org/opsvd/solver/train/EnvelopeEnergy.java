package org.opsvd.solver.train;

import java.util.List;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.action.LocalOperator;

/**
 * The energy of a training density's square root, E(√p) = ⟨√p, A√p⟩/⟨√p, √p⟩ = E_p[(A√p)/√p], by Monte Carlo under
 * p ({@value #POINTS} points, fixed seed; (A√p)/√p is the operator's importance-weighted action on f = 1).
 *
 * <p>Why it matters: the network's outputs start about constant, so the functions ψ = √p·f a solve starts from have
 * about this energy. Where it lies above the shift b/a of T = a(−A) + b, T is negative on them, and the nested loss
 * first shrinks f towards 0 instead of rotating it towards the wanted states; training stalls there. In d dimensions
 * a Gaussian √p of per-axis excess energy ε has E(√p) = E₀ + dε, so a width that is harmless in 2D stalls in 16D
 * (16-D oscillator, L = 17, b = 10: a Gaussian of std 1.0 has E(√p) = 10.0 and ended at 2.1e-2 after 15 300 steps;
 * std 0.8, E(√p) = 8.24, reached 7.4e-4 after 10 200).
 */
final class EnvelopeEnergy {

  /** Monte Carlo points. */
  static final int POINTS = 4096;

  private EnvelopeEnergy() {
  }

  /** E(√p) for the operator A; points where A is singular are left out. */
  static double of(LocalOperator operator, SamplingDensity p) {
    int d = p.dimension();
    double[] x = new double[POINTS * d];
    p.sample(new Well19937c(0x454E56L), x, POINTS);
    List<LocalOperator.Field> layout = operator.fields();
    double[][] fields = new double[layout.size()][];
    for (int f = 0; f < fields.length; f++) fields[f] = new double[layout.get(f).size()];
    double[] point = new double[d];
    double[] zero = new double[d];
    double sum = 0;
    int count = 0;
    for (int i = 0; i < POINTS; i++) {
      System.arraycopy(x, i * d, point, 0, d);
      if (!operator.fields(point, p.at(point), fields)) continue;
      double e = operator.act(fields, 1, zero, 0);
      if (Double.isFinite(e)) {
        sum += e;
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
