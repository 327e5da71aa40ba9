package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code opsvd sweep}: a grid read from a file and the command line expands to every combination × seeds, named
 * by its varied values; on the local engine the runs give the table of reproduce, one row per point, and
 * {@code --resume} takes completed runs as they are.
 */
class SweepCommandTest {

    private static final CommandSpec SOLVE = Main.commandLine(new Main()).getSubcommands().get("solve").getCommandSpec();

    @Test
    void aFileAndTheCommandLineMakeTheGridFirstKeySlowest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), ConfigFileTest.SMALL);
        Path file = Files.writeString(dir.resolve("sweep.yaml"), """
                version: 1
                base: base.yaml
                options: {steps: 50}
                grid:
                  lr: [1.0e-3, 2.0e-3]
                  hidden: [[16], [32, 32]]
                seeds: 3
                """);
        SweepGrid sweep = SweepGrid.read(file, SOLVE);
        sweep.vary("--grid", SOLVE, "batch", List.of("64"));
        List<Map<String, String>> points = sweep.points();
        assertEquals(4, points.size());
        assertEquals(List.of("lr=0.001_hidden=16_batch=64", "lr=0.001_hidden=32,32_batch=64",
                "lr=0.002_hidden=16_batch=64", "lr=0.002_hidden=32,32_batch=64"),
                points.stream().map(sweep::name).toList());
        assertEquals("50", points.get(0).get("steps"));
        assertEquals("harmonic", points.get(0).get("operator"), "from the base file");
        assertEquals("oscillator1d", sweep.experiment());
        assertEquals(3, sweep.seeds());
        sweep.set("--set", SOLVE, "lr", "5e-3"); // a fixed value replaces the grid's
        assertEquals(2, sweep.points().size());
    }

    @Test
    void theShippedSweepFileReads() {
        Path file = Path.of("..", "sweeps", "oscillator2d-fourier-scale.yaml"); // tests run in solver/
        SweepGrid sweep = SweepGrid.read(file, SOLVE);
        assertEquals(6, sweep.points().size());
        assertEquals("6", sweep.points().get(0).get("L"));
        assertEquals("oscillator2d", sweep.experiment(), "from the base recipe");
    }

    @Test
    void unknownKeysAndEmptyGridsAreRefusedNamingThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.yaml"), "version: 1\ngrid: {lrr: [1, 2]}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.read(file, SOLVE));
        assertTrue(e.getMessage().contains("unknown option 'lrr' (did you mean 'lr'?)"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "version: 1\ngrid: {lr: []}\n");
        e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.read(empty, SOLVE));
        assertTrue(e.getMessage().endsWith("'lr' has no values (an empty grid)"), e.getMessage());
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "version: 1\ngird: {lr: [1]}\n");
        e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.read(typo, SOLVE));
        assertTrue(e.getMessage().contains("unknown key(s) 'gird'"), e.getMessage());
    }

    @Test
    void aLocalSweepTabulatesEveryPointAndResumeTakesCompletedRunsAsTheyAre(@TempDir Path dir) throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), ConfigFileTest.SMALL);
        Path out = dir.resolve("out");
        String[] args = {"sweep", "--base", base.toString(), "--grid", "batch=64,128", "--seeds", "2", "--steps", "100",
            "--out", out.toString()};
        ReferenceCommandTest.Run r = ReferenceCommandTest.run(args);
        assertEquals(0, r.status(), r.err() + r.out());
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, results.size(), String.join("\n", results));
        assertTrue(results.get(1).startsWith("batch=64,oscillator1d,neuralsvd-seq,64,2,0,"), results.get(1));
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(5, runs.size());
        assertTrue(runs.stream().skip(1).allMatch(l -> l.contains(",ok,100,")), String.join("\n", runs));
        assertTrue(Files.readString(out.resolve("batch=64-seed1/experiment.yaml")).contains("batch: 64"));

        Path kept = out.resolve("batch=64-seed0/summary.json");
        String before = Files.readString(kept);
        Files.delete(out.resolve("batch=128-seed1/summary.json")); // as if it had crashed before the end
        ReferenceCommandTest.Run again = ReferenceCommandTest.run(args);
        assertEquals(2, again.status(), "without --resume, earlier results are not overwritten");
        assertTrue(again.err().contains("--resume"), again.err());
        List<String> resumedArgs = new java.util.ArrayList<>(List.of(args));
        resumedArgs.add("--resume");
        ReferenceCommandTest.Run resumed = ReferenceCommandTest.run(resumedArgs.toArray(String[]::new));
        assertEquals(0, resumed.status(), resumed.err() + resumed.out());
        assertEquals(3, resumed.out().lines().filter(l -> l.endsWith("completed earlier, taken as it is")).count(),
                resumed.out());
        assertEquals(before, Files.readString(kept));
        assertEquals(runs.stream().map(l -> l.replaceAll(",ok,100,[^,]*,", ",ok,100,")).toList(),
                Files.readAllLines(out.resolve("runs.csv")).stream()
                        .map(l -> l.replaceAll(",ok,100,[^,]*,", ",ok,100,")).toList(),
                "the rerun (from its last checkpoint) gives the same metrics");
    }
}
