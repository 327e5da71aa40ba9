package org.opsvd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local-cluster[2,1,1024]}: two workers in this JVM, each starting an executor JVM. One executor's JVM is
 * killed (SIGKILL) while its run is mid-training, after a checkpoint; Spark retries the task, which continues the
 * checkpoint, and the sweep ends with the sequential sweep's results, bit for bit.
 *
 * <p>The executors' class path is this test's (spark.executor.extraClassPath); SPARK_HOME (an empty jars/ here)
 * and SPARK_SCALA_VERSION are set by the module's surefire configuration, as ./opsvd sets them.
 */
@Tag("slow")
class ExecutorKillTest {

    @TempDir
    Path tmp;

    @Test
    void aSweepWhoseExecutorIsKilledMidTrainingEqualsTheSequentialSweep() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        int steps = 3000;
        Path local = tmp.resolve("local");
        Sweeps.Result sequential = Sweeps.tinySweep(local, 1, steps);
        assertEquals(0, sequential.status(), sequential.err());

        Path spark = tmp.resolve("spark");
        System.setProperty("spark.executor.extraClassPath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        try {
            CompletableFuture<Sweeps.Result> sweep = CompletableFuture.supplyAsync(() -> Sweeps.tinySweep(spark, 1, steps,
                    "--engine", "spark", "--master", "local-cluster[2,1,1024]"));
            Path victim = awaitCheckpointMidRun(spark, sweep);
            List<ProcessHandle> executors = ProcessHandle.current().descendants()
                    .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend")).toList();
            assertEquals(2, executors.size(), "executor JVMs: " + executors);
            // which executor runs the victim is not known: kill both, the run of each is retried from its checkpoint
            for (ProcessHandle p : executors) p.destroyForcibly();
            Sweeps.Result distributed = sweep.get(20, TimeUnit.MINUTES);
            assertEquals(0, distributed.status(), distributed.err());
            assertEquals(Sweeps.runsWithoutSeconds(local), Sweeps.runsWithoutSeconds(spark));
            String log = Files.readString(victim.resolve("run.log"));
            assertTrue(log.contains("--resume " + victim), log);
        } finally {
            System.clearProperty("spark.executor.extraClassPath");
        }
    }

    /** The process's command line from /proc (ProcessHandle.Info leaves out long ones, as an executor's is). */
    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** A run directory of the sweep with a checkpoint and no summary yet (a run mid-training). */
    private static Path awaitCheckpointMidRun(Path out, CompletableFuture<Sweeps.Result> sweep) throws Exception {
        while (true) {
            if (sweep.isDone()) throw new AssertionError("the sweep ended before any checkpoint: " + sweep.get().err());
            if (Files.isDirectory(out)) {
                try (Stream<Path> runs = Files.list(out)) {
                    var found = runs.filter(d -> Files.exists(d.resolve("checkpoint.bin"))
                            && !Files.exists(d.resolve("summary.json"))).findFirst();
                    if (found.isPresent()) return found.get();
                }
            }
            Thread.sleep(100);
        }
    }
}
