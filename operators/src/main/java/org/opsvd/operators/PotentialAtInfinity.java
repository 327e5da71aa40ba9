package org.opsvd.operators;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * What a potential does far out, probed along rays x = r·u (bohr, hartree): the axis directions ±e_i, the
 * diagonals (±1, …, ±1)/√d for d ≤ 3, and {@value #RANDOM_RAYS} random unit directions (seeded), at radii
 * r = 2^k, k = 0 … {@value #DOUBLINGS}.
 *
 * <ul>
 *   <li><b>Unbounded below</b>: along some ray V keeps falling at each of the last {@value #FALLING} doublings and
 *       ends below {@value #FLOOR}. Then H = −cΔ + V has no lowest eigenvalue (its spectrum reaches −∞; −x², −|x|,
 *       the saddle xy), and there is nothing at the bottom for a solver to learn.</li>
 *   <li><b>Continuum threshold</b> Σ: where V levels off along a channel (a finite well, Coulomb tails, a
 *       direction the potential does not confine) the spectrum of H above Σ is continuous, and only levels below Σ
 *       are bound states with normalisable eigenfunctions. Σ is the bottom of the spectrum of the motion across the
 *       channel far out, Σ = inf spec(−c·Δ_⊥ + V(q + t)), t in the hyperplane ⊥ the channel through its far point q:
 *       for each ray, V is minimised over that hyperplane at r = 2^{@value #DOUBLINGS} (Powell, from the ray's point;
 *       the ray is then turned through the floor found and the search repeated once, so a valley between the rays
 *       is followed), and the lowest level of the transverse operator there is found by Rayleigh–Ritz ({@link
 *       TransverseLevel}), channels taken by ascending floor while a floor lies below the lowest level so far (at
 *       most {@value #CHANNELS}). A Morse well along x plus ½y² (c = ½) has Σ = ½, not 0: V → 0 along x, plus the
 *       zero-point energy of y. Where V is flat across the channel too (finite wells, −1/r) the level adds only
 *       about c/(2·s_max²) (s_max = r/{@value #SCALE_FRACTION}), so Σ = V far out. In 1-D Σ = the lowest V far out.
 *       Confining potentials give a huge Σ (a floor above {@value #CONFINED}: the floor itself).</li>
 * </ul>
 * A probe, not a proof: a finite set of rays can miss a narrow descending valley, and a potential falling more
 * slowly than the floor (−log(1 + x²)) is not flagged. Point singularities (Coulomb centres) lie at finite x and
 * are not probed. Potentials that are NaN along a ray are skipped on that ray.
 *
 * @param unboundedBelow whether a ray was found along which V falls without bound
 * @param point          the far point q of the channel with the lowest threshold (in 1-D, or when V falls without
 *                       bound, the farthest point of the lowest ray), length d
 * @param value          V(q) (hartree)
 * @param threshold      the continuum threshold estimate Σ ≥ V(q) (hartree): V(q) plus the transverse zero-point energy
 */
public record PotentialAtInfinity(boolean unboundedBelow, double[] point, double value, double threshold) {

  /** Random probe directions besides the axes (and diagonals in d ≤ 3). */
  public static final int RANDOM_RAYS = 32;

  /** Radii 2^0 … 2^DOUBLINGS (about 10^6 bohr). */
  public static final int DOUBLINGS = 20;

  /** Doublings over which V must keep falling to count as unbounded below. */
  public static final int FALLING = 8;

  /** Value below which a still-falling potential counts as unbounded below (hartree). */
  public static final double FLOOR = -1e4;

  public PotentialAtInfinity {
    point = point.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  /** Channels whose transverse level is computed at most. */
  public static final int CHANNELS = 8;

  /**
   * A lowest valley floor above this (hartree) at r = 2^{@value #DOUBLINGS} means a confining potential: Σ is that floor,
   * without the transverse level (which would change it by a relative 1e-10 for levels of 1 hartree).
   */
  static final double CONFINED = 1e10;

  /** s_max = r / SCALE_FRACTION: the transverse basis stays far out. */
  static final double SCALE_FRACTION = 64;

  /** Σ − V(q), the zero-point energy of the motion across the channel (0 in 1-D). */
  public double transverse() {
    return threshold - value;
  }

  /** As {@link #probe(Hamiltonian, long)} for H = −½Δ + V. */
  public static PotentialAtInfinity probe(Potential v, long seed) {
    return probe(Hamiltonian.of(v), seed);
  }

  /** Probes H's potential along the rays and channels described above. */
  public static PotentialAtInfinity probe(Hamiltonian h, long seed) {
    Potential v = h.potential();
    int d = v.dimension();
    boolean unbounded = false;
    double[] lowest = null;
    double lowestValue = Double.POSITIVE_INFINITY;
    List<double[]> far = new ArrayList<>();
    for (double[] u : rays(d, seed)) {
      double[] x = new double[d];
      double previous = Double.NaN;
      int falling = 0;
      double last = Double.NaN;
      for (int k = 0; k <= DOUBLINGS; k++) {
        double r = Math.scalb(1.0, k);
        for (int i = 0; i < d; i++) x[i] = r * u[i];
        last = v.value(x);
        boolean down = last < previous || last == Double.NEGATIVE_INFINITY && previous == last; // −∞: overflowed
        falling = down ? falling + 1 : 0;
        previous = last;
      }
      if (Double.isNaN(last)) continue;
      if (falling >= FALLING && last < FLOOR) unbounded = true;
      if (Double.isFinite(last)) far.add(x.clone());
      if (last < lowestValue) {
        lowestValue = last;
        lowest = x.clone();
      }
    }
    if (lowest == null) lowest = new double[d];
    if (unbounded || d == 1 || far.isEmpty() || !Double.isFinite(lowestValue)) {
      return new PotentialAtInfinity(unbounded, lowest, lowestValue, lowestValue);
    }
    return lowestChannel(h, far, lowest, lowestValue);
  }

  /** The channel with the lowest transverse level among those through the far points (see the class comment). */
  private static PotentialAtInfinity lowestChannel(Hamiltonian h, List<double[]> far, double[] lowest,
      double lowestValue) {
    Potential v = h.potential();
    double radius = Math.scalb(1.0, DOUBLINGS);
    List<double[]> floors = new ArrayList<>();
    for (double[] p : far) {
      double[] q = floor(v, p);
      q = floor(v, scaled(q, radius)); // turned through the floor: the hyperplane ⊥ the channel
      if (Double.isFinite(v.value(q))) floors.add(q);
    }
    floors.sort(java.util.Comparator.comparingDouble(v::value));
    if (!floors.isEmpty() && v.value(floors.get(0)) > CONFINED) { // no continuum in reach: no level needed
      double[] q = floors.get(0);
      return new PotentialAtInfinity(false, q, v.value(q), v.value(q));
    }
    List<double[]> done = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    double[] bestPoint = lowest;
    double bestValue = lowestValue;
    for (double[] q : floors) {
      double value = v.value(q);
      if (done.size() >= CHANNELS || value >= best) break;
      double[] u = scaled(q, 1);
      if (done.stream().anyMatch(w -> TransverseLevel.dot(w, u) > 1 - 1e-9)) continue; // the same channel again
      done.add(u);
      double[][] axes = principalAxes(v, q, TransverseLevel.complement(u));
      double[] curvature = new double[axes.length];
      for (int j = 0; j < axes.length; j++) curvature[j] = secondDerivative(v, q, axes[j]);
      double level;
      try {
        level = TransverseLevel.lowest(v, h.kinetic(), q, axes, curvature, radius / SCALE_FRACTION);
      } catch (RuntimeException e) { // an optimiser out of evaluations on a pathological V: no shift known
        level = value;
      }
      if (!Double.isFinite(level)) level = value; // the basis met a NaN V at every scale: no shift known
      if (level < best) {
        best = level;
        bestPoint = q;
        bestValue = value;
      }
    }
    if (!Double.isFinite(best)) return new PotentialAtInfinity(false, lowest, lowestValue, lowestValue);
    return new PotentialAtInfinity(false, bestPoint, bestValue, Math.max(best, bestValue));
  }

  /** Step of the finite-difference curvatures (bohr). */
  private static final double STEP = 1e-2;

  /**
   * The minimum of V over the hyperplane through p ⊥ p (Powell from p, t in an orthonormal basis of the hyperplane);
   * p itself when the search fails. Non-finite V counts as {@value #CAP}.
   */
  private static double[] floor(Potential v, double[] p) {
    double[][] axes = TransverseLevel.complement(scaled(p, 1));
    java.util.function.Function<double[], double[]> at = t -> {
      double[] x = p.clone();
      for (int j = 0; j < axes.length; j++) {
        for (int i = 0; i < x.length; i++) x[i] += t[j] * axes[j][i];
      }
      return x;
    };
    try {
      var found = new org.hipparchus.optim.nonlinear.scalar.noderiv.PowellOptimizer(1e-12, 1e-14).optimize(
          new org.hipparchus.optim.MaxEval(4000),
          new org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction(t -> {
            double value = v.value(at.apply(t));
            return Double.isFinite(value) ? Math.min(value, CAP) : CAP;
          }),
          org.hipparchus.optim.nonlinear.scalar.GoalType.MINIMIZE,
          new org.hipparchus.optim.InitialGuess(new double[axes.length]));
      double[] q = at.apply(found.getPoint());
      return v.value(q) <= v.value(p) ? q : p;
    } catch (RuntimeException e) { // no convergence within the evaluations: keep the ray's point
      return p;
    }
  }

  /** The value standing in for a non-finite or larger V in the floor search (hartree). */
  private static final double CAP = 1e100;

  /** x·(length/|x|). */
  private static double[] scaled(double[] x, double length) {
    double norm = Math.sqrt(TransverseLevel.dot(x, x));
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) out[i] = x[i] * length / norm;
    return out;
  }

  /** The eigenvectors of V's finite-difference Hessian at q within the span of {@code axes}, as rows. */
  private static double[][] principalAxes(Potential v, double[] q, double[][] axes) {
    int m = axes.length;
    if (m < 2) return axes;
    org.ejml.data.DMatrixRMaj hessian = new org.ejml.data.DMatrixRMaj(m, m);
    for (int a = 0; a < m; a++) {
      hessian.set(a, a, secondDerivative(v, q, axes[a]));
      for (int b = a + 1; b < m; b++) {
        double[] plus = new double[q.length];
        double[] minus = new double[q.length];
        for (int i = 0; i < q.length; i++) {
          plus[i] = (axes[a][i] + axes[b][i]) / Math.sqrt(2);
          minus[i] = (axes[a][i] - axes[b][i]) / Math.sqrt(2);
        }
        double mixed = (secondDerivative(v, q, plus) - secondDerivative(v, q, minus)) / 2;
        hessian.set(a, b, mixed);
        hessian.set(b, a, mixed);
      }
    }
    if (org.ejml.dense.row.MatrixFeatures_DDRM.hasUncountable(hessian)) return axes;
    var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(m, true, true);
    if (!eig.decompose(hessian)) return axes;
    double[][] out = new double[m][q.length];
    for (int k = 0; k < m; k++) {
      org.ejml.data.DMatrixRMaj w = eig.getEigenVector(k);
      for (int a = 0; a < m; a++) {
        for (int i = 0; i < q.length; i++) out[k][i] += w.get(a, 0) * axes[a][i];
      }
    }
    return out;
  }

  /** ∂²V/∂t² at q along the unit vector b, by central differences of step {@value #STEP}; NaN where V is not finite. */
  private static double secondDerivative(Potential v, double[] q, double[] b) {
    double[] plus = q.clone();
    double[] minus = q.clone();
    for (int i = 0; i < q.length; i++) {
      plus[i] += STEP * b[i];
      minus[i] -= STEP * b[i];
    }
    double centre = v.value(q);
    return (v.value(plus) - centre + v.value(minus) - centre) / (STEP * STEP);
  }

  private static List<double[]> rays(int d, long seed) {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      for (int sign = -1; sign <= 1; sign += 2) {
        double[] u = new double[d];
        u[i] = sign;
        out.add(u);
      }
    }
    if (d >= 2 && d <= 3) {
      for (int mask = 0; mask < 1 << d; mask++) {
        double[] u = new double[d];
        for (int i = 0; i < d; i++) u[i] = ((mask >> i & 1) == 0 ? 1 : -1) / Math.sqrt(d);
        out.add(u);
      }
    }
    RandomGenerator rng = new Well19937c(seed);
    for (int k = 0; k < RANDOM_RAYS; k++) {
      double[] u = new double[d];
      double norm = 0;
      for (int i = 0; i < d; i++) {
        u[i] = rng.nextGaussian();
        norm += u[i] * u[i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < d; i++) u[i] /= norm;
      out.add(u);
    }
    return out;
  }
}
