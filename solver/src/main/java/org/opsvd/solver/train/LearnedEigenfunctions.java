package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.opsvd.operators.Potential;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.neural.Jet;
import org.opsvd.solver.neural.Network;
import org.opsvd.solver.neural.Parameter;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * Evaluates a trained network's wavefunctions in float64, whatever precision it was trained in:
 * ψ_l = √p·f_l and Hψ_l = √p·H̃f_l (exact forward Laplacian) at given points, as
 * {@link SampledFunctions} with the caller's quadrature weights. Parameters are fed, so one instance
 * serves any number of parameter sets (e.g. the moving average at each evaluation).
 * Points where V is not finite (a Coulomb nucleus on the grid) get Hψ := 0, as in the reference code.
 */
public final class LearnedEigenfunctions implements AutoCloseable {

  /** ψ and Hψ on one quadrature. */
  public record Sampled(SampledFunctions psi, SampledFunctions hamiltonianPsi) {}

  private static final int CHUNK = 4096;

  private final Network network;
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat64> x;
  private final List<Placeholder<TFloat64>> params = new ArrayList<>();
  private final Jet<TFloat64> jet;

  public LearnedEigenfunctions(Network network, SessionOptions options) {
    this.network = network;
    Ops tf = Ops.create(graph);
    this.x = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(-1, network.inputDimension())));
    List<Operand<TFloat64>> ops = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      Placeholder<TFloat64> ph = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(p.shape())));
      params.add(ph);
      ops.add(ph);
    }
    this.jet = network.forwardJet(tf, x, ops);
    this.session = options.open(graph);
  }

  /**
   * ψ and Hψ at {@code points} (row-major [N, d]) with quadrature {@code weights} (length N).
   *
   * @param parameters one array per {@link Network#parameters()} entry
   */
  public Sampled sample(List<double[]> parameters, double[] points, double[] weights, SamplingDensity density,
      Potential potential, double kinetic) {
    int d = network.inputDimension();
    int l = network.outputs();
    int n = weights.length;
    if (points.length != n * d) {
      throw new IllegalArgumentException(points.length + " coordinates for " + n + " points in " + d + " dimensions");
    }
    List<Tensor> fixed = new ArrayList<>();
    DMatrixRMaj psi = new DMatrixRMaj(n, l);
    DMatrixRMaj hpsi = new DMatrixRMaj(n, l);
    double[] point = new double[d];
    double[] drift = new double[d];
    try {
      List<Parameter> specs = network.parameters();
      for (int i = 0; i < specs.size(); i++) {
        fixed.add(Tensors.of(Precision.FLOAT64, specs.get(i).shape(), parameters.get(i)));
      }
      for (int start = 0; start < n; start += CHUNK) {
        int m = Math.min(CHUNK, n - start);
        double[] chunk = new double[m * d];
        System.arraycopy(points, start * d, chunk, 0, m * d);
        Session.Runner runner = session.runner();
        for (int i = 0; i < params.size(); i++) runner.feed(params.get(i), fixed.get(i));
        try (Tensor tx = Tensors.of(Precision.FLOAT64, new long[] {m, d}, chunk);
             Result r = runner.feed(x, tx).fetch(jet.value()).fetch(jet.gradient()).fetch(jet.laplacian()).run()) {
          double[] f = Tensors.values(r.get(0));
          double[] grad = Tensors.values(r.get(1));
          double[] lap = Tensors.values(r.get(2));
          for (int i = 0; i < m; i++) {
            System.arraycopy(chunk, i * d, point, 0, d);
            double sqrtP = density.sqrtDensity(point);
            double v = potential.value(point);
            density.drift(point, drift);
            double curv = density.curvature(point);
            for (int k = 0; k < l; k++) {
              double fk = f[i * l + k];
              double driftTerm = 0;
              for (int a = 0; a < d; a++) driftTerm += drift[a] * grad[(i * d + a) * l + k];
              double hf = Double.isFinite(v) ? v * fk - kinetic * (lap[i * l + k] + driftTerm + curv * fk) : 0;
              psi.set(start + i, k, sqrtP * fk);
              hpsi.set(start + i, k, sqrtP * hf);
            }
          }
        }
      }
    } finally {
      fixed.forEach(Tensor::close);
    }
    return new Sampled(SampledFunctions.wrap(psi, weights), SampledFunctions.wrap(hpsi, weights));
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
