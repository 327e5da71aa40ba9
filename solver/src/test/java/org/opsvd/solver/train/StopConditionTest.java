package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reasons to end training early, and what a run reports for each. */
class StopConditionTest {

  @Test
  void aTimeBudgetFiresOnceItsSecondsHavePassedSinceTheFirstPoll() throws InterruptedException {
    StopCondition budget = StopCondition.timeBudget(0.05);
    assertFalse(budget.getAsBoolean(), "the clock starts at the first poll");
    Thread.sleep(80);
    assertTrue(budget.getAsBoolean());
    assertEquals("time budget of 0.0500 s spent after 12 steps", budget.reason(12));
  }

  @Test
  void theFirstConditionToHoldGivesTheReason() throws InterruptedException {
    StopCondition either = StopCondition.any(() -> false, StopCondition.timeBudget(1e-6));
    assertFalse(either.getAsBoolean(), "the budget's clock starts at its first poll");
    Thread.sleep(2);
    assertTrue(either.getAsBoolean());
    assertTrue(either.reason(3).startsWith("time budget"), either.reason(3));
    StopCondition interrupt = StopCondition.any(() -> true, StopCondition.timeBudget(100));
    assertTrue(interrupt.getAsBoolean());
    assertEquals("interrupted after 7 steps", interrupt.reason(7));
  }

  @Test
  void aBudgetMustBePositive() {
    var e = assertThrows(IllegalArgumentException.class, () -> StopCondition.timeBudget(-1));
    assertTrue(e.getMessage().contains("--time-budget"));
    assertThrows(IllegalArgumentException.class, () -> StopCondition.timeBudget(Double.NaN));
  }
}
