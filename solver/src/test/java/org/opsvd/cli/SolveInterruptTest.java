package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt during {@code opsvd solve} stops training and still writes the results computed so far.
 * The test sends SIGTERM, which the solve handles exactly like Ctrl-C's SIGINT: a process started from a
 * background job of a non-interactive shell (as CI may be) inherits SIGINT as ignored, so SIGINT cannot
 * be tested reliably there.
 */
class SolveInterruptTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void anInterruptWritesTheResultsSoFar(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.opsvd.cli.Main",
        "solve", "--operator", "harmonic", "--dim", "1", "--L", "2", "--hidden", "32", "--batch", "128",
        "--eval-grid", "400", "--steps", "1000000", "--eval-every", "100", "--out", run.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    try {
      Path evaluations = run.resolve("evaluations.csv");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline
          && (!Files.exists(evaluations) || Files.readAllLines(evaluations).size() < 2)) {
        Thread.sleep(200);
      }
      assertTrue(Files.readAllLines(evaluations).size() >= 2, "training never reached an evaluation");
      new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS),
          "solve did not exit after SIGTERM; its output:\n" + Files.readString(dir.resolve("log.txt")));
    } finally {
      p.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("log.txt"));
    assertEquals(130, p.exitValue(), "130 (128 + SIGINT), the shell convention for Ctrl-C\n" + log);
    JsonNode s = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
    assertTrue(s.get("stop_reason").asText().startsWith("interrupted after"), s.toString());
    int steps = s.get("steps").asInt();
    assertTrue(steps >= 100 && steps < 1000000, "steps " + steps);
    assertTrue(Double.isFinite(s.get("eigenvalues").get(0).asDouble()));
    List<String> history = Files.readAllLines(run.resolve("history.csv"));
    assertEquals(steps + 1, history.size(), "history holds every completed step");
    for (String figure : List.of("errors.png", "loss.png", "eigenfunctions.png", "gram.png")) {
      assertTrue(Files.exists(run.resolve("figures").resolve(figure)), "figures are drawn after a stop: " + figure + "\n" + log);
    }
  }
}
