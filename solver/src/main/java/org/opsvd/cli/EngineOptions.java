package org.opsvd.cli;

import picocli.CommandLine.Option;

/** Options of {@code reproduce} and {@code sweep}: where the runs execute. */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local",
            description = "local: one run after another in this process (default); spark: one Spark task per run "
                    + "(needs the cluster module; see README).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[N], local-cluster[W,C,MB], "
            + "spark://HOST:PORT (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--cores-per-run", paramLabel = "N", defaultValue = "1",
            description = "Spark: cores per task, and TensorFlow threads per run (default: ${DEFAULT-VALUE}).")
    int coresPerRun;

    @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "4",
            description = "Spark: attempts per run before it counts as failed; each retry continues the run's last "
                    + "checkpoint (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--memory-per-run", paramLabel = "MB",
            description = "Before launch, refuse a run whose estimated peak memory is above MB, and an engine that "
                    + "gives a run less (spark: executor memory and overhead over its concurrent runs; local: this "
                    + "machine's memory). The estimate builds each point's settings (a solve's reference too).")
    Integer memoryPerRun;

    /** The engine's name. */
    public String engine() {
        return engine;
    }

    /** The Spark master URL, or null for the default. */
    public String master() {
        return master;
    }

    /** Cores (and TensorFlow threads) per run. */
    public int coresPerRun() {
        return coresPerRun;
    }

    /** Attempts per run. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The memory each run may use, in MB (MiB), or null when not given. */
    public Integer memoryPerRun() {
        return memoryPerRun;
    }

    /** Checks the values; {@code --master} only with an engine that has one. */
    void check() {
        if (memoryPerRun != null && memoryPerRun < 1) {
            throw new IllegalArgumentException("--memory-per-run must be at least 1 (MB), got " + memoryPerRun);
        }
        if (coresPerRun < 1) throw new IllegalArgumentException("--cores-per-run must be at least 1, got " + coresPerRun);
        if (maxAttempts < 1) throw new IllegalArgumentException("--max-attempts must be at least 1, got " + maxAttempts);
        if (master != null && engine.equals("local")) {
            throw new IllegalArgumentException("--master " + master + " is for --engine spark (the local engine runs "
                    + "in this process)");
        }
    }
}
