package org.opsvd.solver.train;

import java.util.List;

/**
 * When a solve has converged, judged only from what a reference-free run knows: the Ritz values θ_l of the learned
 * span and the widths w_l of their eigenvalue intervals ({@link org.opsvd.solver.eval.EigenvalueInterval}: second
 * order in the residual where Lehmann's bound applies, the statistical error of a Monte Carlo evaluation folded in;
 * for the last cluster, whose interval has Weinstein's first-order lower end, a second-order width from the mapping's
 * estimate of the next level, see {@link NeuralSolver#snapshot}). Converged when, over the last {@code window} evaluations, every mode's
 * Ritz value stayed within {@code tolerance}·w_l (its spread max θ_l − min θ_l, against the latest width): further
 * training would move each estimate by less than a fraction of what is not yet known about it; and every width stayed
 * within {@link #WIDTH_DRIFT} of its largest value over the window (max w_l − min w_l ≤ {@link #WIDTH_DRIFT}·max w_l):
 * what is not yet known has stopped shrinking. The second condition matters where the width is large against the
 * error (a residual dominated by a region of little weight): there the Ritz value's movement is small against it long
 * before training is done. The rule never reads a reference.
 *
 * <p>Convergence does not end training at once: under a cosine schedule it is detected while the learning rate is
 * still high, so {@link ConvergenceStop} first anneals it to 0 over {@code decay}·t more steps (t: the steps done
 * when convergence was detected), then stops.
 *
 * @param tolerance largest spread of a Ritz value over the window, in units of its interval width (&gt; 0)
 * @param window    evaluations the spread is taken over (≥ 2)
 * @param decay     length of the final annealing, as a fraction of the steps done at convergence (≥ 0; 0 stops at
 *                  once)
 */
public record ConvergenceRule(double tolerance, int window, double decay) {

  /** The default spread tolerance, in interval widths. */
  public static final double TOLERANCE = 0.01;
  /** The default window, in evaluations. */
  public static final int WINDOW = 3;
  /**
   * The default final annealing, as a fraction of the steps done at convergence: half (a quarter before the
   * quasi-random batches; 2D hydrogen, L = 16, seed 0, converged at 48 000 steps: 1.09e-3 after 12 000 more steps,
   * 9.97e-4 after 24 000, the error still falling at the end of the shorter anneal). Runs whose annealing would reach
   * the step cap are unchanged.
   */
  public static final double DECAY = 0.5;
  /**
   * The largest relative change of an interval width over the window, (max w − min w)/max w, at convergence. Without
   * it a Morse oscillator with a transverse well (`exp(-x)-2*exp(-x/2)+0.5*y^2`, 2D, L = 2) stopped at 4 500 steps
   * with E₁ 4.0e-4 off while its residual, and with it the width, was still falling fast (0.13 there, 0.035 at
   * 10 000 steps, where E₁ is 1.4e-4 off).
   */
  public static final double WIDTH_DRIFT = 0.25;

  public ConvergenceRule {
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("--stop-tolerance must be a positive number (interval widths), got "
          + tolerance);
    }
    if (window < 2) throw new IllegalArgumentException("the convergence window must be at least 2 evaluations, got "
        + window);
    if (!(decay >= 0) || !Double.isFinite(decay)) {
      throw new IllegalArgumentException("the final annealing must be a fraction >= 0 of the steps done, got " + decay);
    }
  }

  /** The default rule with the given tolerance. */
  public static ConvergenceRule withTolerance(double tolerance) {
    return new ConvergenceRule(tolerance, WINDOW, DECAY);
  }

  /**
   * The Ritz values and interval widths of one evaluation, as the operator reports them.
   *
   * @param step   steps done
   * @param ritz   θ_l (L values; NaN when the evaluation had none, e.g. numerically dependent functions)
   * @param widths w_l, the widths of the eigenvalue intervals (L values, NaN likewise)
   */
  public record Snapshot(int step, double[] ritz, double[] widths) {
    public Snapshot {
      if (ritz.length != widths.length) {
        throw new IllegalArgumentException(ritz.length + " Ritz values but " + widths.length + " widths");
      }
      ritz = ritz.clone();
      widths = widths.clone();
    }
  }

  /**
   * Whether the last {@link #window} snapshots of {@code history} meet the tolerance ({@link #worstRatio} ≤ it) with
   * steady widths ({@link #widthDrift} ≤ {@link #WIDTH_DRIFT}).
   */
  public boolean converged(List<Snapshot> history) {
    return worstRatio(history) <= tolerance && widthDrift(history) <= WIDTH_DRIFT;
  }

  /**
   * max_l (max w_l − min w_l)/max w_l over the last {@link #window} snapshots (0 for widths that are all 0); NaN with
   * fewer snapshots, a width that is not finite, or differing mode counts.
   */
  public double widthDrift(List<Snapshot> history) {
    if (history.size() < window) return Double.NaN;
    List<Snapshot> last = history.subList(history.size() - window, history.size());
    int modes = last.get(window - 1).widths().length;
    double worst = 0;
    for (int l = 0; l < modes; l++) {
      double min = Double.POSITIVE_INFINITY;
      double max = 0;
      for (Snapshot s : last) {
        if (s.widths().length != modes || !Double.isFinite(s.widths()[l]) || s.widths()[l] < 0) return Double.NaN;
        min = Math.min(min, s.widths()[l]);
        max = Math.max(max, s.widths()[l]);
      }
      if (max > 0) worst = Math.max(worst, (max - min) / max);
    }
    return worst;
  }

  /**
   * max_l (max θ_l − min θ_l)/w_l over the last {@link #window} snapshots, w_l from the latest (floored at 1e-12·|θ_l|
   * against a width of 0); NaN with fewer snapshots, a value that is not finite, or differing mode counts.
   */
  public double worstRatio(List<Snapshot> history) {
    if (history.size() < window) return Double.NaN;
    List<Snapshot> last = history.subList(history.size() - window, history.size());
    Snapshot latest = last.get(window - 1);
    int modes = latest.ritz().length;
    double worst = 0;
    for (int l = 0; l < modes; l++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Snapshot s : last) {
        if (s.ritz().length != modes || !Double.isFinite(s.ritz()[l])) return Double.NaN;
        min = Math.min(min, s.ritz()[l]);
        max = Math.max(max, s.ritz()[l]);
      }
      double width = latest.widths()[l];
      if (!Double.isFinite(width) || width < 0) return Double.NaN;
      worst = Math.max(worst, (max - min)
          / Math.max(Math.max(width, 1e-12 * Math.abs(latest.ritz()[l])), Double.MIN_NORMAL));
    }
    return worst;
  }
}
