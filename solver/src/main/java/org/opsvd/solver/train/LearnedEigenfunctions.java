package org.opsvd.solver.train;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.neural.Network;

/**
 * Evaluates a trained network's wavefunctions, whatever precision it was trained in (network in float64 by
 * default or float32, everything after it in float64):
 * ψ_l = √p·f_l and Aψ_l = √p·Ãf_l (the operator's importance-weighted action, exact forward Laplacian) at given
 * points, as
 * {@link SampledFunctions} with the caller's quadrature weights. Parameters are fed, so one instance
 * serves any number of parameter sets (e.g. the moving average at each evaluation).
 * Points where the operator is singular (a Coulomb nucleus on the grid): see below.
 *
 * <p>In a float32 evaluation, points where |Δf| &gt; {@link #CANCELLATION}·|f| for some output are evaluated again in
 * float64. There the local energy is a difference of terms far larger than itself: next to a Coulomb centre the
 * cusp factor's −½ΔJ/J ≈ Z/r cancels V = −Z/r, and float32's relative error of about 1e-7 in Δf becomes an error of
 * 1e-7·Z/r in the local energy. A grid node within rounding of the centre (r ≈ 1e-15: the half-step copy of an even
 * grid on a symmetric box lands on the origin) then carried an error of 1e8 and put 2D hydrogen's evaluated levels
 * at ±1e5 (an `eval-precision: float32` run of neuralef-unbiased, 1000² grid on [−50, 50]²: E₀ −3.2e5 in float32,
 * −2.0102 in float64).
 *
 * <p>Where |Δf| &gt; {@link #SINGULAR}·|f| for some output (r &lt; about 1e-10 bohr from a nucleus) not even float64
 * resolves the cancellation, and the point counts as singular, as one where the operator is (V = ±∞ on a nucleus).
 * There Aψ is taken {@link #STEP} away, where it is resolved: with a cusp factor the local energy has a finite limit
 * at the nucleus and Aψ is continuous, and a quadrature node on the nucleus then carries its due weight (dropping it
 * put the ground state of 2D hydrogen 0.0255 hartree high on the 1000² grid and its half-step copy, whose weight there
 * is h²/2·ψ(0)²·E₀). Where the local energy there is above {@link #BOUNDED} (a singularity the network does not
 * cancel), Aψ := 0, as in the reference code. The result does not depend on whether the grid's arithmetic put the
 * node at r = 0 or at r = 1e-15.
 */
public final class LearnedEigenfunctions implements AutoCloseable {

  /** ψ and Hψ on one quadrature. */
  public record Sampled(SampledFunctions psi, SampledFunctions hamiltonianPsi) {
    /** ψR and HψR: the same span in another basis (R is L×L). */
    public Sampled times(org.ejml.data.DMatrixRMaj r) {
      return new Sampled(psi.times(r), hamiltonianPsi.times(r));
    }
  }

  /**
   * |Δf|/|f| above which a float32 evaluation's point is evaluated again in float64: 1e4, where float32's 1e-7
   * relative error in Δf is 1e-3 of the local energy (r ≈ 2e-4 bohr from a hydrogen nucleus).
   */
  public static final double CANCELLATION = 1e4;
  /** |Δf|/|f| above which a point counts as singular (Aψ := 0) in either precision: float64's 1e-16 times it is 1e-6. */
  public static final double SINGULAR = 1e10;
  /** The step to where Aψ of a singular point is taken (in the problem's length unit). */
  public static final double STEP = 1e-6;
  /** The largest local energy |Ãf/f| accepted as the finite limit at a singular point. */
  public static final double BOUNDED = 1e3;

  private final Network network;
  private final NetworkEvaluator<?> evaluator;
  private final Precision precision;
  private NetworkEvaluator<?> refiner; // float64, built on first need
  private final int reported;

  /** A float64 evaluation. */
  public LearnedEigenfunctions(Network network) {
    this(network, Precision.FLOAT64);
  }

  /**
   * @param precision the network's evaluation precision (float32: 3–4× faster, values to a few 1e-6 relative);
   *                  the functions and all quadrature sums are float64 either way
   */
  public LearnedEigenfunctions(Network network, Precision precision) {
    this(network, precision, network.outputs());
  }

  /**
   * As {@link #LearnedEigenfunctions(Network, Precision)}, sampling only the network's first {@code reported}
   * outputs (the wanted functions of a network trained with guard functions after them).
   */
  public LearnedEigenfunctions(Network network, Precision precision, int reported) {
    if (reported < 1 || reported > network.outputs()) {
      throw new IllegalArgumentException("cannot report " + reported + " of a network's " + network.outputs()
          + " outputs");
    }
    this.network = network;
    this.evaluator = new NetworkEvaluator<>(network, true, precision);
    this.precision = precision;
    this.reported = reported;
  }

