package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.kernels.KernelRequest;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.SvdBuilder;

/**
 * The peak-memory estimate of a run: the documented sum for a small svd, the evaluation chunk's bound, and against
 * the measured peak (VmHWM) of small runs, each in a JVM of its own with a 1 GB heap (a Spark executor's default):
 * within a factor {@value #FACTOR} either way (measured through ./opsvd with -Xmx1g: svd 369 MB against 452, solve
 * 501 against 479; larger runs in {@link PeakMemoryEstimate}).
 */
class PeakMemoryEstimateTest {

  /** How far a measured peak may be from the estimate, either way. */
  static final double FACTOR = 1.5;

  private static final long MB = 1L << 20;

  private static SvdBuilder smallSvd() {
    return SvdBuilder.of(KernelRequest.named("volterra")).outputs(3).hidden(List.of(16, 16)).batch(64).evalPoints(400);
  }

  private static SolveBuilder smallSolve(int evalGrid) {
    return SolveBuilder.of(OperatorCatalog.build(new OperatorRequest("harmonic", null, 2, 0.5, null, null, null, null,
        null, null, null))).outputs(3).guard(0).hidden(List.of(32, 32)).batch(128).fourier(32, 1.0).evalGrid(evalGrid);
  }

  @Test
  void theEstimateOfASmallSvdIsTheDocumentedSum() {
    PeakMemoryEstimate e = PeakMemoryEstimate.of(smallSvd().config());
    assertEquals(450 * MB, e.runtimeBytes());
    // f and g: 32 Fourier pairs (64 inputs), 16, 16, 3 outputs: (64+1)·16 + 17·16 + 17·3 = 1363 parameters each,
    // 48 bytes per parameter; activations 64 × (16 + 16 + 3) per network, 24 bytes each
    assertEquals(2 * 1363 * 48 + 2 * 64 * 35 * 24, e.trainingBytes());
    // arrays 400 × (4·3 + 16) × 16; both networks on one chunk of 400 points: 400 × (64 + 32 + 3) × 16, twice
    assertEquals(400 * 28 * 16 + 2 * 400 * 99 * 16, e.evaluationBytes());
    assertEquals((e.bytes() + MB - 1) / MB, e.megabytes());
  }

  @Test
  void theNetworksTermStopsGrowingAtOneEvaluationChunk() {
    // 2D: N = 2·n² points (the grid and its offset copy), the arrays 8·(d + 2 + 4L) bytes per point
    long arrays = 8 * (2 + 2 + 4 * 3);
    PeakMemoryEstimate small = PeakMemoryEstimate.of(smallSolve(40).config()); // 3200 points
    PeakMemoryEstimate large = PeakMemoryEstimate.of(smallSolve(100).config()); // 20000 points
    long width = 64 + 32 + 32 + 3;
    assertEquals(3200 * arrays + 3200 * width * 4 * 16, small.evaluationBytes());
    assertEquals(20000 * arrays + (long) org.opsvd.solver.neural.NetworkEvaluator.CHUNK * width * 4 * 16,
        large.evaluationBytes());
    assertEquals(small.trainingBytes(), large.trainingBytes());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aSmallSvdPeaksWithinTheFactorOfItsEstimate(@TempDir Path dir) throws Exception {
    long measured = peakOf(dir, "svd", "--operator", "volterra", "--L", "3", "--hidden", "16,16", "--batch", "64",
        "--eval-points", "400", "--steps", "50");
    long estimate = PeakMemoryEstimate.of(smallSvd().config()).megabytes();
    assertWithinFactor(measured, estimate);
  }

  @Test
  @Tag("slow") // about 30 s
  @EnabledOnOs(OS.LINUX)
  void aSmallSolvePeaksWithinTheFactorOfItsEstimate(@TempDir Path dir) throws Exception {
    long measured = peakOf(dir, "solve", "--operator", "harmonic", "--dim", "2", "--L", "3", "--guard", "0",
        "--hidden", "32,32", "--batch", "128", "--fourier", "32", "--fourier-scale", "1.0", "--eval-grid", "40",
        "--steps", "50");
    long estimate = PeakMemoryEstimate.of(smallSolve(40).config()).megabytes();
    assertWithinFactor(measured, estimate);
  }

  private static void assertWithinFactor(long measured, long estimate) {
    double ratio = (double) measured / estimate;
    assertTrue(ratio > 1 / FACTOR && ratio < FACTOR, "measured peak " + measured + " MB, estimate " + estimate
        + " MB, ratio " + ratio);
  }

  /** The peak RSS (MB) that a run of {@code command} in a JVM of its own records in its summary.json. */
  private static long peakOf(Path dir, String... command) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        "org.opsvd.cli.Main"));
    cmd.addAll(List.of(command));
    cmd.addAll(List.of("--out", dir.resolve("run").toString(), "--quiet", "--no-figures"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    Process p = pb.start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log.txt")));
    long peak = new ObjectMapper().readTree(dir.resolve("run/summary.json").toFile()).get("peak_rss_mb").asLong();
    assertTrue(peak > 0, "VmHWM read");
    return peak;
  }
}
