package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.neural.CuspFactor;

/** The cusp factor in {@code config.json}: both centres of H₂⁺ survive a round trip; older runs' κ still reads. */
class SolveConfigCuspTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void twoCentresRoundTripAndAnOldConfigsNumberIsACentreAtTheOrigin() throws Exception {
    SolveConfig ion = SolveBuilder.of(OperatorCatalog.build(OperatorRequest.named("h2plus", 3, 0.5))).outputs(2)
        .steps(10).referenceMode(ReferenceMode.NONE).config();
    assertEquals(2, ion.cusp().centres().size());
    String json = mapper.writeValueAsString(ion);
    assertTrue(json.contains("\"cusp\":[{\"position\":[0.0,0.0,1.0],\"kappa\":1.0},"
        + "{\"position\":[0.0,0.0,-1.0],\"kappa\":1.0}]"), json);
    assertEquals(ion, mapper.readValue(json, SolveConfig.class));

    ObjectNode old = (ObjectNode) mapper.readTree(json);
    old.put("cusp", 1.0); // as runs before several centres wrote it
    SolveConfig read = mapper.treeToValue(old, SolveConfig.class);
    assertEquals(CuspFactor.atOrigin(1.0), read.cusp());
    assertEquals(old, mapper.readTree(mapper.writeValueAsString(read)), "written back in the same form");
    old.putNull("cusp");
    assertEquals(null, mapper.treeToValue(old, SolveConfig.class).cusp());
  }
}
