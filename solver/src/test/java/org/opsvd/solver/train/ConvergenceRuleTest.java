package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The convergence rule on synthetic evaluation histories of two modes (levels 0.5 and 1.5): converged exactly when,
 * over the last three evaluations, every Ritz value stayed within a tenth of its interval width and every width within
 * a quarter of its largest value.
 */
class ConvergenceRuleTest {

  private static final ConvergenceRule RULE = new ConvergenceRule(0.1, 3, 0.25);

  /** Evaluations 0..n−1 every 100 steps, each mode's error {@code error(j)} above its level, widths {@code w}. */
  private static List<ConvergenceRule.Snapshot> history(int n, IntFunction<Double> error, double w) {
    List<ConvergenceRule.Snapshot> h = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      double e = error.apply(j);
      h.add(new ConvergenceRule.Snapshot(100 * (j + 1), new double[] {0.5 + e, 1.5 + 2 * e}, new double[] {w, w}));
    }
    return h;
  }

  @Test
  void aGeometricallyConvergingHistoryConvergesOnceItsSpreadFallsBelowATenthOfTheWidth() {
    // error 1e-2·2^-j, width 1e-2: the second mode's spread over j−2..j is 2·(e_{j−2} − e_j) = 2e-2·(3/4)·2^-(j−2)
    IntFunction<Double> error = j -> 1e-2 * Math.pow(2, -j);
    for (int n = 3; n <= 10; n++) {
      double expected = 2 * (error.apply(n - 3) - error.apply(n - 1)) / 1e-2;
      assertEquals(expected, RULE.worstRatio(history(n, error, 1e-2)), 1e-9, "after " + n + " evaluations");
    }
    // the ratio is 1.5·2^-(n−3): 0.1875 after 6 evaluations, 0.094 after 7, the first at most 0.1
    int first = -1;
    for (int n = 1; n <= 12 && first < 0; n++) {
      if (RULE.converged(history(n, error, 1e-2))) first = n;
    }
    assertEquals(7, first);
  }

  @Test
  void aNoisyPlateauDoesNotConvergeWhileItsNoiseIsComparableToTheWidth() {
    // the error alternates 0 and 3e-3 with a width of 1e-2: spread 0.3 (mode 1) and 0.6 (mode 2) widths
    IntFunction<Double> noise = j -> j % 2 == 0 ? 0.0 : 3e-3;
    for (int n = 3; n <= 20; n++) assertFalse(RULE.converged(history(n, noise, 1e-2)), "after " + n);
    assertEquals(0.6, RULE.worstRatio(history(20, noise, 1e-2)), 1e-9);
    assertTrue(new ConvergenceRule(1, 3, 0.25).converged(history(20, noise, 1e-2)), "within a whole width");
  }

  @Test
  void aStillImprovingHistoryDoesNotConverge() {
    // a steady descent of 0.2 widths per evaluation: 0.4 widths over the window for mode 1, 0.8 for mode 2
    IntFunction<Double> descent = j -> 1.0 - 2e-3 * j;
    for (int n = 3; n <= 50; n++) assertFalse(RULE.converged(history(n, descent, 1e-2)), "after " + n);
    assertEquals(0.8, RULE.worstRatio(history(50, descent, 1e-2)), 1e-9);
  }

  @Test
  void anEvaluationWithoutRitzValuesOrAWidthBreaksTheWindowUntilItHasPassed() {
    List<ConvergenceRule.Snapshot> h = new ArrayList<>(history(3, j -> 1e-6, 1e-2));
    assertTrue(RULE.converged(h));
    h.add(new ConvergenceRule.Snapshot(400, new double[] {Double.NaN, Double.NaN}, new double[] {Double.NaN,
        Double.NaN}));
    h.addAll(history(2, j -> 1e-6, 1e-2));
    assertTrue(Double.isNaN(RULE.worstRatio(h)), "NaN inside the window");
    assertFalse(RULE.converged(h));
    h.addAll(history(1, j -> 1e-6, 1e-2));
    assertTrue(RULE.converged(h), "three finite evaluations after it");
    List<ConvergenceRule.Snapshot> infiniteWidth = new ArrayList<>(history(2, j -> 0.0, 1e-2));
    infiniteWidth.addAll(history(1, j -> 0.0, Double.POSITIVE_INFINITY));
    assertFalse(RULE.converged(infiniteWidth));
  }

  @Test
  void aStillShrinkingWidthDoesNotConvergeEvenWhenTheRitzValuesStandStill() {
    // Ritz values fixed, widths 1, 0.7, 0.49, ...: what is known still grows by 30 % per evaluation
    List<ConvergenceRule.Snapshot> h = new ArrayList<>();
    for (int j = 0; j < 10; j++) {
      double w = Math.pow(0.7, j);
      h.add(new ConvergenceRule.Snapshot(100 * (j + 1), new double[] {0.5, 1.5}, new double[] {w, 2 * w}));
      assertFalse(RULE.converged(h), "after " + (j + 1));
    }
    assertEquals(0, RULE.worstRatio(h), 0);
    assertEquals(1 - 0.49, RULE.widthDrift(h), 1e-12);
    // then the widths level off within 10 %: converged once the window holds only level widths
    for (double w : new double[] {0.04, 0.039, 0.041}) {
      h.add(new ConvergenceRule.Snapshot(100 * (h.size() + 1), new double[] {0.5, 1.5}, new double[] {w, w}));
    }
    assertEquals(0.002 / 0.041, RULE.widthDrift(h), 1e-12);
    assertTrue(RULE.converged(h));
  }

  @Test
  void fewerEvaluationsThanTheWindowNeverConverge() {
    assertTrue(Double.isNaN(RULE.worstRatio(history(2, j -> 0.0, 1e-2))));
    assertTrue(Double.isNaN(RULE.widthDrift(history(2, j -> 0.0, 1e-2))));
    assertFalse(RULE.converged(List.of()));
  }

  @Test
  void aWidthOfZeroNeedsRitzValuesThatDoNotMoveAtAll() {
    assertTrue(RULE.converged(history(3, j -> 0.0, 0)));
    assertFalse(RULE.converged(history(3, j -> 1e-6 * j, 0)));
  }

  @Test
  void badSettingsAreRefusedNamingTheOption() {
    for (double tol : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
      var e = assertThrows(IllegalArgumentException.class, () -> ConvergenceRule.withTolerance(tol));
      assertTrue(e.getMessage().startsWith("--stop-tolerance must be a positive number"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new ConvergenceRule(0.1, 1, 0.25));
    assertThrows(IllegalArgumentException.class, () -> new ConvergenceRule(0.1, 3, -1));
    assertThrows(IllegalArgumentException.class,
        () -> new ConvergenceRule.Snapshot(1, new double[2], new double[3]));
  }
}
