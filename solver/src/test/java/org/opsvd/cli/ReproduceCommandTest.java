package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opsvd reproduce}: on a tiny budget, two experiment files over two seeds give a well-formed table
 * (per-file mean ± std over seeds next to the paper's numbers, per-run rows); an interrupted set resumes
 * without redoing completed runs; and bad input is refused before the first run.
 */
class ReproduceCommandTest {

    @Test
    void tinyBudgetProducesAWellFormedTable(@TempDir Path dir) throws Exception {
        Path set = Files.createDirectories(dir.resolve("set"));
        Files.writeString(set.resolve("a-b128.yaml"), ConfigFileTest.SMALL);
        Files.writeString(set.resolve("b-b64.yaml"), ConfigFileTest.SMALL.replace("batch: 128", "batch: 64"));
        Path paper = Files.writeString(dir.resolve("paper.csv"), """
                # a paper's numbers
                problem,method,batch,rel_eigval_error,angle_distance,subspace_dist_avg,subspace_dist_all,orthogonality
                oscillator1d,neuralsvd-seq,128,0.5,0.25,0.125,0.0625,<=1e-5
                """);
        Path out = dir.resolve("out");
        ReferenceCommandTest.Run r = ReferenceCommandTest.run("reproduce", set.toString(), "--seeds", "2",
                "--steps", "150", "--paper", paper.toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("[4/4] b-b64-seed1"), r.out());

        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, results.size(), String.join("\n", results));
        String[] header = results.get(0).split(",", -1);
        assertEquals(8 + 3 * RunMetrics.SOLVE.metrics().size(), header.length);
        String[] a = results.get(1).split(",", -1);
        assertEquals(header.length, a.length);
        assertEquals(List.of("a-b128", "oscillator1d", "neuralsvd-seq", "128", "2", "0"), List.of(a).subList(0, 6));
        int meanError = List.of(header).indexOf("rel_eigval_error_mean");
        double mean = Double.parseDouble(a[meanError]);
        assertTrue(mean > 0 && Double.isFinite(mean), "mean relative error " + mean);
        assertTrue(Double.parseDouble(a[meanError + 1]) >= 0, "std");
        assertEquals(0.5, Double.parseDouble(a[meanError + 2]), 0, "paper value");
        assertEquals(1e-5, Double.parseDouble(a[List.of(header).indexOf("orthogonality_mean_square_paper")]), 0,
                "'<=' kept; the paper's orthogonality goes beside the mean square");
        assertEquals("", a[List.of(header).indexOf("orthogonality_paper")], "not beside ‖Ĉ − I‖_F");
        String[] b = results.get(2).split(",", -1);
        assertEquals("", b[List.of(header).indexOf("rel_eigval_error_paper")], "no paper row for B = 64");

        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(5, runs.size());
        assertTrue(runs.stream().skip(1).allMatch(l -> l.contains(",ok,150,")), String.join("\n", runs));
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("4 of 4 runs done.") && md.contains("| a-b128 | neuralsvd-seq | 128 | 2 |")
                && md.contains("| | paper | | | 0.50 | 0.25 | 0.13 | 0.063 | - | 1.0e-05 | |"), md);
        assertTrue(Files.exists(out.resolve("a-b128-seed1/summary.json")));
        // the equivalent command, with the file's options written out (an executor elsewhere may not have the file)
        String log = Files.readString(out.resolve("a-b128-seed1/run.log"));
        assertTrue(log.startsWith("opsvd solve --") && log.contains(" --seed 1 --out " + out.resolve("a-b128-seed1")), log);
    }

    @Test
    void resumeTakesCompletedRunsAsTheyAreAndContinuesTheOthers(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-b128.yaml"), ConfigFileTest.SMALL);
        Path out = dir.resolve("out");
        String[] args = {"reproduce", file.toString(), "--seeds", "2", "--steps", "120", "--out", out.toString(),
            "--paper", dir.resolve("none.csv").toString()};
        assertEquals(0, ReferenceCommandTest.run(args).status());
        Path seed0 = out.resolve("a-b128-seed0/summary.json");
        String before = Files.readString(seed0);
        long modified = Files.getLastModifiedTime(seed0).toMillis();
        // seed 1 "crashed" before its summary was written
        Files.delete(out.resolve("a-b128-seed1/summary.json"));

        String[] again = java.util.Arrays.copyOf(args, args.length + 1);
        again[args.length] = "--resume";
        ReferenceCommandTest.Run r = ReferenceCommandTest.run(again);
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("[1/2] a-b128-seed0: completed earlier, taken as it is"), r.out());
        assertEquals(before, Files.readString(seed0), "the completed run is not redone");
        assertEquals(modified, Files.getLastModifiedTime(seed0).toMillis());
        assertTrue(Files.exists(out.resolve("a-b128-seed1/summary.json")), "the missing run is redone");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertTrue(runs.size() == 3 && runs.stream().skip(1).allMatch(l -> l.contains(",ok,120,")), String.join("\n", runs));

        // other steps: the earlier runs do not count as done
        String[] other = again.clone();
        other[java.util.Arrays.asList(other).indexOf("120")] = "130";
        ReferenceCommandTest.Run o = ReferenceCommandTest.run(other);
        assertTrue(!o.out().contains("completed earlier"), o.out());

        ReferenceCommandTest.Run noOut = ReferenceCommandTest.run("reproduce", file.toString(), "--resume");
        assertEquals(Main.USAGE_ERROR, noOut.status());
        assertTrue(noOut.err().contains("--resume needs --out DIR"), noOut.err());
    }

    @Test
    void badExperimentsAreRefusedBeforeAnyRun(@TempDir Path dir) throws Exception {
        ReferenceCommandTest.Run none = ReferenceCommandTest.run("reproduce", dir.resolve("nothing").toString());
        assertEquals(Main.USAGE_ERROR, none.status());
        assertTrue(none.err().contains("no experiment '" + dir.resolve("nothing") + "'"), none.err());

        Path set = Files.createDirectories(dir.resolve("set"));
        Files.writeString(set.resolve("good.yaml"), ConfigFileTest.SMALL);
        Files.writeString(set.resolve("typo.yaml"), ConfigFileTest.SMALL + "bacth: 64\n");
        Path out = dir.resolve("out");
        ReferenceCommandTest.Run typo = ReferenceCommandTest.run("reproduce", set.toString(), "--out", out.toString());
        assertEquals(Main.USAGE_ERROR, typo.status());
        assertTrue(typo.err().contains("typo.yaml") && typo.err().contains("'bacth' (did you mean 'batch'?)"), typo.err());
        assertTrue(!Files.exists(out), "nothing ran");
    }
}
