package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbrains.bio.npy.NpyFile;
import org.junit.jupiter.api.Test;
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
    assertTrue(r.err().contains("not a solve run directory"), r.err());
  }
}
