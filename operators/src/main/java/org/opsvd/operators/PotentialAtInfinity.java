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
 *   <li><b>Continuum threshold</b> Σ ≈ min over the rays of V(2^{@value #DOUBLINGS}·u): where V levels off (a finite
 *       well, Coulomb tails, a direction the potential does not confine), the spectrum of H above Σ is continuous,
 *       and only levels below Σ are bound states with normalisable eigenfunctions. Confining potentials give a huge
 *       Σ.</li>
 * </ul>
 * A probe, not a proof: a finite set of rays can miss a narrow descending valley, and a potential falling more
 * slowly than the floor (−log(1 + x²)) is not flagged. Point singularities (Coulomb centres) lie at finite x and
 * are not probed. Potentials that are NaN along a ray are skipped on that ray.
 *
 * @param unboundedBelow whether a ray was found along which V falls without bound
 * @param point          the farthest point of the lowest ray (where V was smallest), length d
 * @param value          V there
 * @param threshold      the continuum threshold estimate Σ (hartree)
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

  /** Probes {@code v} along the rays described above. */
  public static PotentialAtInfinity probe(Potential v, long seed) {
    int d = v.dimension();
    boolean unbounded = false;
    double threshold = Double.POSITIVE_INFINITY;
    double[] lowest = null;
    double lowestValue = Double.POSITIVE_INFINITY;
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
      threshold = Math.min(threshold, last);
      if (last < lowestValue) {
        lowestValue = last;
        lowest = x.clone();
      }
    }
    if (lowest == null) lowest = new double[d];
    return new PotentialAtInfinity(unbounded, lowest, lowestValue, threshold);
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
