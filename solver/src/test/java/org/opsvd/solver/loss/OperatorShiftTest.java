package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperatorShiftTest {

  /** 2D oscillator, code convention: E = 2n + 2 with degeneracy n + 1, n = 0..maxN. */
  static double[] oscillatorLevels(int maxN) {
    int count = (maxN + 1) * (maxN + 2) / 2;
    double[] e = new double[count];
    int i = 0;
    for (int n = 0; n <= maxN; n++) {
      for (int d = 0; d <= n; d++) e[i++] = 2 * n + 2;
    }
    return e;
  }

  @Test
  void oscillatorWithShift16HasTwentyEightPositiveEigenvalues() {
    var shift = new OperatorShift(1, 16);
    double[] levels = oscillatorLevels(9); // 55 levels, as the reference script asks for
    assertEquals(55, levels.length);
    assertEquals(28, shift.positiveCount(levels)); // n <= 6; n = 7 maps to exactly 0
    assertEquals(0.0, shift.eigenvalueOf(16), 0.0);
    assertTrue(shift.capturabilityWarning(28, levels).isEmpty());
    shift.requireCapturable(28, levels);

    var warning = shift.capturabilityWarning(30, levels);
    assertTrue(warning.isPresent());
    assertTrue(warning.get().contains("only 28 positive"), warning.get());
    var e = assertThrows(IllegalArgumentException.class, () -> shift.requireCapturable(30, levels));
    assertTrue(e.getMessage().contains("positive part"), e.getMessage());
  }

  @Test
  void factoryPutsHighestWantedLevelAtTheMargin() {
    var shift = OperatorShift.forLevelsUpTo(1, 14, 2); // the released oscillator setting
    assertEquals(16.0, shift.shift(), 0.0);
    assertEquals(2.0, shift.eigenvalueOf(14), 0.0);
    assertEquals(14.0, shift.eigenvalueOf(2), 0.0);
    var h = OperatorShift.forLevelsUpTo(100, -1.0 / 121, 0.5); // hydrogen n <= 5 with margin
    assertEquals(0.5, h.eigenvalueOf(-1.0 / 121), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> OperatorShift.forLevelsUpTo(-1, 14, 2));
    assertThrows(IllegalArgumentException.class, () -> OperatorShift.forLevelsUpTo(1, 14, 0));
  }

  @Test
  void eigenvalueAndEnergyAreInverse() {
    var shift = new OperatorShift(100, 3);
    assertEquals(100.0 / 9 + 3, shift.eigenvalueOf(-1.0 / 9), 1e-12);
    for (double e : new double[] {-1, -1.0 / 9, 0, 2.5, 40}) {
      assertEquals(e, shift.energyOf(shift.eigenvalueOf(e)), 1e-12);
    }
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new OperatorShift(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new OperatorShift(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new OperatorShift(1, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class,
        () -> new OperatorShift(1, 0).positiveCount(new double[] {Double.NaN}));
  }
}
