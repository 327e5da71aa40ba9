package org.opsvd.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.opsvd.cli.EngineOptions;
import org.opsvd.cli.RunEngine;
import org.opsvd.cli.RunSpec;
import org.opsvd.cli.RunStore;

/**
 * The {@code spark} engine: one Spark job of one task per run, all submitted at once, so that Spark runs as many
 * as the cluster has task slots ({@code --cores-per-run} cores each); outcomes reach the calling thread as the
 * jobs finish. A task that fails or whose executor dies is retried ({@code --max-attempts}) and continues its
 * run's last checkpoint.
 */
final class SparkEngine implements RunEngine {

    /** Spark setting (a system property works): fault injection for tests, see {@link RunTask#run}. */
    static final String CRASH_FIRST_ATTEMPT = "spark.opsvd.test.crashFirstAttempt";

    private final JavaSparkContext spark;
    private final RunOutput output;
    private final String out;
    private final int cores;

    private SparkEngine(JavaSparkContext spark, RunOutput output, String out, int cores) {
        this.spark = spark;
        this.output = output;
        this.out = out;
        this.cores = cores;
    }

    /** Registered in META-INF/services as the {@code spark} engine. */
    public static final class Factory implements RunEngine.Factory {
        @Override
        public String name() {
            return "spark";
        }

        @Override
        public RunEngine open(EngineOptions options, String out) {
            SparkMaster master = SparkMaster.of(options.master(), options.maxAttempts());
            SparkConf conf = new SparkConf().setAppName("opsvd").setMaster(master.url())
                    .set("spark.task.cpus", Integer.toString(options.coresPerRun()))
                    .set("spark.task.maxFailures", Integer.toString(options.maxAttempts()))
                    .set("spark.executorEnv.TF_OVERRIDE_GLOBAL_THREADPOOL", "1")
                    .set("spark.executorEnv.TF_CPP_MIN_LOG_LEVEL", System.getenv().getOrDefault("TF_CPP_MIN_LOG_LEVEL", "2"))
                    .setIfMissing("spark.ui.enabled", "false")
                    .setIfMissing("spark.ui.showConsoleProgress", "false");
            if (options.memoryPerRun() != null) {
                ExecutorMemory.of(master, conf, options.coresPerRun()).require(options.memoryPerRun());
            }
            if (master.inProcess() && !"1".equals(System.getenv("TF_OVERRIDE_GLOBAL_THREADPOOL"))) {
                System.err.println("opsvd: warning: TF_OVERRIDE_GLOBAL_THREADPOOL=1 is not set: the runs in this "
                        + "process share TensorFlow's thread pools (./opsvd sets it)");
            }
            RunOutput output = new RunOutput(out);
            output.checkWritable();
            try {
                return new SparkEngine(new JavaSparkContext(conf), output, out, options.coresPerRun());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cannot start Spark with --master " + master.url() + ": "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    @Override
    public RunStore store() {
        return output;
    }

    @Override
    public void run(List<RunSpec> runs, Consumer<Outcome> finished, BooleanSupplier stop) throws IOException {
        String where = out;
        int threads = cores;
        boolean crash = spark.getConf().getBoolean(CRASH_FIRST_ATTEMPT, false);
        Map<JavaFutureAction<List<Outcome>>, RunSpec> jobs = new LinkedHashMap<>();
        for (RunSpec spec : runs) {
            spark.setJobDescription(spec.name());
            jobs.put(spark.parallelize(List.of(spec), 1).map(s -> RunTask.run(s, where, threads, crash)).collectAsync(), spec);
        }
        List<JavaFutureAction<List<Outcome>>> pending = new ArrayList<>(jobs.keySet());
        boolean cancelled = false;
        while (!pending.isEmpty()) {
            if (stop.getAsBoolean() && !cancelled) {
                spark.cancelAllJobs();
                cancelled = true;
            }
            for (var it = pending.iterator(); it.hasNext(); ) {
                JavaFutureAction<List<Outcome>> job = it.next();
                if (!job.isDone()) continue;
                it.remove();
                finished.accept(outcome(job, jobs.get(job)));
            }
            try {
                if (!pending.isEmpty()) pending.get(0).get(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
                // looked at in the next round
            }
        }
    }

    private static Outcome outcome(JavaFutureAction<List<Outcome>> job, RunSpec spec) {
        try {
            return job.get().get(0);
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
            return new Outcome(spec, null, "the Spark task failed: " + reason, Double.NaN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(spec, null, "interrupted", Double.NaN);
        }
    }

    @Override
    public void close() {
        spark.stop();
    }
}
