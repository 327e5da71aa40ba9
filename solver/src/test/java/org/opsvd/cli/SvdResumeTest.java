package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * Checkpoints of {@code opsvd svd}, as {@link SolveResumeTest} for solve: a run killed with SIGKILL and
 * resumed from its last checkpoint ends bit for bit where an uninterrupted run ends (singular values,
 * history.csv and evaluations.csv rows); resuming with other settings, from a corrupt checkpoint or from
 * nothing is refused with the reason (exit status 2) and leaves the checkpoint alone.
 */
class SvdResumeTest {

  /** Volterra, L = 2, small networks: 600 steps take about 1.5 s. */
  private static final List<String> OPTIONS = List.of("--operator", "volterra", "--L", "2", "--hidden", "16,16",
      "--batch", "64", "--eval-points", "200", "--checkpoint-every", "20", "--quiet", "--no-figures");

  private static ReferenceCommandTest.Run svd(String... extra) {
    List<String> args = new ArrayList<>(List.of("svd"));
    args.addAll(OPTIONS);
    args.addAll(List.of(extra));
    return ReferenceCommandTest.run(args.toArray(String[]::new));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void killedAndResumedRunEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    Path straight = dir.resolve("straight");
    ReferenceCommandTest.Run a = svd("--steps", "600", "--out", straight.toString());
    assertEquals(0, a.status(), a.err());

    Path killed = dir.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.opsvd.cli.Main", "svd"));
    cmd.addAll(OPTIONS);
    cmd.addAll(List.of("--steps", "600", "--out", killed.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && !Files.exists(killed.resolve("checkpoint.bin"))) {
        Thread.sleep(20);
      }
      assertTrue(Files.exists(killed.resolve("checkpoint.bin")), "no checkpoint was written");
    } finally {
      p.destroyForcibly(); // SIGKILL: no handler, no shutdown hook
      p.waitFor(30, TimeUnit.SECONDS);
    }
    assertFalse(Files.exists(killed.resolve("summary.json")), "the run was killed before it ended");
    int at = org.opsvd.solver.train.Checkpoint.read(killed).step();
    assertTrue(at > 0 && at < 600, "checkpoint at step " + at);

    ReferenceCommandTest.Run resumed = svd("--steps", "600", "--out", killed.toString(), "--resume", killed.toString());
    assertEquals(0, resumed.status(), resumed.err());

    assertArrayEquals(numbers(straight, "singular_values"), numbers(killed, "singular_values"), 0.0);
    assertEquals(0.0, Math.abs(metric(straight, "left") - metric(killed, "left")));
    assertEquals(0.0, Math.abs(metric(straight, "right") - metric(killed, "right")));
    for (String log : List.of("history.csv", "evaluations.csv")) {
      List<String> x = Files.readAllLines(straight.resolve(log));
      List<String> y = Files.readAllLines(killed.resolve(log));
      assertEquals(x.size(), y.size(), log + " holds every row exactly once after the resume");
      for (int i = 0; i < x.size(); i++) {
        assertEquals(dropSeconds(x.get(i)), dropSeconds(y.get(i)), log + " row " + i);
      }
    }
    assertEquals(601, Files.readAllLines(killed.resolve("history.csv")).size());
    assertEquals(600, org.opsvd.solver.train.Checkpoint.read(killed).step(), "the final checkpoint");
  }

  @Test
  void resumingWithOtherSettingsIsRefusedAndSaysWhatDiffers(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, svd("--steps", "40", "--out", run.toString()).status());
    byte[] before = Files.readAllBytes(run.resolve("checkpoint.bin"));
    ReferenceCommandTest.Run r = svd("--steps", "40", "--lr", "5e-3", "--nesting", "jnt", "--resume", run.toString());
    assertEquals(Main.USAGE_ERROR, r.status(), r.err());
    assertTrue(r.err().contains("cannot resume " + run) && r.err().contains("learningRate: 0.001 in the checkpoint, 0.005 now")
        && r.err().contains("nesting: \"sequential\" in the checkpoint, \"joint\" now"), r.err());
    assertFalse(r.err().contains("steps:"), "only the differing keys: " + r.err());
    ReferenceCommandTest.Run other = svd("--steps", "40", "--rho", "0.7", "--resume", run.toString());
    assertEquals(Main.USAGE_ERROR, other.status(), other.err());
    assertTrue(other.err().contains("rho: 0.6 in the checkpoint, 0.7 now"), other.err());
    assertArrayEquals(before, Files.readAllBytes(run.resolve("checkpoint.bin")), "the checkpoint is left alone");
  }

  @Test
  void aCorruptOrMissingCheckpointIsNamedAndLeftAlone(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, svd("--steps", "40", "--out", run.toString()).status());
    Path file = run.resolve("checkpoint.bin");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(file, bytes);
    ReferenceCommandTest.Run r = svd("--steps", "40", "--resume", run.toString());
    assertEquals(Main.USAGE_ERROR, r.status(), r.err());
    assertTrue(r.err().contains(file.toString()) && r.err().contains("corrupt"), r.err());
    assertArrayEquals(bytes, Files.readAllBytes(file), "the corrupt checkpoint is not overwritten");
    Path nowhere = dir.resolve("nowhere");
    ReferenceCommandTest.Run missing = svd("--steps", "40", "--resume", nowhere.toString());
    assertEquals(Main.USAGE_ERROR, missing.status(), missing.err());
    assertTrue(missing.err().contains(nowhere.resolve("checkpoint.bin") + " does not exist"), missing.err());
    assertFalse(Files.exists(nowhere), "nothing is created");
  }

  private static String dropSeconds(String row) {
    return row.replaceFirst(",[^,]*,", ",");
  }

  private static double metric(Path run, String side) throws Exception {
    return new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("metrics").get(side)
        .get("subspace_dist_all").asDouble();
  }

  private static double[] numbers(Path run, String key) throws Exception {
    JsonNode e = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get(key);
    double[] out = new double[e.size()];
    for (int i = 0; i < out.length; i++) out[i] = e.get(i).asDouble();
    return out;
  }
}
