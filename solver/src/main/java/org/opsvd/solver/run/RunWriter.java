package org.opsvd.solver.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The files every run directory holds, written as the run goes: {@code config.json} at the start,
 * {@code history.csv} (a row per step) and {@code evaluations.csv} (a row per evaluation) streamed, and
 * {@code summary.json} at the end. The logs reach the disk at every evaluation and before every checkpoint,
 * so a run killed at any moment resumes with complete logs; a resumed run cuts them back to its checkpoint and
 * continues the clock of the kept rows ({@link #secondsBefore}). Subclasses observe one kind of solve
 * ({@link SolveRunWriter}, {@link SvdRunWriter}) and say what the rows and the summary hold.
 */
abstract class RunWriter implements AutoCloseable {

    /** The run directory. */
    protected final Path directory;
    /** {@code history.csv}. */
    protected final CsvLog history;
    /** {@code evaluations.csv}. */
    protected final CsvLog evaluations;
    private final double secondsBefore;
    private final Object config;
    private int stepsDone;
    private double seconds;

    /**
     * @param config     the resolved configuration, written to {@code config.json} as {@code {"config": …}}
     * @param resumeStep steps of the checkpoint the run resumes from, 0 for a new run
     */
    protected RunWriter(Path directory, Object config, int resumeStep, List<String> historyHeader,
                        List<String> evaluationHeader) throws IOException {
        this.directory = directory;
        this.config = config;
        this.stepsDone = resumeStep;
        AtomicFiles.createDirectory(directory);
        AtomicFiles.writeJson(Map.of("config", config), directory.resolve("config.json"));
        Path h = directory.resolve("history.csv");
        Path e = directory.resolve("evaluations.csv");
        if (resumeStep > 0) {
            secondsBefore = RunResume.secondsBefore(RunResume.keptLines(h, resumeStep));
            history = CsvLog.resume(h, resumeStep);
            evaluations = CsvLog.resume(e, resumeStep);
        } else {
            secondsBefore = 0;
            history = CsvLog.create(h, historyHeader);
            evaluations = CsvLog.create(e, evaluationHeader);
        }
    }

    /** The run directory. */
    public Path directory() {
        return directory;
    }

    /** Training seconds before the resume (0 for a new run); the logs and the summary continue this clock. */
    public double secondsBefore() {
        return secondsBefore;
    }

    /** Both logs to disk. */
    public void flush() {
        history.flush();
        evaluations.flush();
    }

    /** Writes {@code summary.json} (indented) and flushes the logs. */
    protected void writeSummary(Map<String, Object> summary) throws IOException {
        flush();
        AtomicFiles.writeJson(summary, directory.resolve("summary.json"));
    }

    /**
     * Records a run that ended in a failure (e.g. a {@link org.opsvd.solver.NumericalFailure}: a Gram matrix that is
     * not positive definite after a diverged step): {@code summary.json} with {@code "failed": true}, the reason as
     * {@code stop_reason}, the steps done and the configuration, so the directory says what happened; the logs and
     * the last checkpoint stay as they are.
     */
    public void failed(RuntimeException cause) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("failed", true);
        m.put("stop_reason", cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage());
        m.put("steps", stepsDone);
        m.put("seconds", secondsBefore + seconds);
        m.put("config", config);
        try {
            writeSummary(m);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e); // the failure itself is what the caller reports
        }
    }

    /** Appends a {@code history.csv} row: steps done, seconds (continuing a resumed run's clock), rate, loss, values. */
    protected void logStep(int stepsDone, double seconds, double learningRate, double loss, double[] values) {
        this.stepsDone = stepsDone;
        this.seconds = seconds;
        StringBuilder row = new StringBuilder().append(stepsDone).append(',').append(secondsBefore + seconds)
                .append(',').append(learningRate).append(',').append(loss);
        history.row(append(row, values, values.length));
    }

    /** The start of an {@code evaluations.csv} row: steps done and seconds (continuing a resumed run's clock). */
    protected StringBuilder evaluationRow(int stepsDone, double seconds) {
        return new StringBuilder().append(stepsDone).append(',').append(secondsBefore + seconds);
    }

    /** Writes an {@code evaluations.csv} row and flushes both logs (an evaluation is a point a crash keeps). */
    protected void logEvaluation(StringBuilder row) {
        evaluations.row(row);
        flush();
    }

    /** {@code prefix0 … prefix(n−1)}: the per-mode column names. */
    protected static List<String> columns(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** Appends {@code ,v} for each of the {@code count} values; {@code count} empty cells when {@code values} is null. */
    protected static StringBuilder append(StringBuilder row, double[] values, int count) {
        for (int i = 0; i < count; i++) {
            row.append(',');
            if (values != null) row.append(values[i]);
        }
        return row;
    }

    @Override
    public void close() throws IOException {
        try (history; evaluations) {
            flush();
        }
    }
}
