package org.opsvd.solver.train;

import java.util.Arrays;
import java.util.Locale;
import org.opsvd.operators.Problem;

/**
 * Where a solve puts its origin: the mean position c = ∫ρ x of the wanted states' density ρ = (1/L) Σ_{l<L} |u_l|², the
 * u_l as Rayleigh–Ritz estimates them ({@link GalerkinLevels}), when that lies away from the origin. The training
 * densities, the Galerkin basis and the envelope are centred at the origin; a well displaced by two widths in d ≥ 4
 * then sits where no density that fits the states' widths in every axis samples (the 5-D well ½((x₁ − 2)² + x₂² + … +
 * x₅²), L = 6: Rayleigh quotients 20–40 after 7 000 steps, exact 2.5–3.5). The solve then runs on the problem in
 * y = x − c ({@link Problem#translated}), and the points it writes are moved back to x.
 *
 * <p>The density of all L wanted states, not the ground state's: a symmetric double well's two lowest states are an
 * even and an odd one whose Ritz estimates may come out mixed, localised in one well each (the ground state's
 * mean then lies in a well, and iterating from there drifts into it: the 5-D well ¼(x₁² − 4)² + ½(x₂² + … + x₅²)
 * was centred at x₁ = −1.79), while the sum of their densities is the same for every mixture.
 *
 * <p>Iteration: c₀ = 0, c_{k+1} = c_k + ∫ρ y over the states of the problem translated by c_k (each fit moves a
 * displaced Gaussian part of the way: the Hermite basis holds only the first terms of its expansion), until every axis
 * moves by less than {@value #CONVERGED} of ρ's standard deviation s_j along it, at most {@value #MAX_ITERATIONS}
 * fits. It starts only when the first estimate, around the origin, lies at least {@value #SIGNIFICANT}·s_j off it
 * along some axis: a symmetric problem's estimate is 0 up to Monte Carlo error, and following that noise drifts into
 * one well of a double well, whose small basis cannot hold both wells' states (¼(x₁² − 4)² + ½(x₂² + … + x₅²): first
 * move 0.03 s₁, then 0.09, 0.24, 0.41, … to x₁ = −1.59; the displaced well above: first move 0.77 s₁). c is kept when
 * the iteration settled and the basis around c gives the wanted Ritz values a smaller sum than around the origin
 * (Ky Fan: the better span has the smaller sum; 20.00 against 28.28 for the displaced well, exact 20); else the
 * origin stays.
 *
 * <p>It applies in any d to a Hamiltonian without walls, torus or Coulomb centre (walls and tori are where they are; a
 * cusp factor sits at its centre). In d ≤ 3 the grid reference and the evaluation grid then lie on the box [−h, h]^d
 * around c, where the states are: the 2-D well ½((x − 4)² + 2(y + 3)²), L = 6, learned around the origin (a Gaussian
 * sampler of std 4 to reach it) to 4.1e-3 in 18 000 steps without settling, around c = (4, −3) to 4.1e-6. A
 * symmetric problem's first estimate is 0 to rounding (a tensor quadrature in d ≤ 3), so its origin and its bits stay.
 *
 * @param centre     c (bohr), or null to stay at the origin
 * @param iterations Rayleigh–Ritz fits made
 * @param reason     why, for {@code --explain}
 * @param states     the states of the problem in the chosen frame (the last fit)
 */
public record StatesCentre(double[] centre, int iterations, String reason, GalerkinLevels.States states) {

  /** Convergence: the last move, in standard deviations of ρ, per axis. */
  static final double CONVERGED = 0.05;
  /** Kept when some |c_j| is at least this many standard deviations of ρ. */
  static final double SIGNIFICANT = 0.25;
  /** Rayleigh–Ritz fits at most. */
  static final int MAX_ITERATIONS = 12;

  /** Whether the rule may move this problem's origin. */
  public static boolean applies(Problem problem) {
    return problem.translatable() && problem.hamiltonian().potential().coulombCentres().isEmpty();
  }

