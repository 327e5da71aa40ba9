package org.opsvd.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.opsvd.cli.RunEngine;
import org.opsvd.cli.RunSpec;
import org.apache.spark.TaskContext;
import org.opsvd.solver.train.Checkpoint;

/**
 * One run as a Spark task, on an executor: its run directory under the output (through Hadoop's FileSystem API),
 * continued from its last checkpoint when the directory has one (a retried attempt after a failure or a lost
 * executor), with as many TensorFlow threads as the task has cores.
 *
 * <p>A local output is written in place. Any other ({@code hdfs://…}) is staged in a local temporary directory:
 * copied in before the run, copied out every {@link #SYNC_SECONDS} s (so a retry on another executor finds the
 * latest checkpoint) and at the end.
 */
final class RunTask {

    /** How often a staged run directory is copied to the output while the run trains. */
    static final int SYNC_SECONDS = 30;

    private RunTask() {
    }

    /**
     * Runs {@code spec} into {@code out}/NAME with {@code cores} threads, inside a Spark task (it stops after its
     * current step when the task is killed). A run that fails (bad settings, a diverged loss) is an outcome; an
     * exception (I/O, a lost executor) fails the task, which Spark retries.
     *
     * @param crashFirstAttempt fault injection for tests: the task's first attempt crashes (throws
     *     {@link SimulatedCrash}) once its run has written a checkpoint
     */
    static RunEngine.Outcome run(RunSpec spec, String out, int cores, boolean crashFirstAttempt) throws IOException {
        RunOutput output = new RunOutput(out);
        long start = System.nanoTime();
        TaskContext task = TaskContext.get();
        if (output.isLocal()) {
            java.nio.file.Path dir = output.localFile(spec.name());
            String failure = spec.run(dir, cores, stop(task, dir, crashFirstAttempt));
            return outcome(spec, dir, failure, start);
        }
        FileSystem fs = output.fs();
        Path remote = output.path(spec.name());
        java.nio.file.Path stage = Files.createTempDirectory("opsvd-" + spec.name().replaceAll("[^A-Za-z0-9.-]", "-"));
        java.nio.file.Path dir = stage.resolve(spec.name());
        try {
            if (fs.exists(remote)) fs.copyToLocalFile(false, remote, new Path(stage.toUri()), true);
            ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor();
            sync.scheduleWithFixedDelay(() -> copyOut(fs, dir, remote), SYNC_SECONDS, SYNC_SECONDS, TimeUnit.SECONDS);
            String failure;
            try {
                failure = spec.run(dir, cores, stop(task, dir, crashFirstAttempt));
            } finally {
                sync.shutdownNow();
            }
            fs.copyFromLocalFile(false, true, new Path(dir.toUri()), output.path(""));
            return outcome(spec, dir, failure, start);
        } finally {
            try (Stream<java.nio.file.Path> s = Files.walk(stage)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Thrown by a task's first attempt under fault injection: not caught by the run, so the task fails. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    private static BooleanSupplier stop(TaskContext task, java.nio.file.Path dir, boolean crashFirstAttempt) {
        return () -> {
            if (crashFirstAttempt && task.attemptNumber() == 0 && Files.exists(dir.resolve(Checkpoint.FILE))) {
                throw new SimulatedCrash("simulated crash of the first attempt of " + dir.getFileName());
            }
            return task.isInterrupted();
        };
    }

    private static void copyOut(FileSystem fs, java.nio.file.Path dir, Path remote) {
        try {
            if (Files.isDirectory(dir)) fs.copyFromLocalFile(false, true, new Path(dir.toUri()), remote.getParent());
        } catch (IOException e) {
            // the next copy, or the one at the end, tries again
        }
    }

    private static RunEngine.Outcome outcome(RunSpec spec, java.nio.file.Path dir, String failure, long start)
            throws IOException {
        String summary = failure == null ? Files.readString(dir.resolve("summary.json")) : null;
        return new RunEngine.Outcome(spec, summary, failure, (System.nanoTime() - start) * 1e-9);
    }
}
