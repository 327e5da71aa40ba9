package org.opsvd.cli;

import org.opsvd.solver.train.PeakMemoryEstimate;

/**
 * The memory an engine gives each run, in MB (MiB), and where that number comes from: what {@code --memory-per-run}
 * is checked against before launch.
 *
 * @param megabytes the memory per run
 * @param source    how it follows from the engine's configuration, e.g. "this machine's 24105 MB, one run at a time"
 */
public record MemoryShare(long megabytes, String source) {

    /**
     * This machine's physical memory shared by {@code concurrentRuns} runs (at least 1) of {@code engine} (e.g.
     * {@code local[2]}).
     */
    public static MemoryShare machine(int concurrentRuns, String engine) {
        long total = PeakMemoryEstimate.machineBytes() >> 20;
        int runs = Math.max(1, concurrentRuns);
        return new MemoryShare(total / runs, "this machine's " + total + " MB"
                + (runs == 1 ? ", one run at a time" : " over " + runs + " concurrent runs") + " on " + engine);
    }

    /**
     * Refuses a budget above the share.
     *
     * @throws IllegalArgumentException naming both numbers
     */
    public void require(int memoryPerRun) {
        if (memoryPerRun > megabytes) {
            throw new IllegalArgumentException("--memory-per-run " + memoryPerRun + " MB is more than a run gets: "
                    + megabytes + " MB (" + source + ")");
        }
    }
}