  /**
   * The centre of the density of {@code problem}'s lowest {@code wanted} states, from fits of the lowest {@code count}
   * states (as the solve would fit them), or the origin.
   */
  public static StatesCentre of(Problem problem, int count, int wanted, long seed) {
    GalerkinLevels.States atOrigin = GalerkinLevels.states(problem, count, seed, null);
    if (!applies(problem)) {
      return new StatesCentre(null, 1, "the origin: walls, a torus or a Coulomb centre", atOrigin);
    }
    int d = problem.dimension();
    int l = Math.min(wanted, atOrigin.levels().length);
    double[] c = new double[d];
    GalerkinLevels.States states = atOrigin;
    double[] s = new double[d];
    int fits = 1;
    boolean converged;
    while (true) {
      double[] move = new double[d];
      converged = true;
      for (int j = 0; j < d; j++) {
        double square = 0;
        for (int k = 0; k < l; k++) {
          move[j] += states.axisMean(k, j) / l;
          square += states.axisWidth(k, j) * states.axisWidth(k, j) / l;
        }
        s[j] = Math.sqrt(Math.max(square - move[j] * move[j], 0));
        converged &= Math.abs(move[j]) < CONVERGED * s[j];
      }
      if (fits == 1) { // the origin's own estimate must lie off it: a symmetric problem's noise is not followed
        boolean off = false;
        for (int j = 0; j < d; j++) off |= Math.abs(move[j]) >= SIGNIFICANT * s[j];
        if (!off) break;
      }
      if (converged || fits == MAX_ITERATIONS) break;
      for (int j = 0; j < d; j++) c[j] += move[j];
      states = GalerkinLevels.states(problem.translated(c), count, seed, null);
      fits++;
    }
    boolean significant = false;
    for (int j = 0; j < d; j++) significant |= Math.abs(c[j]) >= SIGNIFICANT * s[j];
    double atC = kyFan(states, l);
    double origin = kyFan(atOrigin, l);
    String why = !converged ? String.format(Locale.ROOT, "the origin: the estimates of the wanted states' mean did"
        + " not settle in %d fits (several wells?)", fits)
        : !significant ? String.format(Locale.ROOT, "the origin: the wanted states' mean lies within %.2g of their"
        + " standard deviation of it", SIGNIFICANT)
        : !(atC < origin) ? String.format(Locale.ROOT, "the origin: the wanted levels' sum is no smaller around "
        + "their mean (%.4g, %.4g at the origin)", atC, origin) : null;
    if (why != null) return new StatesCentre(null, fits, why, atOrigin);
    return new StatesCentre(c, fits, String.format(Locale.ROOT, "the wanted states' mean (Rayleigh–Ritz, %d fits), "
        + "%.2f standard deviations from the origin, where the wanted levels' sum is %.4g (%.4g at the origin): the "
        + "samplers and the envelope are centred there", fits, distance(c, s), atC, origin), states);
  }

  /** Σ_{l<L} of the Ritz values: by Ky Fan's principle, the smaller the better the basis spans the wanted states. */
  private static double kyFan(GalerkinLevels.States states, int l) {
    double sum = 0;
    for (int k = 0; k < l; k++) sum += states.levels()[k];
    return sum;
  }

  /** A centre the user gave; all zeros is the origin. */
  public static StatesCentre given(double[] c) {
    return new StatesCentre(Arrays.stream(c).allMatch(v -> v == 0) ? null : c.clone(), 0, "given", null);
  }

  /** Largest |c_j|/s_j. */
  private static double distance(double[] c, double[] s) {
    double m = 0;
    for (int j = 0; j < c.length; j++) m = Math.max(m, Math.abs(c[j]) / s[j]);
    return m;
  }

  @Override
  public double[] centre() {
    return centre == null ? null : centre.clone();
  }

  /** c formatted for the log. */
  public static String format(double[] c) {
    return Arrays.stream(c).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v))
        .collect(java.util.stream.Collectors.joining(","));
  }
}
