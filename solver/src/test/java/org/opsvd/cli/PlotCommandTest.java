package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.solver.plot.SyntheticRun;

/**
 * {@code opsvd plot RUN_DIR}: redraws the figures from the files of a run directory; clear errors and exit
 * codes for a missing directory or file; and {@code opsvd solve} draws them at the end of a run.
 */
class PlotCommandTest {

    private static Set<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void redrawsTheFiguresOfASolveRunDirectory(@TempDir Path tmp) throws Exception {
        Path run = SyntheticRun.of(2, 24, 3).write(tmp.resolve("run"), true);
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("plot", run.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertEquals(Set.of("errors.png", "loss.png", "eigenfunctions.png", "gram.png", "gram.csv"),
                names(run.resolve("figures")));
        assertTrue(r.out().contains("figures: 5 files"), r.out());
        for (String png : List.of("errors.png", "loss.png", "eigenfunctions.png", "gram.png")) {
            assertNotNull(ImageIO.read(run.resolve("figures").resolve(png).toFile()), png);
        }
        // --out elsewhere; no temporary files left behind by the atomic writes
        Path elsewhere = tmp.resolve("elsewhere/figs");
        assertEquals(0, ReferenceCommandTest.run("plot", run.toString(), "--out", elsewhere.toString(), "--quiet").status());
        assertEquals(5, names(elsewhere).size(), names(elsewhere).toString());
    }

    @Test
    void svdRunDirectoriesGetTheCurves(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("svd");
        Files.createDirectories(run);
        StringBuilder h = new StringBuilder("step,seconds,learning_rate,loss,s0,s1\n");
        StringBuilder e = new StringBuilder("step,seconds,mean_rel_error,left_subspace_dist_all,right_subspace_dist_all,s0,s1\n");
        for (int step = 1; step <= 100; step++) {
            h.append(step).append(',').append(0.01 * step).append(",0.002,").append(-0.4 - 0.1 * step / 100.0)
                    .append(',').append(0.6 + 0.1 / step).append(',').append(0.36 + 0.1 / step).append('\n');
            if (step % 10 == 0) {
                e.append(step).append(',').append(0.01 * step).append(',').append(0.1 / step).append(',')
                        .append(0.2 / step).append(',').append(0.3 / step).append(",0.6,0.36\n");
            }
        }
        Files.writeString(run.resolve("history.csv"), h);
        Files.writeString(run.resolve("evaluations.csv"), e);
        Files.writeString(run.resolve("summary.json"), "{\"operator\":\"gaussian-cdk\",\"description\":\"test\","
                + "\"singular_values\":[0.6,0.36],\"exact\":[0.6,0.36]}");
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("plot", run.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertEquals(Set.of("errors.png", "loss.png"), names(run.resolve("figures")));
    }

    @Test
    void aMissingRunDirectoryIsAUsageError(@TempDir Path tmp) {
        Path missing = tmp.resolve("no-such-run");
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("plot", missing.toString());
        assertEquals(Main.USAGE_ERROR, r.status(), r.out() + r.err());
        assertTrue(r.err().startsWith("opsvd: error:") && r.err().contains(missing.toString())
                && r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(missing), "nothing is created");
    }

    @Test
    void aMissingFileIsNamedAndFailsTheCommand(@TempDir Path tmp) throws Exception {
        for (String file : List.of("eigenfunctions.npy", "history.csv", "evaluations.csv", "points.npy")) {
            Path run = SyntheticRun.of(1, 40, 2).write(tmp.resolve(file), true);
            Files.delete(run.resolve(file));
            ReferenceCommandTest.Run r = ReferenceCommandTest.run("plot", run.toString());
            assertEquals(Main.RUN_ERROR, r.status(), file + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("opsvd: error: missing " + file), file + ": " + r.err());
            assertFalse(Files.exists(run.resolve("figures")), "no partial figures for " + file);
        }
    }

    @Test
    void helpShowsUsageAndAnExample() {
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("plot", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("RUN_DIR") && r.out().contains("--out") && r.out().contains("opsvd plot runs/"),
                r.out());
        assertEquals(Main.USAGE_ERROR, ReferenceCommandTest.run("plot").status(), "RUN_DIR is required");
    }

    @Test
    void solveDrawsFiguresAtTheEndAndWritesTheReferenceFunctions(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("run");
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "1", "--L", "2",
                "--steps", "200", "--hidden", "32,32", "--batch", "128", "--eval-grid", "400", "--out", dir.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("figures: 5 files"), r.out());
        assertEquals(Set.of("errors.png", "loss.png", "eigenfunctions.png", "gram.png", "gram.csv"),
                names(dir.resolve("figures")));
        var ref = org.jetbrains.bio.npy.NpyFile.read(dir.resolve("reference_eigenfunctions.npy"), Integer.MAX_VALUE);
        assertArrayEquals(new int[] {400, 2}, ref.getShape());
        // unit norm on the quadrature: the exact oscillator states on the evaluation grid
        double[] w = org.jetbrains.bio.npy.NpyFile.read(dir.resolve("weights.npy"), Integer.MAX_VALUE).asDoubleArray();
        double[] v = ref.asDoubleArray();
        double norm = 0;
        for (int i = 0; i < 400; i++) norm += w[i] * v[2 * i] * v[2 * i];
        assertEquals(1, norm, 1e-9);
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void noFiguresLeavesThemOut(@TempDir Path tmp) {
        Path quiet = tmp.resolve("no-figures");
        assertEquals(0, ReferenceCommandTest.run("solve", "--operator", "harmonic", "--dim", "1", "--L", "2",
                "--steps", "10", "--hidden", "16", "--batch", "64", "--eval-grid", "100", "--quiet", "--no-figures",
                "--out", quiet.toString()).status());
        assertTrue(Files.exists(quiet.resolve("summary.json")));
        assertFalse(Files.exists(quiet.resolve("figures")), "--no-figures draws nothing");
    }
}
