package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ConvergenceRule} at work in one training run, as both its stop condition and its learning-rate schedule:
 * until the rule holds, the rates of the given schedule (cosine annealing over the step cap); from the evaluation at
 * step t* where it first holds, a cosine from that step's rate lr* to 0 over D = max(1, round(decay·t*)) steps,
 * lr(t) = lr*·½(1 + cos(π(t − t*)/D)), after which it stops training (a normal end: {@link #finishesRun}). The
 * step cap still ends a run that does not converge; when the annealing would reach the cap, the base schedule is
 * kept (it anneals by the cap anyway), so a late convergence changes nothing against a fixed step count.
 *
 * <p>Its history lives in memory only: a run resumed from a checkpoint starts it again (and may then stop later
 * than the uninterrupted run would have).
 */
public final class ConvergenceStop implements StopCondition, LearningRateSchedule {

  private final ConvergenceRule rule;
  private final LearningRateSchedule base;
  private final int cap;
  private final List<ConvergenceRule.Snapshot> history = new ArrayList<>();
  private int done;
  private int convergedAt = -1;
  private double ratio = Double.NaN;
  private double drift = Double.NaN;
  private int end = Integer.MAX_VALUE;
  private double lrAtConvergence;

  /** Follows {@code base} until the rule holds, for at most {@code cap} steps. */
  public ConvergenceStop(ConvergenceRule rule, LearningRateSchedule base, int cap) {
    this.rule = rule;
    this.base = base;
    this.cap = cap;
  }

  /** Records that {@code steps} steps are done (call after every step). */
  public void stepsDone(int steps) {
    done = steps;
  }

  /** Reads one evaluation; the first time the rule holds, the final annealing starts at its step. */
  public void evaluated(ConvergenceRule.Snapshot snapshot) {
    if (convergedAt >= 0) return;
    history.add(snapshot);
    ratio = rule.worstRatio(history);
    drift = rule.widthDrift(history);
    if (rule.converged(history)) {
      convergedAt = snapshot.step();
      lrAtConvergence = base.at(convergedAt);
      end = Math.min(cap, convergedAt + decaySteps());
    }
  }

  /** Whether the rule has held (the final annealing has started or is over). */
  public boolean converged() {
    return convergedAt >= 0;
  }

  private int decaySteps() {
    return (int) Math.max(rule.decay() > 0 ? 1 : 0, Math.round(rule.decay() * convergedAt));
  }

  /** Whether the final annealing replaces the base schedule (it ends before the cap). */
  private boolean annealing() {
    return convergedAt >= 0 && convergedAt + decaySteps() < cap;
  }

  @Override
  public double at(int t) {
    if (!annealing() || t < convergedAt) return base.at(t);
    int length = decaySteps();
    return length == 0 ? 0 : lrAtConvergence * 0.5 * (1 + Math.cos(Math.PI * Math.min(t - convergedAt, length)
        / length));
  }

  @Override
  public boolean getAsBoolean() {
    return done >= end;
  }

  @Override
  public boolean finishesRun() {
    return true;
  }

  /** The stop reason of a run that reached its step cap {@code steps} (before the rule held, or while annealing). */
  public String capReason(int steps) {
    if (converged()) return reason(steps);
    return String.format(Locale.ROOT, "not converged: step cap of %d reached (over the last %d evaluations the worst "
        + "Ritz-value spread was %.3g interval widths, tolerance %.3g; the widths changed by up to %.0f %%, "
        + "tolerance %.0f %%)", steps, rule.window(), ratio, rule.tolerance(), 100 * drift,
        100 * ConvergenceRule.WIDTH_DRIFT);
  }

  @Override
  public String reason(int step) {
    return String.format(Locale.ROOT, "converged: over %d evaluations to step %d every Ritz value moved less than "
        + "%.3g of its interval width (at most %.3g) and every width changed by less than %.0f %% (at most %.0f %%); "
        + "%s; stopped after %d steps", rule.window(), convergedAt, rule.tolerance(), ratio,
        100 * ConvergenceRule.WIDTH_DRIFT, 100 * drift, annealing() ? String.format(Locale.ROOT, "learning rate annealed from %.3g to 0 over "
        + "%d steps", lrAtConvergence, decaySteps()) : "the step cap came first, so the schedule ran to it", step);
  }
}
