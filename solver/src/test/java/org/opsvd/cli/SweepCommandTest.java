package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opsvd sweep}: a grid read from a file and the command line expands to every combination × seeds, named
 * by its varied values; on the local engine the runs give the table of reproduce, one row per point, and
 * {@code --resume} takes completed runs as they are.
 */
class SweepCommandTest {

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
        SweepGrid sweep = SweepGrid.read(file, null);
        sweep.vary("--grid", "batch", List.of("64"));
        List<Map<String, String>> points = sweep.points();
        assertEquals(4, points.size());
        assertEquals(List.of("lr=0.001_hidden=16_batch=64", "lr=0.001_hidden=32,32_batch=64",
                "lr=0.002_hidden=16_batch=64", "lr=0.002_hidden=32,32_batch=64"),
                points.stream().map(sweep::name).toList());
        assertEquals("50", points.get(0).get("steps"));
        assertEquals("harmonic", points.get(0).get("operator"), "from the base file");
        assertEquals("oscillator1d", sweep.experiment());
        assertEquals(3, sweep.seeds());
        sweep.set("--set", "lr", "5e-3"); // a fixed value replaces the grid's
        assertEquals(2, sweep.points().size());
    }

    @Test
    void theShippedSweepFileReads() {
        Path file = Path.of("..", "sweeps", "oscillator2d-fourier-scale.yaml"); // tests run in solver/
        SweepGrid sweep = SweepGrid.read(file, null);
        assertEquals(6, sweep.points().size());
        assertEquals("6", sweep.points().get(0).get("L"));
        assertEquals("oscillator2d", sweep.experiment(), "from the base recipe");
        SweepGrid svd = SweepGrid.read(Path.of("..", "sweeps", "volterra-batch-lr.yaml"), null);
        assertEquals("svd", svd.command().name());
        assertEquals(6, svd.points().size());
        assertEquals("volterra", svd.points().get(0).get("operator"));
    }

    @Test
    void unknownKeysAndEmptyGridsAreRefusedNamingThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.yaml"), "version: 1\ngrid: {lrr: [1, 2]}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.read(file, null));
        assertTrue(e.getMessage().contains("unknown option 'lrr' (did you mean 'lr'?)"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "version: 1\ngrid: {lr: []}\n");
        e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.read(empty, null));
        assertTrue(e.getMessage().endsWith("'lr' has no values (an empty grid)"), e.getMessage());
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "version: 1\ngird: {lr: [1]}\n");
        e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.read(typo, null));
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

    @Test
    void anSvdSweepGivesTheSummariesOfTheSequentialRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        String[] fixed = {"operator=volterra", "L=3", "hidden=16,16", "batch=64", "eval-points=400"};
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--command", "svd", "--grid", "lr=1e-3,2e-3",
                "--steps", "40", "--out", out.toString(), "--memory-per-run", "2000", "--quiet"));
        for (String f : fixed) args.addAll(List.of("--set", f));
        ReferenceCommandTest.Run r = ReferenceCommandTest.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.err() + r.out());
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, results.size(), String.join("\n", results));
        assertTrue(results.get(0).contains(",rel_singular_value_error_mean,"), results.get(0));
        assertTrue(results.get(1).startsWith("lr=1e-3,,neuralsvd-seq,64,1,0,"), results.get(1));
        assertTrue(Files.readString(out.resolve("results.md")).contains("| rel. singular-value error |"));

        ObjectMapper json = new ObjectMapper();
        for (String lr : new String[] {"1e-3", "2e-3"}) {
            Path single = dir.resolve("single-" + lr);
            ReferenceCommandTest.Run s = ReferenceCommandTest.run("svd", "--operator", "volterra", "--L", "3", "--hidden",
                    "16,16", "--batch", "64", "--eval-points", "400", "--lr", lr, "--seed", "0", "--steps", "40",
                    "--out", single.toString(), "--quiet", "--no-figures");
            assertEquals(0, s.status(), s.err());
            JsonNode sequential = withoutTimes(json.readTree(single.resolve("summary.json").toFile()));
            JsonNode swept = withoutTimes(json.readTree(out.resolve("lr=" + lr + "-seed0/summary.json").toFile()));
            assertEquals(sequential, swept, "the sweep's run is the sequential run, bit for bit");
            double error = sequential.at("/metrics/rel_singular_value_error").asDouble();
            assertTrue(Files.readAllLines(out.resolve("runs.csv")).stream()
                    .anyMatch(l -> l.startsWith("lr=" + lr + ",,neuralsvd-seq,64,0,ok,40,")
                            && l.contains("," + error + ",")), "runs.csv holds the run's error " + error);
        }
    }

    @Test
    void aMemoryBudgetBelowARunsEstimateIsRefusedNamingTheRunAndBothNumbers(@TempDir Path dir) {
        Path out = dir.resolve("out");
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("sweep", "--command", "svd", "--set", "operator=volterra",
                "--grid", "lr=1e-3,2e-3", "--out", out.toString(), "--memory-per-run", "300");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().matches("opsvd: error: run lr=1e-3-seed0 needs about \\d+ MB \\(runtime 450, training \\d+, "
                + "evaluation \\d+\\) at its peak \\(estimate\\), more than --memory-per-run 300 MB\\s*"), r.err());
        assertFalse(Files.exists(out), "nothing written");
        ReferenceCommandTest.Run machine = ReferenceCommandTest.run("sweep", "--command", "svd", "--set",
                "operator=volterra", "--grid", "lr=1e-3", "--out", out.toString(), "--memory-per-run", "100000000");
        assertEquals(2, machine.status(), machine.err());
        assertTrue(machine.err().startsWith("opsvd: error: --memory-per-run 100000000 MB is more than a run gets: "),
                machine.err());
        assertTrue(machine.err().contains("MB (this machine's "), machine.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** A summary without its wall-clock time and peak memory (which differ between processes). */
    private static JsonNode withoutTimes(JsonNode summary) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) summary).remove(List.of("seconds", "peak_rss_mb"));
        return summary;
    }
}
