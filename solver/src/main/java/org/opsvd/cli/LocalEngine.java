package org.opsvd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.opsvd.solver.run.AtomicFiles;

/**
 * The {@code local} engine: the runs one after another in this process, each with TensorFlow's default thread
 * pools (all cores), their directories under a local output directory.
 */
final class LocalEngine implements RunEngine {

    private final Path out;

    /** @throws IllegalArgumentException when {@code out} cannot be created or written */
    LocalEngine(Path out) {
        AtomicFiles.createDirectory(out);
        this.out = out;
    }

    @Override
    public RunStore store() {
        return new RunStore() {
            @Override
            public String read(String relative) throws IOException {
                Path p = out.resolve(relative);
                return Files.isRegularFile(p) ? Files.readString(p) : null;
            }

            @Override
            public void write(String relative, String text) throws IOException {
                AtomicFiles.writeText(text, out.resolve(relative));
            }

            @Override
            public String locate(String relative) {
                return out.resolve(relative).toString();
            }
        };
    }

    @Override
    public void run(List<RunSpec> runs, Consumer<Outcome> finished, BooleanSupplier stop) throws IOException {
        for (RunSpec spec : runs) {
            if (stop.getAsBoolean()) return;
            long start = System.nanoTime();
            Path dir = out.resolve(spec.name());
            String failure = spec.run(dir, 0, stop);
            String summary = failure == null ? Files.readString(dir.resolve("summary.json")) : null;
            finished.accept(new Outcome(spec, summary, failure, (System.nanoTime() - start) * 1e-9));
        }
    }
}
