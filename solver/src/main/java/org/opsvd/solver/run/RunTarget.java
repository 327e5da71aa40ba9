package org.opsvd.solver.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.NeuralSolver;

/**
 * Where and how a solve started from Java writes its run directory, the part the eigen and singular builders
 * share: the directory (new, or an earlier run to resume), the checkpoint cadence, figures at the end, and the
 * stop condition polled every step. Not thread-safe (it belongs to one builder).
 */
public final class RunTarget {

    private Path directory;
    private boolean resume;
    private Checkpoint checkpoint;
    private Integer checkpointEvery;
    private boolean figures = true;
    private BooleanSupplier stop = () -> false;
    private java.util.Set<String> finalOnly = java.util.Set.of();

    /**
     * A new run in {@code dir}, checked now ({@link OutputPaths#requireNewRunDirectory}: a path that cannot be
     * written, or an earlier run, is refused before any work) and created when the run starts writing, so that
     * a refusal in between leaves nothing behind.
     */
    public void writeTo(Path dir) {
        OutputPaths.requireNewRunDirectory(dir, "--out");
        directory = dir;
        resume = false;
        checkpoint = null;
    }

    /** Continue the run in {@code dir} from its checkpoint. */
    public void resumeFrom(Path dir) {
        directory = dir;
        resume = true;
        checkpoint = null;
    }

    /** Checkpoint every n steps and at the end (null: every evaluation; 0: only at the end). */
    public void checkpointEvery(Integer n) {
        if (n != null && n < 0) throw new IllegalArgumentException("--checkpoint-every must be at least 0, got " + n);
        checkpointEvery = n;
    }

    /** Draw {@code figures/*.png} at the end (default true). */
    public void figures(boolean on) {
        figures = on;
    }

    /** Polled every step; true ends training early. */
    public void stopWhen(BooleanSupplier condition) {
        stop = condition;
    }

    public BooleanSupplier stop() {
        return stop;
    }

    /** The run directory, or null when the solve writes none. */
    public Path directory() {
        return directory;
    }

    /**
     * Configuration keys that only the final evaluation reads (e.g. a solve's {@code evalPoints}): a resumed run may
     * change them, as training continues bit for bit whatever they are.
     */
    public void resumeMayChange(java.util.Set<String> keys) {
        finalOnly = java.util.Set.copyOf(keys);
    }

    /**
     * The checkpoint a resumed run continues from, read and checked against the configuration (JSON, {@link
     * #json}) on first use ({@link RunResume#resumable}); null for a new run.
     */
    public Checkpoint checkpoint(String configJson) {
        if (resume && checkpoint == null) {
            try {
                checkpoint = RunResume.resumable(directory, configJson, finalOnly);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        return checkpoint;
    }

    /** Steps of the checkpoint resumed from, 0 for a new run. */
    public int resumeStep(String configJson) {
        Checkpoint c = checkpoint(configJson);
        return c == null ? 0 : c.step();
    }

    /** The checkpointing of the run: here, at the cadence set (default {@code evalEvery}), stamped with the configuration. */
    public NeuralSolver.Checkpointing checkpointing(String configJson, int evalEvery) {
        return new NeuralSolver.Checkpointing(directory, checkpointEvery != null ? checkpointEvery : evalEvery,
                configJson, checkpoint(configJson));
    }

    /** Draws the figures of the finished run if asked to; a failure is a warning on stderr (results are on disk). */
    public void finish() {
        if (figures) {
            RunFigures.afterRun(directory, new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err, true), true);
        }
    }

    /** A configuration as stored with each checkpoint (JSON; compared key by key on resume). */
    public static String json(Object config) {
        try {
            return new ObjectMapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
