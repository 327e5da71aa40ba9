package org.opsvd.solver.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.opsvd.solver.plot.FigureFile;
import org.opsvd.solver.plot.Figures;
import org.opsvd.solver.plot.RunData;

/** Draws the figures of a run directory and writes them atomically into a folder (default RUN/figures). */
public final class RunFigures {

    private RunFigures() {
    }

    /**
     * Reads {@code run}, draws its figures and writes them to {@code out}; prints one line per written
     * file unless {@code quiet}, and the notes. Returns what was drawn (failures included, not thrown).
     *
     * @throws IOException when the run directory lacks a required file or a figure cannot be written
     */
    public static Figures write(Path run, Path out, PrintWriter log, boolean quiet) throws IOException {
        long start = System.nanoTime();
        Figures figures = Figures.of(RunData.load(run));
        for (FigureFile f : figures.files()) {
            AtomicFiles.writeBytes(f.bytes(), out.resolve(f.name()));
        }
        if (!quiet) {
            figures.notes().forEach(n -> log.println("note: " + n));
            log.printf(Locale.ROOT, "figures: %d files in %s (%.1f s)%n", figures.files().size(), out,
                    (System.nanoTime() - start) / 1e9);
        }
        return figures;
    }

    /**
     * At the end of a training run: like {@link #write} into {@code run/figures}, but any failure only prints
     * a warning (the run's results are already on disk).
     */
    public static void afterRun(Path run, PrintWriter out, PrintWriter err, boolean quiet) {
        try {
            Figures f = write(run, run.resolve("figures"), out, quiet);
            f.failures().forEach(m -> err.println("opsvd: warning: figure not drawn: " + m));
        } catch (Exception | LinkageError | java.awt.AWTError e) {
            err.println("opsvd: warning: figures not written (" + (e.getMessage() == null ? e.getClass().getName()
                    : e.getMessage()) + "); the results are intact; draw them later with: opsvd plot " + run);
        }
        err.flush();
        out.flush();
    }
}
