package org.opsvd.cli;

import java.nio.file.Path;
import java.util.ServiceLoader;

/** Finds the engine {@code --engine} names: {@code local} here, others through {@link RunEngine.Factory}. */
final class RunEngines {

    private RunEngines() {
    }

    /** The command that builds the cluster module (Spark), for messages. */
    static final String BUILD_CLUSTER = "mvn -B -q package -pl cluster -am -DskipTests";

    /**
     * Opens the engine for the output {@code out}.
     *
     * @throws IllegalArgumentException for an unknown engine, one whose module is not on the class path, an output or
     *     cluster it cannot use, or one that gives a run less than {@code --memory-per-run}
     */
    static RunEngine open(EngineOptions options, String out) {
        options.check();
        if (options.engine().equals("local")) {
            if (options.memoryPerRun() != null) MemoryShare.machine(1, "the local engine").require(options.memoryPerRun());
            return new LocalEngine(Path.of(out));
        }
        for (RunEngine.Factory f : ServiceLoader.load(RunEngine.Factory.class)) {
            if (f.name().equals(options.engine())) return f.open(options, out);
        }
        if (options.engine().equals("spark")) {
            throw new IllegalArgumentException("--engine spark needs the cluster module, which is not on the class "
                    + "path: build it (" + BUILD_CLUSTER + ") and run through ./opsvd, which adds it");
        }
        throw new IllegalArgumentException("unknown --engine '" + options.engine() + "' (expected local or spark)");
    }
}
