package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbrains.bio.npy.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** {@code opsvd eval}: learned eigenfunctions of a finished run at arbitrary points. */
class EvalCommandTest {

  @Test
  void evaluatesTheRunsEigenfunctionsAnywhere(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "2", "--L", "3",
        "--hidden", "16", "--batch", "64", "--steps", "100", "--eval-grid", "20", "--quiet", "--out",
        run.toString()).status());

    // at the evaluation grid, eval reproduces eigenfunctions.npy (both float64 from the same parameters)
    Path out = dir.resolve("psi.npy");
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("eval", run.toString(), "--points",
        run.resolve("points.npy").toString(), "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    var psi = NpyFile.read(out, Integer.MAX_VALUE);
    var expected = NpyFile.read(run.resolve("eigenfunctions.npy"), Integer.MAX_VALUE);
    assertArrayEquals(expected.getShape(), psi.getShape());
    assertArrayEquals(expected.asDoubleArray(), psi.asDoubleArray(), 1e-12);

    // anywhere else, from CSV, including far outside the grid's box [-7, 7]^2
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "# x, y\n0, 0\n1.5, -2\n30, 40\n");
    r = ReferenceCommandTest.run("eval", run.toString(), "--points", csv.toString(), "--out", out.toString());
    assertEquals(0, r.status(), r.err());
    double[] v = NpyFile.read(out, Integer.MAX_VALUE).asDoubleArray();
    assertEquals(9, v.length);
    for (double x : v) assertTrue(Double.isFinite(x));
  }

  @Test
  void pointsOfTheWrongDimensionOrAMissingRunAreNamed(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "2", "--L", "1",
        "--hidden", "8", "--batch", "64", "--steps", "10", "--eval-grid", "10", "--quiet", "--out",
        run.toString()).status());
    Path csv = dir.resolve("p.csv");
    Files.writeString(csv, "1, 2, 3\n");
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("eval", run.toString(), "--points", csv.toString());
    assertEquals(Main.USAGE_ERROR, r.status());
    assertTrue(r.err().contains("3 columns; the run is 2-dimensional"), r.err());
    r = ReferenceCommandTest.run("eval", dir.resolve("nothing").toString(), "--points", csv.toString());
    assertTrue(r.err().contains("RUN_DIR " + dir.resolve("nothing") + ": no such directory"), r.err());
  }

  /**
   * For every kind of sampling density (ψ = √p·f depends on it), {@code eval} at the evaluation grid reproduces
   * eigenfunctions.npy to 1e-12 (both float64), and the exported SavedModel gives the same ψ to 1e-6 in float32.
   */
  @ParameterizedTest
  @CsvSource({"gaussian, 2.5", "mixture, 8", "uniform, 7"})
  void evalAndSavedModelRoundTripForEverySampler(String sampler, String scale, @TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "2", "--L", "3",
        "--hidden", "16", "--batch", "64", "--steps", "100", "--eval-grid", "20", "--quiet", "--out",
        run.toString(), "--sampler", sampler, "--sampler-scale", scale, "--no-figures").status());
    roundTrip(run, dir, 2);
  }

  /**
   * The same for a 4-D well off the origin and narrow along x₄: the solve runs centred at the well with a shaped
   * Gaussian (config.json's centre and sampler_shape), and eval and the SavedModel take and give x.
   */
  @Test
  void evalAndSavedModelRoundTripCentredAndShaped(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, ReferenceCommandTest.run("solve", "--potential", "0.5*((x1-1.5)^2+x2^2+x3^2+9*x4^2)", "--dim",
        "4", "--L", "2", "--hidden", "16", "--batch", "64", "--steps", "100", "--eval-points", "500", "--quiet",
        "--out", run.toString(), "--no-figures").status());
    String config = Files.readString(run.resolve("config.json"));
    assertTrue(config.contains("\"centre\"") && config.contains("\"samplerShape\""), config);
    roundTrip(run, dir, 4);
  }

  /**
   * The same for a 4-D double well, whose recipe chooses the mixture of Gaussians at its two wells (config.json's
   * sampler wells with its wells): eval and the SavedModel rebuild that density.
   */
  @Test
  void evalAndSavedModelRoundTripWithGaussiansAtTheWells(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    assertEquals(0, ReferenceCommandTest.run("solve", "--potential", "0.25*(x1^2-4)^2+0.5*(x2^2+x3^2+x4^2)", "--dim",
        "4", "--L", "2", "--hidden", "16", "--batch", "64", "--steps", "100", "--eval-points", "500", "--quiet",
        "--out", run.toString(), "--no-figures").status());
    String config = Files.readString(run.resolve("config.json"));
    assertTrue(config.contains("\"sampler\" : \"wells\"") && config.contains("\"wells\" : [ {"), config);
    roundTrip(run, dir, 4);
  }

  private static void roundTrip(Path run, Path dir, int d) throws Exception {
    Path evaluated = dir.resolve("psi.npy");
    ReferenceCommandTest.Run e = ReferenceCommandTest.run("eval", run.toString(), "--points",
        run.resolve("points.npy").toString(), "--out", evaluated.toString());
    assertEquals(0, e.status(), e.err());
    assertArrayEquals(NpyFile.read(run.resolve("eigenfunctions.npy"), Integer.MAX_VALUE).asDoubleArray(),
        NpyFile.read(evaluated, Integer.MAX_VALUE).asDoubleArray(), 1e-12);

    Path model = dir.resolve("model");
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("export", run.toString(), "--saved-model", model.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.exists(model.resolve("saved_model.pb")));
    double[] points = NpyFile.read(run.resolve("points.npy"), Integer.MAX_VALUE).asDoubleArray();
    double[] expected = NpyFile.read(run.resolve("eigenfunctions.npy"), Integer.MAX_VALUE).asDoubleArray();
    float[] xs = new float[points.length];
    for (int i = 0; i < xs.length; i++) xs[i] = (float) points[i];
    try (var bundle = org.tensorflow.SavedModelBundle.load(model.toString(), "serve");
         var x = org.tensorflow.types.TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(xs.length / d, d),
             org.tensorflow.ndarray.buffer.DataBuffers.of(xs, true, false));
         var result = bundle.function("serving_default").call(java.util.Map.of("x", x))) {
      double[] psi = org.opsvd.solver.neural.Tensors.values(result.get("psi").orElseThrow());
      assertEquals(expected.length, psi.length);
      double max = 0;
      for (double v : expected) max = Math.max(max, Math.abs(v));
      for (int i = 0; i < psi.length; i++) {
        assertEquals(expected[i], psi[i], 1e-6 * Math.max(1, max), "entry " + i);
      }
    }
    r = ReferenceCommandTest.run("export", run.toString(), "--saved-model", model.toString());
    assertTrue(r.err().contains("exists and is not empty"), r.err());
  }
}