  /**
   * ψ and Hψ of the first {@code reported} outputs at {@code points} (row-major [N, d]) with quadrature
   * {@code weights} (length N).
   *
   * @param parameters one array per {@link Network#parameters()} entry
   */
  public Sampled sample(List<double[]> parameters, double[] points, double[] weights, SamplingDensity density,
      LocalOperator operator) {
    int d = network.inputDimension();
    int l = network.outputs();
    int n = weights.length;
    if (points.length != n * d) {
      throw new IllegalArgumentException(points.length + " coordinates for " + n + " points in " + d + " dimensions");
    }
    NetworkEvaluator.Arrays a = refined(parameters, points, evaluator.jet(parameters, points));
    double[] values = a.values();
    double[] gradients = a.gradients();
    double[] laplacians = a.laplacians();
    DMatrixRMaj hpsi = new DMatrixRMaj(n, reported);
    double[][] fields = fieldArrays(operator);
    double[] point = new double[d];
    double[] gradient = new double[d];
    List<Integer> singular = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      System.arraycopy(points, i * d, point, 0, d);
      if (!operator.fields(point, density.at(point), fields) || !within(values, laplacians, i, l, SINGULAR)) {
        singular.add(i);
        continue;
      }
      double sqrtP = density.sqrtDensity(point);
      for (int k = 0; k < reported; k++) {
        for (int j = 0; j < d; j++) gradient[j] = gradients[(i * d + j) * l + k];
        hpsi.set(i, k, sqrtP * operator.act(fields, values[i * l + k], gradient, laplacians[i * l + k]));
      }
    }
    if (!singular.isEmpty()) limits(parameters, points, singular, density, operator, hpsi);
    SampledFunctions psi = SampledFunctions.wrap(DMatrixRMaj.wrap(n, l, density.wavefunctions(points, values, l)),
        weights);
    return new Sampled(reported == l ? psi : psi.leading(reported), SampledFunctions.wrap(hpsi, weights));
  }

  /**
   * Aψ at singular points (see the class comment) as its value {@link #STEP} away along the first axis, output by
   * output, where that value's local energy |Ãf/f| is at most {@link #BOUNDED}; 0 otherwise.
   */
  private void limits(List<double[]> parameters, double[] points, List<Integer> singular, SamplingDensity density,
      LocalOperator operator, DMatrixRMaj hpsi) {
    int d = network.inputDimension();
    int l = network.outputs();
    double[] x = new double[singular.size() * d];
    for (int p = 0; p < singular.size(); p++) {
      System.arraycopy(points, singular.get(p) * d, x, p * d, d);
      x[p * d] += STEP;
    }
    if (refiner == null) refiner = NetworkEvaluator.float64(network, true);
    NetworkEvaluator.Arrays b = refiner.jet(parameters, x);
    double[][] fields = fieldArrays(operator);
    double[] point = new double[d];
    double[] gradient = new double[d];
    for (int p = 0; p < singular.size(); p++) {
      System.arraycopy(x, p * d, point, 0, d);
      boolean regular = operator.fields(point, density.at(point), fields) && within(b.values(), b.laplacians(), p, l,
          SINGULAR);
      double sqrtP = density.sqrtDensity(point);
      for (int k = 0; k < reported; k++) {
        double f = b.values()[p * l + k];
        for (int j = 0; j < d; j++) gradient[j] = b.gradients()[(p * d + j) * l + k];
        double af = regular ? operator.act(fields, f, gradient, b.laplacians()[p * l + k]) : 0;
        hpsi.set(singular.get(p), k, Math.abs(af) <= BOUNDED * Math.abs(f) ? sqrtP * af : 0);
      }
    }
  }

  private static double[][] fieldArrays(LocalOperator operator) {
    List<LocalOperator.Field> layout = operator.fields();
    double[][] fields = new double[layout.size()][];
    for (int f = 0; f < fields.length; f++) fields[f] = new double[layout.get(f).size()];
    return fields;
  }

  /** Whether every output's |Δf| is at most {@code ratio}·|f| at point i (false for a value that is not a number). */
  private static boolean within(double[] values, double[] laplacians, int i, int l, double ratio) {
    for (int k = 0; k < l; k++) {
      if (!(Math.abs(laplacians[i * l + k]) <= ratio * Math.abs(values[i * l + k]))) return false;
    }
    return true;
  }

  /** The jet with its cancellation-prone points (see the class comment) evaluated again in float64. */
  private NetworkEvaluator.Arrays refined(List<double[]> parameters, double[] points, NetworkEvaluator.Arrays a) {
    if (precision != Precision.FLOAT32) return a;
    int d = network.inputDimension();
    int l = network.outputs();
    int n = points.length / d;
    int[] prone = java.util.stream.IntStream.range(0, n)
        .filter(i -> !within(a.values(), a.laplacians(), i, l, CANCELLATION)).toArray();
    if (prone.length == 0) return a;
    double[] x = new double[prone.length * d];
    for (int p = 0; p < prone.length; p++) System.arraycopy(points, prone[p] * d, x, p * d, d);
    if (refiner == null) refiner = NetworkEvaluator.float64(network, true);
    NetworkEvaluator.Arrays b = refiner.jet(parameters, x);
    for (int p = 0; p < prone.length; p++) {
      int i = prone[p];
      System.arraycopy(b.values(), p * l, a.values(), i * l, l);
      System.arraycopy(b.laplacians(), p * l, a.laplacians(), i * l, l);
      System.arraycopy(b.gradients(), p * d * l, a.gradients(), i * d * l, d * l);
    }
    return a;
  }

  @Override
  public void close() {
    evaluator.close();
    if (refiner != null) refiner.close();
  }
}
