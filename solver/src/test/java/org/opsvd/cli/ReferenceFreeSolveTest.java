package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A solve without a reference learns what the same solve with one learns; it only reports no errors. */
class ReferenceFreeSolveTest {

  private static JsonNode solve(Path out, String reference) throws Exception {
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "1", "--L", "3",
        "--steps", "2000", "--hidden", "64,64", "--eval-grid", "400", "--reference", reference,
        "--no-figures", "--quiet", "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  @Test
  void referenceFreeAndReferenceRunsAgree(@TempDir Path dir) throws Exception {
    JsonNode none = solve(dir.resolve("none"), "none");
    JsonNode exact = solve(dir.resolve("exact"), "exact");
    assertEquals("none", none.get("reference_kind").asText());
    assertTrue(none.get("reference").isNull(), "no reference values");
    assertTrue(none.get("rel_errors").get(0).isNull() || Double.isNaN(none.get("rel_errors").get(0).asDouble()),
        "no errors without a reference: " + none.get("rel_errors"));
    for (int k = 0; k < 3; k++) {
      double a = none.get("eigenvalues").get(k).asDouble();
      double b = exact.get("eigenvalues").get(k).asDouble();
      // the level estimates of the 1D oscillator are its levels, so both runs use the same mapping
      assertEquals(b, a, 1e-6 * (k + 0.5), "mode " + k + ": with and without a reference");
      if (k < 2) assertEquals(k + 0.5, a, 2e-2 * (k + 0.5), "mode " + k + " (2000 steps) vs the exact level");
    }
    for (int k = 0; k < 2; k++) { // converged modes: the reported interval holds the exact level
      JsonNode interval = none.get("eigenvalue_intervals").get(k);
      assertTrue(interval.get(0).asDouble() <= k + 0.5 && k + 0.5 <= interval.get(1).asDouble(),
          "mode " + k + ": " + interval);
      assertTrue(none.get("residual_norms").get(k).asDouble() >= 0);
      double se = none.get("eigenvalue_std_errors").get(k).asDouble();
      assertTrue(se >= 0 && se < 1e-10, "a fine grid (h = 0.04): its offset copy agrees to round-off, SE " + se);
    }
  }
}
