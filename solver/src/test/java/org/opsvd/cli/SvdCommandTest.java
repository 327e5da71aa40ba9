package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code opsvd svd} end to end on known singular systems at small budgets (tolerances stated per case),
 * the run directory, and the bad inputs of the issue.
 */
class SvdCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ReferenceCommandTest.Run svd(Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of("svd", "--quiet", "--out", dir.toString()));
    all.addAll(List.of(args));
    return ReferenceCommandTest.run(all.toArray(String[]::new));
  }

  @Test
  void gaussianDependenceSingularValuesArePowersOfRho(@TempDir Path dir) throws Exception {
    // paired samples only; after the constant mode, σ_k = 0.6^k = 0.6, 0.36
    ReferenceCommandTest.Run r = svd(dir, "--operator", "gaussian-cdk", "--rho", "0.6", "--L", "2",
        "--steps", "1500", "--hidden", "64,64", "--lr", "3e-3", "--batch", "1024");
    assertEquals(0, r.status(), r.err() + r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    assertEquals(0.6, s.get("exact").get(0).asDouble(), 1e-15);
    assertEquals(0.36, s.get("exact").get(1).asDouble(), 1e-15);
    assertEquals(0.6, s.get("singular_values").get(0).asDouble(), 0.02);
    assertEquals(0.36, s.get("singular_values").get(1).asDouble(), 0.03);
    double left = s.get("metrics").get("left").get("subspace_dist_all").asDouble();
    assertTrue(left < 0.05, "left subspace distance " + left);
    assertTrue(Files.readAllLines(dir.resolve("history.csv")).size() == 1501);
    // Ritz values from the Mehler kernel on the quadrature: measured 0.5991, 0.3503
    assertEquals(0.6, s.get("ritz_singular_values").get(0).asDouble(), 0.02);
    assertEquals(0.36, s.get("ritz_singular_values").get(1).asDouble(), 0.03);
  }

  @Test
  void volterraLeadingSingularPairIsLearned(@TempDir Path dir) throws Exception {
    // σ_0 = 2/π = 0.63662, σ_1 = 2/(3π) = 0.21221
    ReferenceCommandTest.Run r = svd(dir, "--operator", "volterra", "--L", "2", "--steps", "1500",
        "--hidden", "32,32", "--lr", "3e-3", "--batch", "256");
    assertEquals(0, r.status(), r.err() + r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    assertEquals(2 / Math.PI, s.get("singular_values").get(0).asDouble(), 0.01);
    assertEquals(2 / (3 * Math.PI), s.get("singular_values").get(1).asDouble(), 0.03);
    assertTrue(r.out().contains("Ritz σ"), r.out());
    // Ritz values from the operator term on the quadratures: measured rel. errors 1.1e-5, 8.6e-5
    assertEquals(2 / Math.PI, s.get("ritz_singular_values").get(0).asDouble(), 2e-3);
    assertEquals(2 / (3 * Math.PI), s.get("ritz_singular_values").get(1).asDouble(), 2e-3);
  }

  @Test
  void nystromTableRunsNextToNeuralSvd(@TempDir Path dir) throws Exception {
    ReferenceCommandTest.Run r = svd(dir, "--operator", "gauss-kernel", "--L", "3", "--steps", "300",
        "--hidden", "32", "--nystrom", "200,400");
    assertEquals(0, r.status(), r.err() + r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    JsonNode rows = s.get("nystrom");
    assertEquals(3, rows.size());
    // 400 samples: Nyström eigenvalues of the Mehler kernel within a few percent
    assertTrue(rows.get(1).get("rel_error").asDouble() < 0.05, rows.toString());
    assertEquals(400 * 400 * 8 / 1e6, rows.get(1).get("memory_mb").asDouble(), 1e-9);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--kernel exp(-abs(x-z))|z",
      "--operator lanczos|unknown operator 'lanczos'",
      "--operator volterra --retrieval|--retrieval needs labelled paired data",
      "--operator volterra --nystrom 100|--nystrom needs a self-adjoint kernel",
      "--operator gauss-kernel --L 5 --nystrom 4|4",
      "--operator volterra --batch 7|--batch must be even",
      "--kernel sqrt(x-y) --measure uniform:0:1|not finite",
      "--kernel exp(-x*y) --measure cauchy:1|--measure 'cauchy:1'",
  })
  void badInputGetsAClearError(String options, String expected, @TempDir Path dir) {
    List<String> args = new ArrayList<>(List.of(options.split(" ")));
    args.addAll(List.of("--steps", "5", "--hidden", "8"));
    if (!args.contains("--L")) args.addAll(List.of("--L", "2"));
    ReferenceCommandTest.Run r = svd(dir, args.toArray(String[]::new));
    assertTrue(r.status() != 0, r.out());
    assertTrue(r.err().startsWith("opsvd: error:"), r.err());
    assertTrue(r.err().contains(expected), r.err());
  }

  @Test
  void mismatchedPairFilesAreNamed(@TempDir Path dir) throws Exception {
    Path x = dir.resolve("x.csv");
    Path y = dir.resolve("y.csv");
    Files.writeString(x, "1\n2\n3\n");
    Files.writeString(y, "1\n2\n");
    ReferenceCommandTest.Run r = svd(dir.resolve("run"), "--pairs", x.toString(), "--pairs", y.toString(),
        "--steps", "5");
    assertTrue(r.status() != 0);
    assertTrue(r.err().contains("3") && r.err().contains("2"), r.err());
    ReferenceCommandTest.Run missing = svd(dir.resolve("run2"), "--pairs", dir.resolve("nope.csv").toString(),
        "--pairs", y.toString(), "--steps", "5");
    assertTrue(missing.err().contains("nope.csv"), missing.err());
  }
}
