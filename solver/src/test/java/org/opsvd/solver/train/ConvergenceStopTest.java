package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The convergence rule at work in a run: the base schedule until it holds, then a cosine from that step's rate to 0
 * over decay·t steps, then a stop that ends the run normally.
 */
class ConvergenceStopTest {

  private static ConvergenceRule.Snapshot at(int step, double ritz) {
    return new ConvergenceRule.Snapshot(step, new double[] {ritz}, new double[] {1e-2});
  }

  @Test
  void followsTheBaseScheduleThenAnnealsFromConvergenceToZeroAndStops() {
    CosineSchedule cosine = new CosineSchedule(1e-3, 10_000, true);
    ConvergenceStop stop = new ConvergenceStop(new ConvergenceRule(0.1, 2, 0.5), cosine, 10_000);
    stop.evaluated(at(1000, 0.6)); // the window needs two evaluations
    stop.evaluated(at(2000, 0.55)); // moved 5 widths
    assertFalse(stop.converged());
    assertEquals(cosine.at(2500), stop.at(2500), 0);
    stop.evaluated(at(3000, 0.5505)); // moved 0.05 widths: converged at step 3000, anneal over 1500 steps
    assertTrue(stop.converged());
    double lr = cosine.at(3000);
    assertEquals(cosine.at(2999), stop.at(2999), 0);
    assertEquals(lr, stop.at(3000), 0);
    assertEquals(lr / 2, stop.at(3750), 1e-18);
    assertEquals(lr * 0.5 * (1 + Math.cos(Math.PI / 3)), stop.at(3500), 1e-18);
    stop.evaluated(at(4000, 0.9)); // later evaluations change nothing
    assertEquals(lr / 2, stop.at(3750), 1e-18);
    stop.stepsDone(4499);
    assertFalse(stop.getAsBoolean());
    stop.stepsDone(4500);
    assertTrue(stop.getAsBoolean());
    assertTrue(stop.finishesRun());
    assertTrue(stop.reason(4500).startsWith("converged: over 2 evaluations to step 3000 every Ritz value moved less "
        + "than 0.100 of its interval width (at most 0.0500) and every width changed by less than 25 % (at most 0 %);"),
        stop.reason(4500));
    assertTrue(stop.reason(4500).endsWith("over 1500 steps; stopped after 4500 steps"), stop.reason(4500));
  }

  @Test
  void aStopRuleEndsTheRunNormallyButAnInterruptionDoesNot() {
    ConvergenceStop stop = new ConvergenceStop(new ConvergenceRule(0.1, 2, 0), t -> 1e-3, 1000);
    stop.evaluated(at(100, 0.5));
    stop.evaluated(at(200, 0.5));
    stop.stepsDone(200);
    assertTrue(stop.getAsBoolean(), "no annealing: stops at the evaluation that converged");
    StopCondition either = StopCondition.any(() -> false, stop);
    assertTrue(either.getAsBoolean());
    assertTrue(either.finishesRun());
    StopCondition interrupted = StopCondition.any(() -> true, stop);
    assertTrue(interrupted.getAsBoolean());
    assertFalse(interrupted.finishesRun());
    assertEquals("interrupted after 7 steps", interrupted.reason(7));
  }

  @Test
  void aRunThatReachesTheCapSaysHowFarItWasFromConverging() {
    ConvergenceStop stop = new ConvergenceStop(new ConvergenceRule(0.1, 2, 0.25), t -> 1e-3, 300);
    stop.evaluated(at(100, 0.6));
    stop.evaluated(at(200, 0.5));
    assertFalse(stop.converged());
    assertEquals("not converged: step cap of 300 reached (over the last 2 evaluations the worst Ritz-value spread was "
        + "10.0 interval widths, tolerance 0.100; the widths changed by up to 0 %, tolerance 25 %)",
        stop.capReason(300));
  }

  @Test
  void aConvergenceTooLateToAnnealBeforeTheCapKeepsTheBaseSchedule() {
    CosineSchedule cosine = new CosineSchedule(1e-3, 9000, true);
    ConvergenceStop stop = new ConvergenceStop(new ConvergenceRule(0.1, 2, 0.25), cosine, 9000);
    stop.evaluated(at(8000, 0.5));
    stop.evaluated(at(8400, 0.5)); // converged at 8400: 2100 steps wanted, 600 left
    assertTrue(stop.converged());
    for (int t = 8400; t < 9000; t += 50) assertEquals(cosine.at(t), stop.at(t), 0);
    stop.stepsDone(8999);
    assertFalse(stop.getAsBoolean());
    stop.stepsDone(9000);
    assertTrue(stop.getAsBoolean());
    assertTrue(stop.capReason(9000).startsWith("converged: over 2 evaluations to step 8400"), stop.capReason(9000));
    assertTrue(stop.capReason(9000).endsWith("the step cap came first, so the schedule ran to it; stopped after 9000 "
        + "steps"), stop.capReason(9000));
  }
}
