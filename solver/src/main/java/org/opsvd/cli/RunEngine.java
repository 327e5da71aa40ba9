package org.opsvd.cli;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where the runs of a reproduce or a sweep execute: {@code local} (one after another in this process, the
 * default) or another engine found through {@link java.util.ServiceLoader} as a {@link Factory} (the cluster
 * module's {@code spark}). The command keeps the results tables; the engine runs and stores.
 */
public interface RunEngine extends AutoCloseable {

    /** A finished run: its summary.json (null when it failed), the reason of its failure (null on success). */
    record Outcome(RunSpec spec, String summaryJson, String failure, double seconds) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Creates an engine by name; registered in {@code META-INF/services/org.opsvd.cli.RunEngine$Factory}. */
    interface Factory {
        /** The {@code --engine} name. */
        String name();

        /**
         * Opens the engine for the output {@code out} (a path, or a URI such as {@code hdfs://…} where the engine
         * supports it), checking before any run that it can be reached and written.
         *
         * @throws IllegalArgumentException naming the problem (bad master URL, unreachable cluster, unwritable output)
         */
        RunEngine open(EngineOptions options, String out);
    }

    /** The output's files (run directories, results tables). */
    RunStore store();

    /**
     * Runs {@code runs}, handing each outcome to {@code finished} on the calling thread as it comes (in any order);
     * returns when all are done or {@code stop} became true (runs in progress then end after their current step).
     */
    void run(List<RunSpec> runs, Consumer<Outcome> finished, BooleanSupplier stop) throws IOException;

    @Override
    default void close() {
    }
}
