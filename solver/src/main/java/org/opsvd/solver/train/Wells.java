package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.Potential;
import org.opsvd.operators.Problem;

/**
 * The wells of a potential that can hold the wanted states: local minima x_k of V, each with its harmonic widths, kept
 * when the harmonic ground level of the well lies below the highest wanted level. A multi-well potential's low states
 * are sums of pieces localised in its wells, which one Gaussian centred between them samples poorly; a mixture of
 * Gaussians at the wells ({@link SamplingDensity.WellMixture}) is then a candidate density ({@link SamplerChoice}).
 *
 * <p><b>Search.</b> {@value #STARTS} starts drawn from the density the sampler rule chose without wells (it covers the
 * wanted states as Rayleigh–Ritz estimates them), each minimised by BOBYQA (Powell's derivative-free trust-region
 * method: V is only evaluated, never differentiated, and expression potentials have no gradient) inside the box
 * [−h, h]^d, trust radius from ¼ of the narrowest ground-state width w₀ = min_j √(∫|u_0|²x_j²) down to 10⁻⁷·w₀.
 * Minima on the box's faces are dropped (V falls outwards there: no well). Two minima closer than {@value #MERGE} of
 * the ground state's width, √(Σ_j ((x_j − x'_j)/w_{0,j})²) &lt; {@value #MERGE}, are one well (the lower is kept).
 *
 * <p><b>Widths.</b> The Hessian K = ∇²V(x_k) by central differences (step 10⁻³·w_{0,j}). The harmonic
 * approximation −c·Δ + ½(x − x_k)ᵀK(x − x_k) has the ground level V(x_k) + Σ_m ω_m/2, ω_m = √(2c·κ_m) over the
 * eigenvalues κ_m of K, and a ground state whose density is Gaussian with covariance Σ = ½√(2c)·K^{−1/2}
 * (1-D: σ² = √(c/(2κ))). A component takes the marginal widths σ_j = √Σ_jj (axis-aligned: the per-axis form of the
 * other candidates, exact for wells whose axes are the coordinates), each at most the ground state's w_{0,j}: a flat
 * or nearly flat direction (κ_m ≤ 0, a quartic bottom) would give an unbounded width, and the wanted states are no
 * wider than the Rayleigh–Ritz ground state across all wells. Where K has an eigenvalue κ_m ≤ 0 every width is
 * w_{0,j} and the level counts only the modes before it (a lower bound, so such a well is kept).
 *
 * <p><b>Kept.</b> A well whose harmonic ground level is above the highest wanted level's Rayleigh–Ritz estimate holds
 * none of the wanted states (the estimate is an upper bound, so the rule errs on keeping); the rest are listed lowest
 * first. Only in d ≥ {@value SamplerChoice#SHAPED_FROM} (as the shaped Gaussians: d ≤ 3 keeps its measured recipe),
 * for a Hamiltonian without walls, torus or Coulomb centre ({@link #applies}).
 *
 * @param wells  the kept wells, lowest V first
 * @param minima the distinct minima found before the level rule
 * @param reason what was found, for {@code --explain}
 */
public record Wells(List<Well> wells, int minima, String reason) {

  /** Starts of the local minimisation. */
  static final int STARTS = 24;
  /** Minima closer than this many ground-state widths are one well. */
  static final double MERGE = 0.25;
  /** Function evaluations per start at most. */
  private static final int EVALUATIONS = 4000;
  /** A fixed seed: the same wells for the same problem in every solve. */
  private static final long SEED = 0x57454C4CL;

  public Wells {
    wells = List.copyOf(wells);
  }

  /**
   * One well.
   *
   * @param centre x_k (bohr)
   * @param value  V(x_k)
   * @param widths the harmonic ground state's marginal widths σ_j (bohr), capped at the Rayleigh–Ritz ground state's
   * @param ground the harmonic ground level V(x_k) + Σ_m ω_m/2
   */
  public record Well(double[] centre, double value, double[] widths, double ground) {
    @Override
    public double[] centre() {
      return centre.clone();
    }

    @Override
    public double[] widths() {
      return widths.clone();
    }
  }

  /** Whether the rule applies: d ≥ 4, a Hamiltonian without walls, torus or Coulomb centre. */
  public static boolean applies(Problem problem) {
    return problem.dimension() >= SamplerChoice.SHAPED_FROM && problem.translatable()
        && problem.hamiltonian().potential().coulombCentres().isEmpty();
  }

  /** The equal-weight mixture of Gaussians at the wells, component k of standard deviations s·σ_kj. */
  public SamplingDensity.WellMixture density(double scale) {
    int k = wells.size();
    double[][] centres = new double[k][];
    double[][] widths = new double[k][];
    for (int i = 0; i < k; i++) {
      centres[i] = wells.get(i).centre;
      widths[i] = wells.get(i).widths;
    }
    return new SamplingDensity.WellMixture(centres[0].length, scale, centres, widths);
  }

