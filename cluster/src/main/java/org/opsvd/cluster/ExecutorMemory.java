package org.opsvd.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.opsvd.cli.MemoryShare;

/**
 * The memory a run gets from Spark, for {@code --memory-per-run}: in local mode ({@code local[N]}) this machine's
 * memory over the N / c runs at once (c = {@code --cores-per-run}); on executors, an executor's heap
 * ({@code spark.executor.memory}, default 1 GB) plus its overhead ({@code spark.executor.memoryOverhead}, default
 * max(384 MB, {@code spark.executor.memoryOverheadFactor} (0.1) × heap), where TensorFlow's native memory goes) over
 * the k / c runs it holds at once, k = {@code spark.executor.cores} (default: the worker's cores in
 * {@code local-cluster[W,C,MB]}, else 1, YARN's and Kubernetes' default; a standalone executor without it takes all
 * its worker's cores, which the check cannot know).
 */
final class ExecutorMemory {

    /** Spark's floor of the executor memory overhead, MB. */
    static final long MIN_OVERHEAD_MB = 384;

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+),\\d+\\]");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\d+,(\\d+),\\d+\\]");

    private ExecutorMemory() {
    }

    /** The share of one run on {@code master} with the settings {@code conf} and {@code coresPerRun} cores per run. */
    static MemoryShare of(SparkMaster master, SparkConf conf, int coresPerRun) {
        Matcher local = LOCAL.matcher(master.url());
        if (local.matches()) {
            int threads = local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                    : Integer.parseInt(local.group(1));
            return MemoryShare.machine(threads / coresPerRun, master.url());
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(master.url());
        int cores = conf.getInt("spark.executor.cores", cluster.matches() ? Integer.parseInt(cluster.group(1)) : 1);
        long heap = conf.getSizeAsMb("spark.executor.memory", "1g");
        long overhead = conf.contains("spark.executor.memoryOverhead")
                ? conf.getSizeAsMb("spark.executor.memoryOverhead", "0")
                : Math.max(MIN_OVERHEAD_MB, (long) (conf.getDouble("spark.executor.memoryOverheadFactor", 0.1) * heap));
        int runs = Math.max(1, cores / coresPerRun);
        return new MemoryShare((heap + overhead) / runs, "spark.executor.memory " + heap + " MB + overhead "
                + overhead + " MB per executor, " + (runs == 1 ? "one run" : runs + " runs") + " at once on its "
                + cores + " core(s) with --cores-per-run " + coresPerRun);
    }
}
