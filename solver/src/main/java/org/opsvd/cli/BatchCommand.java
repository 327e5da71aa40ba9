package org.opsvd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.opsvd.solver.train.PeakMemoryEstimate;

/**
 * A command whose parsed options make one run of a reproduce or a sweep ({@code solve}, {@code svd}): trained
 * silently through the command's builder, with no console and no signal handlers (the batch has those).
 */
interface BatchCommand {

    /**
     * Runs into {@code runDir}, or continues its checkpoint when {@code resume}, with {@code seed} and, when not
     * null, {@code steps} in place of the options'; writes {@code experimentYaml} as the run's
     * {@code experiment.yaml} once the directory is set up.
     *
     * @throws IllegalArgumentException for settings the run refuses (then nothing is trained)
     */
    Outcome runInto(Path runDir, boolean resume, int seed, Integer steps, String experimentYaml, BooleanSupplier stop)
            throws IOException;

    /**
     * The estimated peak memory of such a run, its settings resolved as the run resolves them (for a solve, this
     * computes the reference).
     */
    PeakMemoryEstimate memory(int seed);

    /** Refuses options that make more than one run (svd's several lags); called before any run starts. */
    default void requireOneRun() {
    }

    /**
     * A finished run.
     *
     * @param failure why it stopped early, or null when it completed
     * @param result  one line: the headline metric and the steps
     */
    record Outcome(String failure, String result) {}
}
