package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NestingTest {

  @Test
  void sequentialMasksForThreeOutputs() {
    assertArrayEquals(new double[] {1, 1, 1}, Nesting.SEQUENTIAL.vectorMask(3), 0.0);
    double[][] m = Nesting.SEQUENTIAL.matrixMask(3);
    // M_kl = 1 iff k <= l: upper triangular ones, not symmetric.
    assertArrayEquals(new double[] {1, 1, 1}, m[0], 0.0);
    assertArrayEquals(new double[] {0, 1, 1}, m[1], 0.0);
    assertArrayEquals(new double[] {0, 0, 1}, m[2], 0.0);
  }

  @Test
  void jointMasksForThreeOutputs() {
    assertArrayEquals(new double[] {1.0, 2.0 / 3, 1.0 / 3}, Nesting.JOINT.vectorMask(3), 1e-15);
    double[][] m = Nesting.JOINT.matrixMask(3);
    assertArrayEquals(new double[] {1.0, 2.0 / 3, 1.0 / 3}, m[0], 1e-15);
    assertArrayEquals(new double[] {2.0 / 3, 2.0 / 3, 1.0 / 3}, m[1], 1e-15);
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, m[2], 1e-15);
  }

  @Test
  void parsesNamesAndRejectsUnknown() {
    assertEquals(Nesting.SEQUENTIAL, Nesting.parse("seq"));
    assertEquals(Nesting.SEQUENTIAL, Nesting.parse("Sequential"));
    assertEquals(Nesting.JOINT, Nesting.parse("jnt"));
    assertEquals(Nesting.JOINT, Nesting.parse("JOINT"));
    var e = assertThrows(IllegalArgumentException.class, () -> Nesting.parse("nested"));
    assertTrue(e.getMessage().contains("'nested'"), e.getMessage());
  }

  @Test
  void rejectsNonPositiveL() {
    assertThrows(IllegalArgumentException.class, () -> Nesting.JOINT.vectorMask(0));
    assertThrows(IllegalArgumentException.class, () -> Nesting.SEQUENTIAL.matrixMask(-1));
  }
}
