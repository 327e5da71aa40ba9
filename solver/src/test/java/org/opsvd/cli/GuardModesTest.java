package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbrains.bio.npy.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.solver.train.SolveConfig;

/**
 * Guard modes ({@code --guard G}): the network learns L + G functions and every output of the run covers the first
 * L — the table, summary.json, the logs, the NPY files, {@code eval} and {@code export} — while config.json records G
 * and the operator mapping captures L + G levels.
 */
class GuardModesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The 1D oscillator E_n = n + ½, L = 2 with G = 2: T = a(−H) + b maps the L + G = 4 lowest levels to λ ≥ 1 (a =
   * 1/(E_4 − E_3) = 1, b = a·E_4 = 4.5, not the 2.5 of G = 0), and after 300 steps the two reported energies are
   * within 3 % of ½ and 3/2.
   */
  @Test
  void trainsLPlusGFunctionsAndReportsL(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "1", "--L", "2",
        "--guard", "2", "--hidden", "32", "--batch", "128", "--steps", "300", "--eval-grid", "400", "--no-figures",
        "--out", run.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("training 4 functions: the 2 reported and 2 guard function(s)"), r.out());

    JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
    assertEquals(2, summary.get("eigenvalues").size());
    assertEquals(2, summary.get("rel_errors").size());
    assertEquals(0.5, summary.get("eigenvalues").get(0).asDouble(), 0.03 * 0.5);
    assertEquals(1.5, summary.get("eigenvalues").get(1).asDouble(), 0.03 * 1.5);
    assertEquals(2, summary.get("eigenvalue_intervals").size());
    JsonNode config = JSON.readTree(run.resolve("config.json").toFile()).get("config");
    assertEquals(2, config.get("guard").asInt());
    // the exact reference lists L + 1 levels only: E_3 and E_4 come from Rayleigh–Ritz on Hermite functions (exact)
    assertEquals(1, config.get("operatorScale").asDouble(), 1e-9);
    assertEquals(4.5, config.get("operatorShift").asDouble(), 1e-9);
    assertTrue(Files.readAllLines(run.resolve("history.csv")).get(0).endsWith(",E0,E1"));
    var psi = NpyFile.read(run.resolve("eigenfunctions.npy"), Integer.MAX_VALUE);
    assertArrayEquals(new int[] {400, 2}, psi.getShape());

    // eval at the evaluation grid reproduces eigenfunctions.npy: the guards are dropped, not the wanted functions
    Path evaluated = dir.resolve("psi.npy");
    r = ReferenceCommandTest.run("eval", run.toString(), "--points", run.resolve("points.npy").toString(), "--out",
        evaluated.toString());
    assertEquals(0, r.status(), r.err());
    var e = NpyFile.read(evaluated, Integer.MAX_VALUE);
    assertArrayEquals(psi.getShape(), e.getShape());
    assertArrayEquals(psi.asDoubleArray(), e.asDoubleArray(), 1e-12);

    // so does the exported SavedModel, in float32
    Path model = dir.resolve("model");
    r = ReferenceCommandTest.run("export", run.toString(), "--saved-model", model.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("output psi [N, 2]"), r.out());
    double[] points = NpyFile.read(run.resolve("points.npy"), Integer.MAX_VALUE).asDoubleArray();
    float[] xs = new float[points.length];
    for (int i = 0; i < xs.length; i++) xs[i] = (float) points[i];
    double[] expected = psi.asDoubleArray();
    try (var bundle = org.tensorflow.SavedModelBundle.load(model.toString(), "serve");
         var x = org.tensorflow.types.TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(xs.length, 1),
             org.tensorflow.ndarray.buffer.DataBuffers.of(xs, true, false));
         var result = bundle.function("serving_default").call(java.util.Map.of("x", x))) {
      double[] exported = org.opsvd.solver.neural.Tensors.values(result.get("psi").orElseThrow());
      assertEquals(expected.length, exported.length);
      for (int i = 0; i < exported.length; i++) assertEquals(expected[i], exported[i], 1e-5, "entry " + i);
    }
  }

  /** Volterra σ_k = 2/((2k+1)π), L = 2 with G = 1: two singular values reported, G recorded. */
  @Test
  void svdReportsLPairs(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("svd");
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("svd", "--operator", "volterra", "--L", "2", "--guard", "1",
        "--steps", "300", "--eval-points", "500", "--no-figures", "--out", run.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("training 3 pairs: the 2 reported and 1 guard pair(s)"), r.out());
    JsonNode summary = JSON.readTree(run.resolve("summary.json").toFile());
    assertEquals(2, summary.get("singular_values").size());
    assertEquals(2 / Math.PI, summary.get("singular_values").get(0).asDouble(), 0.05 * 2 / Math.PI);
    assertEquals(1, JSON.readTree(run.resolve("config.json").toFile()).get("config").get("guard").asInt());
  }

  /** G = 0 is left out of the JSON, and a configuration without the field (written before guard modes) reads as 0. */
  @Test
  void noGuardIsTheAbsentField(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "1", "--L", "1", "--guard",
        "0", "--hidden", "8", "--batch", "64", "--steps", "10", "--eval-grid", "50", "--quiet", "--no-figures",
        "--out", run.toString()).status());
    JsonNode config = JSON.readTree(run.resolve("config.json").toFile()).get("config");
    assertFalse(config.has("guard"), config.toString());
    assertEquals(0, JSON.treeToValue(config, SolveConfig.class).guard());
  }
}