  /**
   * The wells of {@code problem}'s potential that can hold its lowest {@code wanted} states, estimated by {@code
   * states} (their ground state's widths set the merge distance and the width caps, the level of state wanted − 1 the
   * energy rule), searched from {@code starts}.
   */
  public static Wells find(Problem problem, GalerkinLevels.States states, SamplingDensity starts, int wanted) {
    Potential v = problem.hamiltonian().potential();
    double c = problem.hamiltonian().kinetic();
    int d = problem.dimension();
    double h = problem.halfWidth();
    double[] w0 = new double[d];
    double narrowest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < d; j++) {
      w0[j] = states.axisWidth(0, j);
      narrowest = Math.min(narrowest, w0[j]);
    }
    double top = states.levels()[Math.min(wanted, states.levels().length) - 1];
    ObjectiveFunction objective = new ObjectiveFunction(x -> {
      double value = v.value(x);
      return Double.isFinite(value) ? value : Double.MAX_VALUE;
    });
    double[] lower = new double[d];
    double[] upper = new double[d];
    Arrays.fill(lower, -h);
    Arrays.fill(upper, h);
    double[] points = new double[STARTS * d];
    starts.sample(new Well19937c(SEED), points, STARTS);
    List<double[]> minima = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    double radius = Math.min(0.25 * narrowest, 0.4 * h);
    for (int i = 0; i < STARTS; i++) {
      double[] x0 = new double[d];
      for (int j = 0; j < d; j++) x0[j] = Math.max(-0.99 * h, Math.min(0.99 * h, points[i * d + j]));
      PointValuePair found;
      try {
        found = new BOBYQAOptimizer(2 * d + 1, radius, 1e-7 * narrowest).optimize(new MaxEval(EVALUATIONS),
            objective, GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lower, upper));
      } catch (MathRuntimeException e) { // too many evaluations: no minimum from this start
        continue;
      }
      double[] x = found.getPoint();
      boolean onFace = false;
      for (double xj : x) onFace |= Math.abs(xj) > h * (1 - 1e-6);
      if (onFace || !(found.getValue() < Double.MAX_VALUE)) continue;
      minima.add(x);
      values.add(found.getValue());
    }
    Integer[] order = new Integer[minima.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble(values::get));
    List<double[]> distinct = new ArrayList<>();
    for (int i : order) {
      double[] x = minima.get(i);
      boolean seen = false;
      for (double[] y : distinct) {
        double r2 = 0;
        for (int j = 0; j < d; j++) r2 += (x[j] - y[j]) * (x[j] - y[j]) / (w0[j] * w0[j]);
        seen |= r2 < MERGE * MERGE;
      }
      if (!seen) distinct.add(x);
    }
    List<Well> kept = new ArrayList<>();
    List<String> above = new ArrayList<>();
    for (double[] x : distinct) {
      Well well = harmonic(v, c, x, w0);
      if (well.ground() <= top) {
        kept.add(well);
      } else {
        above.add(String.format(Locale.ROOT, "%.4g at %s", well.ground(), point(x)));
      }
    }
    StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "%d distinct local minim%s of V from %d starts",
        distinct.size(), distinct.size() == 1 ? "um" : "a", STARTS));
    if (!kept.isEmpty()) {
      why.append(String.format(Locale.ROOT, "; %d with harmonic ground level below the highest wanted level's "
          + "estimate %.4g:", kept.size(), top));
      for (Well w : kept) {
        why.append(String.format(Locale.ROOT, " V = %.4g at %s (level %.4g, widths %s)", Math.abs(w.value()) < 1e-9
            ? 0.0 : w.value(), point(w.centre),
            w.ground(), point(w.widths)));
      }
    }
    if (!above.isEmpty()) why.append("; above it: ").append(String.join(", ", above));
    return new Wells(kept, distinct.size(), why.toString());
  }

  /** The well at the minimum x: V(x), its harmonic widths (capped at w0) and ground level. */
  static Well harmonic(Potential v, double c, double[] x, double[] w0) {
    int d = x.length;
    double[] step = new double[d];
    for (int j = 0; j < d; j++) step[j] = 1e-3 * w0[j];
    double v0 = v.value(x);
    DMatrixRMaj k = new DMatrixRMaj(d, d);
    double[] y = x.clone();
    for (int i = 0; i < d; i++) {
      y[i] = x[i] + step[i];
      double plus = v.value(y);
      y[i] = x[i] - step[i];
      double minus = v.value(y);
      y[i] = x[i];
      k.set(i, i, (plus - 2 * v0 + minus) / (step[i] * step[i]));
      for (int j = 0; j < i; j++) {
        double sum = 0;
        for (int si = -1; si <= 1; si += 2) {
          for (int sj = -1; sj <= 1; sj += 2) {
            y[i] = x[i] + si * step[i];
            y[j] = x[j] + sj * step[j];
            sum += si * sj * v.value(y);
          }
        }
        y[i] = x[i];
        y[j] = x[j];
        double kij = sum / (4 * step[i] * step[j]);
        k.set(i, j, kij);
        k.set(j, i, kij);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    double[] variance = new double[d];
    double ground = v0;
    boolean flat = !eig.decompose(k);
    for (int m = 0; m < d && !flat; m++) {
      double kappa = eig.getEigenvalue(m).getReal();
      DMatrixRMaj vector = eig.getEigenVector(m);
      if (!(kappa > 0) || vector == null) {
        flat = true;
        break;
      }
      ground += 0.5 * Math.sqrt(2 * c * kappa);
      double s2 = Math.sqrt(c / (2 * kappa)); // σ_m² of the harmonic ground state's density along eigenvector m
      double norm = 0;
      for (int j = 0; j < d; j++) norm += vector.get(j) * vector.get(j);
      for (int j = 0; j < d; j++) variance[j] += s2 * vector.get(j) * vector.get(j) / norm;
    }
    double[] widths = new double[d];
    for (int j = 0; j < d; j++) widths[j] = flat ? w0[j] : Math.min(Math.sqrt(variance[j]), w0[j]);
    return new Well(x.clone(), v0, widths, ground);
  }

  /** x to three digits, coordinates below 10⁻⁶ as 0 (a minimiser's rounding). */
  private static String point(double[] x) {
    return Arrays.stream(x).mapToObj(a -> String.format(Locale.ROOT, "%.3g", Math.abs(a) < 1e-6 ? 0.0 : a))
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }
}
