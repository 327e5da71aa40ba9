package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoints of {@code opsvd solve}: a run killed with SIGKILL and resumed from its last checkpoint
 * ends bit for bit where an uninterrupted run ends; resuming with other settings, or from a corrupt
 * checkpoint, is refused with the reason.
 */
class SolveResumeTest {

  private static final List<String> OPTIONS = List.of("--operator", "harmonic", "--dim", "1", "--L", "2",
      "--hidden", "32", "--batch", "128", "--eval-grid", "400", "--steps", "1500", "--checkpoint-every", "100",
      "--quiet");

  /** {@link #OPTIONS} with the options in {@code extra}; an option in {@code extra} replaces the one of the same name. */
  private static List<String> options(List<String> extra) {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < OPTIONS.size(); i++) {
      String o = OPTIONS.get(i);
      boolean valued = i + 1 < OPTIONS.size() && !OPTIONS.get(i + 1).startsWith("--");
      if (!extra.contains(o)) {
        args.add(o);
        if (valued) args.add(OPTIONS.get(i + 1));
      }
      if (valued) i++;
    }
    args.addAll(extra);
    return args;
  }

  /** {@code opsvd solve} with {@link #options}. */
  private static ReferenceCommandTest.Run solve(List<String> extra) {
    List<String> args = new ArrayList<>(List.of("solve"));
    args.addAll(options(extra));
    return ReferenceCommandTest.run(args.toArray(String[]::new));
  }

  /**
   * For SpIN the checkpoint also carries its moving averages Σ̄ and J̄, so it resumes bit for bit too (600 steps:
   * a SpIN step costs about 3 NeuralSVD steps here).
   */
  @ParameterizedTest
  @CsvSource({"neuralsvd-seq, 1500", "spin, 600"})
  @EnabledOnOs(OS.LINUX)
  void killedAndResumedRunEqualsAnUninterruptedOne(String method, int steps, @TempDir Path dir) throws Exception {
    List<String> run = List.of("--method", method, "--steps", Integer.toString(steps));
    Path straight = dir.resolve("straight");
    List<String> first = new ArrayList<>(run);
    first.addAll(List.of("--out", straight.toString()));
    assertEquals(0, solve(first).status());

    Path killed = dir.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.opsvd.cli.Main", "solve"));
    List<String> second = new ArrayList<>(run);
    second.addAll(List.of("--out", killed.toString()));
    cmd.addAll(options(second));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && !Files.exists(killed.resolve("checkpoint.bin"))) {
        Thread.sleep(50);
      }
      assertTrue(Files.exists(killed.resolve("checkpoint.bin")), "no checkpoint was written");
    } finally {
      p.destroyForcibly(); // SIGKILL: no handler, no shutdown hook
      p.waitFor(30, TimeUnit.SECONDS);
    }
    List<String> third = new ArrayList<>(second);
    third.addAll(List.of("--resume", killed.toString()));
    ReferenceCommandTest.Run resumed = solve(third);
    assertEquals(0, resumed.status(), resumed.err());

    assertArrayEquals(eigenvalues(straight), eigenvalues(killed), 0.0);
    List<String> a = Files.readAllLines(straight.resolve("history.csv"));
    List<String> b = Files.readAllLines(killed.resolve("history.csv"));
    assertEquals(steps + 1, a.size());
    assertEquals(a.size(), b.size(), "history.csv holds every step exactly once after the resume");
    for (int i = 1; i < a.size(); i++) {
      assertEquals(dropSeconds(a.get(i)), dropSeconds(b.get(i)), "history row " + i);
    }
    // the clock continues across the resume: seconds never decrease, and summary.json counts the whole run
    for (int i = 2; i < b.size(); i++) {
      assertTrue(seconds(b.get(i)) >= seconds(b.get(i - 1)), "seconds decrease at history row " + i);
    }
    double total = new com.fasterxml.jackson.databind.ObjectMapper().readTree(killed.resolve("summary.json").toFile())
        .get("seconds").asDouble();
    assertTrue(total >= seconds(b.get(b.size() - 1)) * 0.999, "summary seconds " + total);
  }

  private static double seconds(String historyRow) {
    return Double.parseDouble(historyRow.split(",")[1]);
  }

  @Test
  void resumingWithOtherSettingsIsRefusedAndSaysWhatDiffers(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, solve(List.of("--out", run.toString(), "--steps", "200")).status());
    ReferenceCommandTest.Run r = solve(List.of("--out", run.toString(), "--steps", "200", "--lr", "5e-3",
        "--resume", run.toString()));
    assertEquals(Main.USAGE_ERROR, r.status(), r.err());
    assertTrue(r.err().contains("learningRate: 0.002 in the checkpoint, 0.005 now"), r.err());
  }

  /**
   * --eval-points is read only by the final evaluation, so a finished run resumed with another value is re-read on the
   * new quadrature (here the 5-D box's Gauss–Legendre rule, 5^5 then 6^5 nodes) without training a step more.
   */
  @Test
  void aFinishedRunIsReReadWithOtherEvalPoints(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("box");
    List<String> box = List.of("solve", "--operator", "box", "--dim", "5", "--L", "2", "--hidden", "16", "--batch",
        "64", "--steps", "40", "--eval-every", "40", "--stop", "steps", "--quiet", "--no-figures", "--out",
        run.toString());
    List<String> first = new ArrayList<>(box);
    first.addAll(List.of("--eval-points", "3125"));
    ReferenceCommandTest.Run r = ReferenceCommandTest.run(first.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    ObjectMapper json = new ObjectMapper();
    assertTrue(json.readTree(run.resolve("summary.json").toFile()).get("evaluation_quadrature").asText()
        .startsWith("Gauss–Legendre 5^5"));
    List<String> again = new ArrayList<>(box);
    again.addAll(List.of("--eval-points", "7776", "--resume", run.toString()));
    ReferenceCommandTest.Run re = ReferenceCommandTest.run(again.toArray(String[]::new));
    assertEquals(0, re.status(), re.err());
    JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
    assertTrue(summary.get("evaluation_quadrature").asText().startsWith("Gauss–Legendre 6^5"),
        summary.get("evaluation_quadrature").asText());
    assertEquals(40, summary.get("steps").asInt());
    assertEquals(41, Files.readAllLines(run.resolve("history.csv")).size(), "no step trained again");
  }

  /**
   * With a fixed step count the evaluations during training steer nothing, so a finished run may also be re-read at
   * another network precision; under {@code --stop converged} they decide when training ends, and the change is
   * refused.
   */
  @Test
  void aFinishedFixedStepRunIsReReadAtAnotherEvalPrecision(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    List<String> base = List.of("solve", "--operator", "harmonic", "--dim", "1", "--L", "2", "--hidden", "8",
        "--steps", "40", "--eval-every", "40", "--quiet", "--no-figures", "--out", run.toString());
    List<String> first = new ArrayList<>(base);
    first.addAll(List.of("--stop", "steps", "--eval-precision", "float32"));
    assertEquals(0, ReferenceCommandTest.run(first.toArray(String[]::new)).status());
    List<String> again = new ArrayList<>(base);
    again.addAll(List.of("--stop", "steps", "--eval-precision", "float64", "--resume", run.toString()));
    ReferenceCommandTest.Run re = ReferenceCommandTest.run(again.toArray(String[]::new));
    assertEquals(0, re.status(), re.err());
    assertEquals(41, Files.readAllLines(run.resolve("history.csv")).size(), "no step trained again");
    Path steered = dir.resolve("steered");
    List<String> converged = new ArrayList<>(base.subList(0, base.size() - 1));
    converged.addAll(List.of(steered.toString(), "--stop", "converged", "--eval-precision"));
    List<String> firstSteered = new ArrayList<>(converged);
    firstSteered.add("float32");
    assertEquals(0, ReferenceCommandTest.run(firstSteered.toArray(String[]::new)).status());
    converged.addAll(List.of("float64", "--resume", steered.toString()));
    ReferenceCommandTest.Run refused = ReferenceCommandTest.run(converged.toArray(String[]::new));
    assertEquals(Main.USAGE_ERROR, refused.status(), refused.err());
    assertTrue(refused.err().contains("evalPrecision"), refused.err());
  }

  @Test
  void aCorruptCheckpointIsNamedAndLeftAlone(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, solve(List.of("--out", run.toString(), "--steps", "200")).status());
    Path file = run.resolve("checkpoint.bin");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
    ReferenceCommandTest.Run r = solve(List.of("--out", run.toString(), "--steps", "200", "--resume", run.toString()));
    assertEquals(Main.USAGE_ERROR, r.status());
    assertTrue(r.err().contains("checkpoint.bin") && r.err().contains("corrupt"), r.err());
    assertArrayEquals(bytes, Files.readAllBytes(file), "the corrupt checkpoint is not overwritten");
    ReferenceCommandTest.Run missing = solve(List.of("--steps", "200", "--resume", dir.resolve("nowhere").toString()));
    assertTrue(missing.err().contains("does not exist"), missing.err());
  }

  private static String dropSeconds(String row) {
    return row.replaceFirst(",[^,]*,", ",");
  }

  private static double[] eigenvalues(Path run) throws Exception {
    JsonNode e = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("eigenvalues");
    double[] out = new double[e.size()];
    for (int i = 0; i < out.length; i++) out[i] = e.get(i).asDouble();
    return out;
  }
}
