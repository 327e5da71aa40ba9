package org.opsvd.solver.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MethodTest {

  @Test
  void parsesEveryCommandLineNameAndTheOldNestingNames() {
    for (Method m : Method.values()) {
      assertEquals(m, Method.parse(m.toString()));
      assertEquals(m, Method.parse(" " + m.toString().toUpperCase() + " "));
    }
    assertEquals(Method.NEURALEF_UNBIASED, Method.parse("neuralef_unbiased"));
    assertEquals(Method.NEURALSVD_SEQ, Method.parse("seq"));
    assertEquals(Method.NEURALSVD_JOINT, Method.parse("jnt"));
    assertEquals(Method.SANGER_OMM, Method.parse("sanger_omm"));
    assertEquals(Nesting.JOINT, Method.NEURALSVD_JOINT.nesting());
    assertTrue(Method.NEURALSVD_SEQ.isNeuralSvd() && !Method.SPIN.isNeuralSvd());
  }

  @Test
  void aBadNameIsRefusedWithTheAllowedValues() {
    var e = assertThrows(IllegalArgumentException.class, () -> Method.parse("eigengame"));
    assertEquals("unknown method 'eigengame' (expected spin, neuralef, neuralef-unbiased, neuralsvd-seq, "
        + "neuralsvd-joint, omm or sanger-omm)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Method.parse(null));
    assertThrows(IllegalStateException.class, Method.SPIN::nesting);
  }
}
