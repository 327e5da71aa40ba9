package org.opsvd.solver.train;

import java.util.Arrays;
import java.util.Locale;
import org.opsvd.operators.Problem;
import org.opsvd.operators.grid.Boundary;

/**
 * Where a solve puts its origin: the mean position c = ∫|u₀|²x of the ground state u₀ as Rayleigh–Ritz estimates it
 * ({@link GalerkinLevels}), when that lies away from the origin. The training densities, the Galerkin basis and the
 * envelope are centred at the origin; a well displaced by two widths in d ≥ 4 then sits where no density that fits
 * the states' widths in every axis samples (the 5-D well ½((x₁ − 2)² + x₂² + … + x₅²), L = 6: Rayleigh quotients 20–40
 * after 7 000 steps, exact 2.5–3.5). The solve then runs on the problem in y = x − c ({@link Problem#translated}),
 * and the points it writes are moved back to x.
 *
 * <p>Iteration: c₀ = 0, c_{k+1} = c_k + ∫|u₀|²y over the states of the problem translated by c_k (each basis moves a
 * displaced Gaussian part of the way: the Hermite basis holds only the first few terms of its expansion), until every
 * axis moves by less than {@value #CONVERGED} of the ground state's standard deviation s_j along it, at most
 * {@value #MAX_ITERATIONS} times. c is kept when some |c_j| ≥ {@value #SIGNIFICANT}·s_j, else the origin stays (a
 * symmetric problem's estimate is 0 up to Monte Carlo error).
 *
 * <p>It applies in d ≥ 4 to a Hamiltonian without walls, torus or Coulomb centre: in d ≤ 3 the evaluation grids and
 * references live on the box around the origin, and off-centre wells learn there (½((x − 3)² + (y + 2)²), L = 3:
 * 1.4e-4 with the defaults); walls and tori are where they are; a cusp factor sits at its centre.
 *
 * @param centre     c (bohr), or null to stay at the origin
 * @param iterations Rayleigh–Ritz fits made
 * @param reason     why, for {@code --explain}
 * @param states     the states of the problem in the chosen frame (the last fit)
 */
public record GroundStateCentre(double[] centre, int iterations, String reason, GalerkinLevels.States states) {

  /** Convergence: the last move, in ground-state standard deviations, per axis. */
  static final double CONVERGED = 0.02;
  /** Kept when some |c_j| is at least this many ground-state standard deviations. */
  static final double SIGNIFICANT = 0.25;
  /** Rayleigh–Ritz fits at most. */
  static final int MAX_ITERATIONS = 8;

  /** Whether the rule may move this problem's origin. */
  public static boolean applies(Problem problem) {
    return problem.dimension() >= 4 && !problem.boxIsPhysical() && problem.boundary() != Boundary.PERIODIC
        && problem.operator() == problem.hamiltonian() && problem.hamiltonian().potential().coulombCentres().isEmpty();
  }

  /**
   * The centre of {@code problem}'s ground state from fits of the lowest {@code count} states (as the solve would
   * fit them), or the origin.
   */
  public static GroundStateCentre of(Problem problem, int count, long seed) {
    GalerkinLevels.States atOrigin = GalerkinLevels.states(problem, count, seed, null);
    if (!applies(problem)) {
      return new GroundStateCentre(null, 1, "the origin: walls, a torus, a Coulomb centre or d ≤ 3", atOrigin);
    }
    int d = problem.dimension();
    double[] c = new double[d];
    GalerkinLevels.States states = atOrigin;
    double[] s = new double[d];
    int fits = 1;
    while (true) {
      double[] move = new double[d];
      boolean converged = true;
      for (int j = 0; j < d; j++) {
        move[j] = states.axisMean(0, j);
        double w = states.axisWidth(0, j);
        s[j] = Math.sqrt(Math.max(w * w - move[j] * move[j], 0));
        converged &= Math.abs(move[j]) < CONVERGED * s[j];
      }
      if (converged || fits == MAX_ITERATIONS) break;
      for (int j = 0; j < d; j++) c[j] += move[j];
      states = GalerkinLevels.states(problem.translated(c), count, seed, null);
      fits++;
    }
    boolean significant = false;
    for (int j = 0; j < d; j++) significant |= Math.abs(c[j]) >= SIGNIFICANT * s[j];
    if (!significant) {
      return new GroundStateCentre(null, fits, String.format(Locale.ROOT, "the origin: the ground state's mean "
          + "lies within %.2g of its standard deviation of it", SIGNIFICANT), atOrigin);
    }
    return new GroundStateCentre(c, fits, String.format(Locale.ROOT, "the ground state's mean (Rayleigh–Ritz, %d "
        + "fits), %.2f standard deviations from the origin: the samplers and the envelope are centred there",
        fits, distance(c, s)), states);
  }

  /** A centre the user gave; all zeros is the origin. */
  public static GroundStateCentre given(double[] c) {
    return new GroundStateCentre(Arrays.stream(c).allMatch(v -> v == 0) ? null : c.clone(), 0, "given", null);
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
