package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code opsvd solve} end to end: a 1D oscillator learned to a stated accuracy in seconds, seeded
 * runs reproducible bit for bit, the run directory's files, and every bad input of the issue.
 */
class SolveCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A small 1D oscillator solve; options in {@code extra} replace the defaults of the same name. */
  private static ReferenceCommandTest.Run solve(Path dir, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("solve", "--operator", "harmonic", "--dim", "1",
        "--quiet", "--out", dir.toString()));
    List<String> given = List.of(extra);
    String[][] defaults = {{"--L", "3"}, {"--hidden", "64,64"}, {"--batch", "256"}, {"--eval-grid", "800"}};
    for (String[] d : defaults) {
      if (!given.contains(d[0])) args.addAll(List.of(d));
    }
    args.addAll(given);
    return ReferenceCommandTest.run(args.toArray(String[]::new));
  }

  @Test
  void explainSaysWhichRuleChoseEachDefaultAndSolvesNothing(@TempDir Path dir) {
    ReferenceCommandTest.Run r = solve(dir.resolve("run"), "--explain", "--lr", "5e-3");
    assertEquals(0, r.status(), r.err() + r.out());
    assertTrue(r.out().contains("--sampler gaussian: best sampled wanted states"), r.out());
    assertTrue(r.out().contains("--cusp none: no Coulomb centre"), r.out());
    assertTrue(r.out().contains("--lr 0.00500: given, overrides the rule's 0.00200"), r.out());
    assertFalse(Files.exists(dir.resolve("run")), "--explain writes no run directory");
  }

  @Test
  void aTimeBudgetStopsTrainingAndEvaluatesWhatWasLearned(@TempDir Path dir) throws Exception {
    ReferenceCommandTest.Run r = solve(dir, "--steps", "1000000", "--time-budget", "3", "--eval-every", "1000000");
    assertEquals(0, r.status(), r.err() + r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    assertTrue(s.get("stop_reason").asText().startsWith("time budget of 3.00 s spent after"), s.toString());
    assertTrue(s.get("steps").asInt() < 1_000_000);
    assertTrue(r.out().contains("stopped early: time budget"), r.out());
  }

  @Test
  void theStopRuleEndsA1dOscillatorOnceItsRitzValuesSettleAndSaysSo(@TempDir Path dir) throws Exception {
    ReferenceCommandTest.Run r = solve(dir, "--stop", "converged", "--steps", "6000", "--eval-every", "200",
        "--lr", "3e-3");
    assertEquals(0, r.status(), r.err() + r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    String reason = s.get("stop_reason").asText();
    assertTrue(reason.startsWith("converged: over 3 evaluations to step "), reason);
    int steps = s.get("steps").asInt();
    assertTrue(reason.endsWith("stopped after " + steps + " steps"), reason);
    assertTrue(steps < 6000, "stopped before the cap: " + steps);
    assertTrue(r.out().contains(reason), r.out());
    assertEquals(0.01, s.get("config").get("convergence").get("tolerance").asDouble());
    double mean = s.get("metrics").get("rel_eigval_error").asDouble();
    assertTrue(mean < 3e-3, "mean relative eigenvalue error " + mean);
  }

  @Test
  void oneDimensionalOscillatorReachesStatedAccuracyInSeconds(@TempDir Path dir) throws Exception {
    // H = -½Δ + ½x², E = 0.5, 1.5, 2.5; float32 training, float64 evaluation on 800 points of [-8, 8].
    ReferenceCommandTest.Run r = solve(dir, "--steps", "3000", "--lr", "3e-3");
    assertEquals(0, r.status(), r.err() + r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    for (String key : List.of("eigenvalues", "reference", "rel_errors", "metrics", "steps", "seconds", "config")) {
      assertTrue(s.has(key), "summary.json lacks " + key);
    }
    for (String key : List.of("rel_eigval_error", "angle_distance", "subspace_dist_avg", "subspace_dist_all",
        "orthogonality", "orthogonality_mean_square")) {
      assertTrue(s.get("metrics").has(key), "metrics lack " + key);
    }
    double mean = s.get("metrics").get("rel_eigval_error").asDouble();
    double subspace = s.get("metrics").get("subspace_dist_all").asDouble();
    assertTrue(mean < 3e-3, "mean relative eigenvalue error " + mean);
    assertTrue(subspace < 3e-3, "subspace distance " + subspace);
    assertEquals(0.5, s.get("reference").get(0).asDouble(), 0);
    assertEquals(3000, s.get("steps").asInt());
    assertTrue(r.out().contains("learned E") && r.out().contains("finite diff."), r.out());
    List<String> history = Files.readAllLines(dir.resolve("history.csv"));
    assertEquals("step,seconds,learning_rate,loss,E0,E1,E2", history.get(0));
    assertEquals(3001, history.size());
    assertTrue(Files.readAllLines(dir.resolve("evaluations.csv")).size() >= 11);
    // eigenfunctions on the evaluation grid, as NPY for Python users: [800, 3] float64, with the points
    var psi = org.jetbrains.bio.npy.NpyFile.read(dir.resolve("eigenfunctions.npy"), Integer.MAX_VALUE);
    assertArrayEquals(new int[] {800, 3}, psi.getShape());
    var points = org.jetbrains.bio.npy.NpyFile.read(dir.resolve("points.npy"), Integer.MAX_VALUE);
    assertArrayEquals(new int[] {800, 1}, points.getShape());
    double[] v = psi.asDoubleArray();
    double[] w = org.jetbrains.bio.npy.NpyFile.read(dir.resolve("weights.npy"), Integer.MAX_VALUE).asDoubleArray();
    double norm0 = 0;
    for (int i = 0; i < 800; i++) norm0 += w[i] * v[3 * i] * v[3 * i];
    // ‖ψ_0‖² ≈ λ_0 of T = a(−H) + b, from summary.json's shift: b − a·E_0
    JsonNode cfg = s.get("config");
    double lambda0 = cfg.get("operatorShift").asDouble() - cfg.get("operatorScale").asDouble() * 0.5;
    assertEquals(lambda0, norm0, 0.02 * lambda0);
  }

  @Test
  void seededRunsAreBitReproducible(@TempDir Path dir) throws Exception {
    assertEquals(0, solve(dir.resolve("a"), "--steps", "40", "--seed", "7").status());
    assertEquals(0, solve(dir.resolve("b"), "--steps", "40", "--seed", "7").status());
    assertEquals(0, solve(dir.resolve("c"), "--steps", "40", "--seed", "8").status());
    double[] a = eigenvalues(dir.resolve("a"));
    assertArrayEquals(a, eigenvalues(dir.resolve("b")), 0.0);
    assertTrue(a[0] != eigenvalues(dir.resolve("c"))[0], "another seed gives another run");
    List<String> ha = Files.readAllLines(dir.resolve("a/history.csv"));
    List<String> hb = Files.readAllLines(dir.resolve("b/history.csv"));
    for (int i = 1; i < ha.size(); i++) {
      // losses and batch estimates identical step by step (the seconds column differs)
      assertEquals(ha.get(i).replaceFirst(",[^,]*,", ","), hb.get(i).replaceFirst(",[^,]*,", ","));
    }
  }

  @Test
  void aNonFiniteLossStopsTrainingAndKeepsTheLastGoodParameters(@TempDir Path dir) throws Exception {
    // raw input and a wide sampler: the loss overflows (with bounded Fourier features and the derived sampler it
    // stays finite at this rate and the evaluation refuses the Gram matrix instead)
    ReferenceCommandTest.Run r = solve(dir, "--steps", "200", "--lr", "1e30", "--optimizer", "rmsprop",
        "--constant-lr", "--precision", "float32", "--fourier", "0", "--sampler-scale", "2.67");
    assertEquals(Main.RUN_ERROR, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("stopped early: loss became"), r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    assertTrue(s.get("stop_reason").asText().contains("at step"), s.toString());
    for (JsonNode e : s.get("eigenvalues")) {
      assertTrue(Double.isFinite(e.asDouble()), "results are evaluated from finite parameters: " + s);
    }
    // figures are drawn after a NaN stop too (the NaN losses are left out of the curves)
    assertTrue(Files.exists(dir.resolve("figures/loss.png")) && Files.exists(dir.resolve("figures/eigenfunctions.png")),
        r.out() + r.err());
  }

  /** Every Laplacian strategy, NeuralSVD nesting, network form and precision is wired through the whole solve. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--laplacian autodiff| 0.05",
      "--laplacian fd --fd-eps 0.01| 0.05",
      "--method neuralsvd-joint| 0.05",
      "--network disjoint --hidden 16,16| 0.05",
      "--fourier 32 --fourier-scale 0.3 --envelope 5| 0.05",
      "--precision float64 --optimizer rmsprop --lr 3e-3| 0.05",
      "--sampler uniform --sampler-scale 6| 0.1",
  })
  void everyVariantTrains(String options, double tolerance) throws Exception {
    Path dir = Files.createTempDirectory("opsvd-variant");
    List<String> args = new java.util.ArrayList<>(List.of(options.split(" ")));
    if (!args.contains("--lr")) args.addAll(List.of("--lr", "3e-3"));
    args.addAll(List.of("--steps", "600", "--L", "2"));
    ReferenceCommandTest.Run r = solve(dir, args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err() + r.out());
    double e0 = eigenvalues(dir)[0];
    // 600 steps: the ground state (E = 0.5) is already within a few percent whatever the variant
    // (uniform sampling of [-6, 6] converges more slowly)
    assertEquals(0.5, e0, tolerance, options);
  }

  /**
   * The baselines through the whole solve: 1D oscillator (E = 0.5, 1.5), L = 2, 400 steps, lr 3e-3, about 5–10 s
   * each. Each run finishes, records its method, reports no norm energies, and learns the two energies the
   * physics requires of any method that has started to work:
   * <ul>
   *   <li>both finite;</li>
   *   <li>E0 ≥ 0.5 − 1e-3: the learned energies are Rayleigh quotients, variational upper bounds on the exact
   *       E0 = 0.5 (min-max principle); the slack covers the quadrature of the evaluation only (800 points on
   *       [−8, 8] in float64, whose error for decaying smooth functions is far below it; converged runs land
   *       above 0.5, not below). Passing below it is a bug in the evaluation, not a good run;</li>
   *   <li>E0 &lt; E1: the ground state is learned first, in order (an untrained network has E0 ≈ 9.8, E1 ≈ 7.9);</li>
   *   <li>E0 &lt; (0.5 + 1.5)/2 = 1: for a normalised ψ, |⟨ψ, φ_0⟩|² ≥ (E_1 − ⟨ψ, Hψ⟩)/(E_1 − E_0), so a Rayleigh
   *       quotient below the midpoint means ψ_0 is more than half ground state.</li>
   * </ul>
   * Those that converge in 400 steps are also held to an accuracy: measured E0 spin β = 0.1 0.546, spin β = 1
   * 0.519, neuralef 0.552, neuralef-unbiased 0.510 (NeuralSVD gets 0.5 ± 0.05 in 600 steps,
   * {@link #everyVariantTrains}). The default SpIN (β = 0.01) gets none: its Jacobian is averaged over ~1/β = 100
   * steps and it has not converged in 400 (E0 0.66–0.80 over seeds 0–4, and still 0.54–0.92 at 4000 steps), so
   * an accuracy tolerance would only restate a measurement; the 2D runs in the README measure it properly.
   * The OMM losses run with T = 12 − H (the default T = 2.5 − H is negative on the untrained network, E ≈ 9.8,
   * whose norms put the OMM objective on its unbounded side: loss −3.8e3 at step 1, −2e18 by step 200) and learn more
   * slowly per step: measured E0 omm 0.729, sanger-omm 0.683 (E1 4.97, 3.62), held to the bounds above only.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"spin|", "spin --spin-decay 0.1| 0.1", "neuralef| 0.1", "neuralef-unbiased| 0.05",
      "spin --spin-decay 1| 0.05", "omm --shift 12|", "sanger-omm --shift 12|"})
  void everyBaselineTrains(String method, Double tolerance, @TempDir Path dir) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--method"));
    args.addAll(List.of(method.split(" ")));
    args.addAll(List.of("--steps", "400", "--L", "2", "--lr", "3e-3"));
    ReferenceCommandTest.Run r = solve(dir, args.toArray(String[]::new));
    assertEquals(0, r.status(), r.err() + r.out());
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    double[] e = eigenvalues(dir);
    System.out.printf("%s: E0 = %.6f, E1 = %.6f%n", method, e[0], e[1]);
    assertTrue(Double.isFinite(e[0]) && Double.isFinite(e[1]), method + ": " + java.util.Arrays.toString(e));
    assertTrue(e[0] >= 0.5 - 1e-3, method + ": E0 = " + e[0] + " below the exact ground state energy 0.5");
    assertTrue(e[0] < e[1], method + ": energies out of order, E0 = " + e[0] + ", E1 = " + e[1]);
    assertTrue(e[0] < 1.0, method + ": E0 = " + e[0] + " is not below the midpoint of E0 = 0.5 and E1 = 1.5");
    if (tolerance != null) {
      assertEquals(0.5, e[0], tolerance, method);
    }
    assertTrue(s.get("eigenvalues_from_norms").isNull(), s.toString());
    assertEquals(method.split(" ")[0], s.get("config").get("method").asText());
    assertTrue(r.out().contains("learned E"), r.out());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--method spin --spin-memory-mb 0|SpIN's Jacobian moving average needs",
      "--L 0|--L must be at least 1",
      "--steps 0|--steps must be at least 1",
      "--batch 255|--batch must be even",
      "--optimizer sgd|unknown optimizer 'sgd'",
      "--laplacian magic|magic",
      "--method nested|unknown method 'nested' (expected spin, neuralef",
      "--method spin --spin-decay 0|--spin-decay must be in (0, 1]",
      "--precision float16|unknown precision 'float16'",
      "--activation relu6|relu6",
      "--sampler laplace|unknown sampler 'laplace'",
      "--L 4 --shift 2.0|only",
  })
  void badInputGetsAClearError(String options, String expected, @TempDir Path dir) {
    ReferenceCommandTest.Run r = solve(dir, options.split(" "));
    assertEquals(Main.USAGE_ERROR, r.status(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertTrue(r.err().startsWith("opsvd: error:"), r.err());
  }

  /** Whether TensorFlow sees a GPU here (a one-op graph pinned to GPU 0 runs), as {@code --device gpu} checks. */
  private static boolean gpuPresent() {
    try {
      org.opsvd.solver.train.SessionOptions.requireGpu();
      return true;
    } catch (IllegalArgumentException noGpu) {
      return false;
    }
  }

  @Test
  void gpuRequestedWithoutAGpuIsAClearError(@TempDir Path dir) {
    assumeFalse(gpuPresent(), "a machine with a GPU: see gpuRequestedWithAGpuTrains");
    ReferenceCommandTest.Run r = solve(dir, "--steps", "10", "--device", "gpu");
    assertEquals(Main.USAGE_ERROR, r.status(), r.out() + r.err());
    assertTrue(r.err().contains("--device gpu") && r.err().contains("no GPU"), r.err());
  }

  @Test
  void gpuRequestedWithAGpuTrains(@TempDir Path dir) throws Exception {
    assumeTrue(gpuPresent(), "no GPU visible to TensorFlow: see gpuRequestedWithoutAGpuIsAClearError");
    ReferenceCommandTest.Run r = solve(dir, "--steps", "10", "--device", "gpu");
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals("gpu", JSON.readTree(dir.resolve("summary.json").toFile()).get("config").get("device").asText());
  }

  private static double[] eigenvalues(Path run) throws Exception {
    JsonNode e = JSON.readTree(run.resolve("summary.json").toFile()).get("eigenvalues");
    double[] out = new double[e.size()];
    for (int i = 0; i < out.length; i++) out[i] = e.get(i).asDouble();
    return out;
  }

  @Test
  void anUnwritableRunDirectoryIsRefusedBeforeAnyWork(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "in the way");
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "2", "--L", "3",
        "--out", file.resolve("run").toString());
    assertEquals(Main.USAGE_ERROR, r.status());
    assertTrue(r.err().contains("--out " + file.resolve("run") + " cannot be created: " + file + " is a file"), r.err());
    // refused before the reference and the training: the run's header is printed, but not the "reference:"
    // line that follows the reference solve (nor anything after it)
    assertTrue(r.out().startsWith("opsvd solve:"), r.out());
    assertFalse(r.out().contains("reference:"), "the reference was computed first: " + r.out());
  }
}
