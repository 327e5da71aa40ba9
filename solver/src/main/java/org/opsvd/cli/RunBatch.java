package org.opsvd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opsvd.solver.train.PeakMemoryEstimate;

/**
 * The runs of a reproduce or a sweep and their results tables: runs completed earlier are taken as they are
 * ({@code --resume}), the rest go to the engine, and {@code results.md}, {@code results.csv} and {@code runs.csv}
 * are rewritten atomically after every finished run.
 */
final class RunBatch {

    private final String title;
    private final RunMetrics kind;
    private final ResultsTable table;
    private final Map<String, ConfigFile> rows;
    private final PrintWriter console;
    private final boolean quiet;
    private int done;
    private int total;
    private boolean failed;

    /**
     * @param title the tables' heading ({@code opsvd reproduce NAME})
     * @param kind the runs' command and metrics
     * @param rows the table's row of each {@link RunSpec#row()}
     */
    RunBatch(String title, RunMetrics kind, PaperTable paper, Map<String, ConfigFile> rows, PrintWriter console,
             boolean quiet) {
        this.title = title;
        this.kind = kind;
        this.table = new ResultsTable(kind, List.copyOf(rows.values()), paper);
        this.rows = rows;
        this.console = console;
        this.quiet = quiet;
    }

    /**
     * Runs {@code specs} on {@code engine} (after taking completed runs as they are when {@code resume}); returns
     * the exit status: 0, {@link Main#RUN_ERROR} if a run failed, {@link Interrupts#INTERRUPTED} if stopped.
     */
    int execute(List<RunSpec> specs, RunEngine engine, boolean resume, PrintWriter err) throws IOException {
        RunStore store = engine.store();
        if (!resume && store.read("results.csv") != null) {
            throw new IllegalArgumentException("--out " + store.locate("") + " holds earlier results (results.csv); "
                    + "continue them with --resume, or choose a new directory");
        }
        total = specs.size();
        List<RunSpec> todo = new ArrayList<>();
        for (RunSpec spec : specs) {
            JsonNode earlier = resume ? completedRun(store, spec) : null;
            if (earlier == null) {
                todo.add(spec);
                continue;
            }
            done++;
            table.add(rows.get(spec.row()), spec.seed(), earlier);
            if (!quiet) console.printf(Locale.ROOT, "[%d/%d] %s: completed earlier, taken as it is%n", done, total,
                    spec.name());
        }
        writeTables(store);
        AtomicBoolean stop = new AtomicBoolean();
        try (Interrupts interrupts = Interrupts.install(stop, err)) {
            engine.run(todo, outcome -> finished(outcome, store), stop::get);
        }
        console.println();
        console.print(table.markdown(title, done, total));
        console.println("results: " + store.locate("results.md") + ", " + store.locate("results.csv"));
        if (stop.get()) return Interrupts.INTERRUPTED;
        return failed ? Main.RUN_ERROR : 0;
    }

    /**
     * With {@code --memory-per-run MB}: refuses, before any run starts, a run whose estimated peak memory
     * ({@link PeakMemoryEstimate}) is above it. A row's first run stands for the row (the seed does not change the
     * estimate).
     *
     * @throws IllegalArgumentException naming the run, its estimate and the budget
     */
    static void requireMemory(List<RunSpec> specs, EngineOptions engine) {
        engine.check();
        Integer budget = engine.memoryPerRun();
        if (budget == null) return;
        Set<String> rows = new HashSet<>();
        for (RunSpec spec : specs) {
            if (!rows.add(spec.row())) continue;
            PeakMemoryEstimate estimate = spec.memory();
            if (estimate.megabytes() > budget) {
                throw new IllegalArgumentException("run " + spec.name() + " needs about " + estimate.describe()
                        + " at its peak (estimate), more than --memory-per-run " + budget + " MB");
            }
        }
    }

    private void finished(RunEngine.Outcome outcome, RunStore store) {
        RunSpec spec = outcome.spec();
        ConfigFile row = rows.get(spec.row());
        done++;
        try {
            if (outcome.failure() != null) {
                failed = true;
                table.failure(row, spec.seed(), outcome.failure());
                console.printf(Locale.ROOT, "[%d/%d] %s FAILED (%s); see %s%n", done, total, spec.name(),
                        outcome.failure(), store.locate(spec.name() + "/run.log"));
            } else {
                JsonNode summary = new ObjectMapper().readTree(outcome.summaryJson());
                table.add(row, spec.seed(), summary);
                if (!quiet) console.printf(Locale.ROOT, "[%d/%d] %s: %s, %.0f s%n", done, total, spec.name(),
                        kind.headline(summary), outcome.seconds());
            }
            console.flush();
            writeTables(store);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the results tables: " + e.getMessage(), e);
        }
    }

    private void writeTables(RunStore store) throws IOException {
        store.write("runs.csv", table.runsCsv());
        store.write("results.csv", table.csv());
        store.write("results.md", table.markdown(title, done, total));
    }

    /**
     * The summary of the run {@code spec} names, if it completed from the same experiment text, seed and step count;
     * else null.
     */
    static JsonNode completedRun(RunStore store, RunSpec spec) throws IOException {
        String summaryText = store.read(spec.name() + "/summary.json");
        String yaml = store.read(spec.name() + "/experiment.yaml");
        if (summaryText == null || yaml == null || !yaml.equals(spec.experimentYaml())) return null;
        JsonNode summary = new ObjectMapper().readTree(summaryText);
        JsonNode c = summary.path("config");
        boolean completed = summary.path("stop_reason").isNull() && summary.path("steps").asInt() == c.path("steps").asInt();
        boolean sameRun = c.path("seed").asLong(-1) == spec.seed()
                && (spec.steps() == null || c.path("steps").asInt() == spec.steps());
        return completed && sameRun ? summary : null;
    }
}
