package org.opsvd.solver.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A CSV log streamed as a run goes ({@code history.csv}, {@code evaluations.csv}): a header, then one row per
 * step or evaluation whose first column is the number of steps completed. Rows are buffered and reach the disk
 * at {@link #flush()}; a resumed run first cuts the file back to the rows of its checkpoint.
 */
public final class CsvLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;

    private CsvLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** A new file holding only {@code header}. */
    public static CsvLog create(Path file, List<String> header) throws IOException {
        CsvLog log = new CsvLog(file, Files.newBufferedWriter(file));
        log.row(String.join(",", header));
        return log;
    }

    /**
     * The file cut back to its header and the rows of at most {@code keepSteps} steps
     * ({@link RunResume#keptLines}), opened for appending.
     */
    public static CsvLog resume(Path file, int keepSteps) throws IOException {
        List<String> kept = RunResume.keptLines(file, keepSteps);
        AtomicFiles.writeText(kept.isEmpty() ? "" : String.join("\n", kept) + "\n", file);
        return new CsvLog(file, Files.newBufferedWriter(file, StandardOpenOption.APPEND));
    }

    /** Appends one row (the cells already joined with commas). */
    public void row(CharSequence line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the buffered rows to the file. */
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
