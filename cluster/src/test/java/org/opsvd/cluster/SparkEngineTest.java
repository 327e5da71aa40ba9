package org.opsvd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark engine in local mode (tasks in this JVM) gives the local engine's results, bit for bit, also when every
 * task's first attempt crashes after its first checkpoint and Spark retries it.
 */
class SparkEngineTest {

    @TempDir
    Path tmp;

    @Test
    void aSparkSweepWhoseFirstAttemptsCrashEqualsTheSequentialSweep() throws Exception {
        Path local = tmp.resolve("local");
        Sweeps.Result sequential = Sweeps.tinySweep(local, 1, 100);
        assertEquals(0, sequential.status(), sequential.err());

        Path spark = tmp.resolve("spark");
        System.setProperty(SparkEngine.CRASH_FIRST_ATTEMPT, "true");
        Sweeps.Result distributed;
        try {
            distributed = Sweeps.tinySweep(spark, 1, 100, "--engine", "spark", "--master", "local[2]");
        } finally {
            System.clearProperty(SparkEngine.CRASH_FIRST_ATTEMPT);
        }
        assertEquals(0, distributed.status(), distributed.err());
        assertEquals(Sweeps.runsWithoutSeconds(local), Sweeps.runsWithoutSeconds(spark));
        assertEquals(3, Files.readAllLines(spark.resolve("results.csv")).size()); // header and two grid points
        for (String run : new String[] {"lr=1e-3-seed0", "lr=2e-3-seed0"}) {
            // the retry continued the crashed attempt's checkpoint (run.log is written when a run ends)
            String log = Files.readString(spark.resolve(run).resolve("run.log"));
            assertTrue(log.contains("--resume " + spark.resolve(run)), log);
            try (Stream<Path> s = Files.list(spark)) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".stopped-")));
            }
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsRefusedBeforeAnyRun() throws Exception {
        Path blocker = Files.writeString(tmp.resolve("a-file"), "");
        Sweeps.Result r = Sweeps.tinySweep(blocker.resolve("out"), 1, 10, "--engine", "spark", "--master", "local[2]");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("opsvd: error: cannot write the output " + blocker.resolve("out")), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void anUnknownMasterIsAOneLineUsageError() {
        Sweeps.Result r = Sweeps.tinySweep(tmp.resolve("out"), 1, 10, "--engine", "spark", "--master", "yarn-cluster");
        assertEquals(2, r.status());
        assertEquals("opsvd: error: unknown --master 'yarn-cluster' (expected local[N], local[N,ATTEMPTS], "
                + "local-cluster[WORKERS,CORES,MB], spark://HOST:PORT, yarn or k8s://URL)", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aSparkSweepOfSvdRunsEqualsTheSequentialSweep() throws Exception {
        Path local = tmp.resolve("svd-local");
        Sweeps.Result sequential = Sweeps.tinySvdSweep(local);
        assertEquals(0, sequential.status(), sequential.err());
        Path spark = tmp.resolve("svd-spark");
        Sweeps.Result distributed = Sweeps.tinySvdSweep(spark, "--engine", "spark", "--master", "local[2]");
        assertEquals(0, distributed.status(), distributed.err());
        List<String> runs = Sweeps.runsWithoutSeconds(local);
        assertEquals(runs, Sweeps.runsWithoutSeconds(spark));
        assertEquals(3, runs.size());
        assertTrue(runs.get(0).contains(",rel_singular_value_error,"), runs.get(0));
        assertTrue(runs.stream().skip(1).allMatch(l -> l.contains(",ok,40,")), String.join("\n", runs));
    }

    @Test
    void anUnreachableClusterIsAOneLineErrorWithinTheConnectTimeout() throws Exception {
        int port = Sweeps.unusedPort();
        long start = System.nanoTime();
        Sweeps.Result r = Sweeps.tinySweep(tmp.resolve("out"), 1, 10, "--engine", "spark", "--master",
                "spark://127.0.0.1:" + port);
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("opsvd: error: cannot reach the Spark master 127.0.0.1:" + port), r.err());
        assertTrue(seconds < SparkMaster.CONNECT_TIMEOUT_MS / 1000.0 + 10, "took " + seconds + " s");
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aMemoryBudgetAboveWhatSparkGivesARunIsRefusedBeforeAnyRun() {
        Sweeps.Result r = Sweeps.tinySweep(tmp.resolve("out"), 1, 10, "--engine", "spark", "--master", "local[2]",
                "--memory-per-run", "100000000");
        assertEquals(2, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("opsvd: error: --memory-per-run 100000000 MB is more than a run gets: "), r.err());
        assertTrue(r.err().contains(" over 2 concurrent runs on local[2,4])"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
