package org.opsvd.cli;

import org.opsvd.solver.run.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.NeuralSolver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd reproduce EXPERIMENT}: runs every experiment file of a set over several seeds, each as
 * {@code opsvd solve --config FILE --seed S} would (through {@link SolveBuilder} in this process), and writes a
 * table of the five metrics (mean ± standard deviation over
 * seeds) next to the paper's numbers, with each run's wall-clock time.
 */
@Command(name = "reproduce", sortOptions = false,
        description = "Run a set of experiment files over seeds and tabulate the metrics next to the paper's.",
        footer = {"", "EXPERIMENT is a directory of YAML experiment files, one file, or a name under experiments/.",
            "", "Examples:",
            "  opsvd reproduce hydrogen2d-paper --seeds 3 --steps 20000",
            "  opsvd reproduce experiments/oscillator2d-paper/neuralsvd-seq-b512.yaml --seeds 1",
            "  opsvd reproduce hydrogen2d-tuned --out runs/h2d --resume     # after a crash or Ctrl-C",
            "", "Writes OUT/results.md and OUT/results.csv (mean and std over seeds, the paper's numbers) and",
            "OUT/runs.csv (one row per run), rewritten after every run with the count of runs done, and one",
            "run directory per file and seed (OUT/NAME-seedS, with run.log)."})
final class ReproduceCommand implements Callable<Integer> {

    /**
     * The paper's five metrics as named in summary.json, with orthogonality in two readings: ‖Ĉ − I‖_F and the mean
     * square ‖Ĉ − I‖_F²/L². Only the second is of the size of the paper's reported values (see {@link #paperColumn}).
     */
    static final List<String> METRICS = List.of("rel_eigval_error", "angle_distance", "subspace_dist_avg",
            "subspace_dist_all", "orthogonality", "orthogonality_mean_square");

    /**
     * The paper-table column to print beside our metric, or null. The paper does not define its orthogonality
     * number; its values (≤ 1e-5 with angles of 5e-3) are second order in the functions' errors, as the mean square
     * is, while ‖Ĉ − I‖_F is first order (≈ 2e-2 for such runs), so the paper's value goes beside the mean square.
     */
    static String paperColumn(String metric) {
        return switch (metric) {
            case "orthogonality" -> null;
            case "orthogonality_mean_square" -> "orthogonality";
            default -> metric;
        };
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "Experiment directory, file, or name under experiments/.")
    String experiment;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "3", description = "Seeds 0..K-1 per file (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--steps", paramLabel = "N", description = "Override the files' step counts (e.g. for a quick check).")
    Integer steps;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/reproduce-NAME-TIME).")
    Path out;

    @Option(names = "--paper", paramLabel = "CSV", defaultValue = "experiments/paper-hydrogen-eval.csv",
            description = "The paper's numbers (default: ${DEFAULT-VALUE}; a missing file leaves the column empty).")
    Path paper;

    @Option(names = "--quiet", description = "Print only failures and the final table (not each run's line).")
    boolean quiet;

    @Option(names = "--resume", description = "Continue an earlier reproduce in --out DIR: runs completed with the "
            + "same file, seed and steps are tabulated as they are, runs with a checkpoint continue from it, the "
            + "rest start.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        if (steps != null && steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        if (resume && (out == null || !Files.isDirectory(out))) {
            throw new IllegalArgumentException("--resume needs --out DIR, the directory of the earlier reproduce"
                    + (out == null ? "" : " (" + out + " is not a directory)"));
        }
        if (!resume && out != null && Files.isDirectory(out) && Files.exists(out.resolve("results.csv"))) {
            throw new IllegalArgumentException("--out " + out + " holds an earlier reproduce (results.csv); continue it "
                    + "with --resume, or choose a new directory");
        }
        List<Path> files = experimentFiles(experiment);
        CommandSpec solve = Main.commandLine(new Main()).getSubcommands().get("solve").getCommandSpec();
        List<ConfigFile> configs = new ArrayList<>();
        for (Path f : files) configs.add(ConfigFile.read(f, solve)); // every file checked before the first run
        PaperTable paperTable = PaperTable.read(paper);
        Path dir = out != null ? out : Path.of("runs", "reproduce-" + name(experiment) + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        PrintWriter console = spec.commandLine().getOut();
        if (!quiet) {
            console.printf(Locale.ROOT, "opsvd reproduce: %d file(s) x %d seed(s) -> %s%n", files.size(), seeds, dir);
        }

        ResultsTable table = new ResultsTable(configs, seeds, paperTable);
        int total = files.size() * seeds;
        int done = 0;
        boolean failed = false;
        AtomicBoolean stop = new AtomicBoolean();
        try (Interrupts interrupts = Interrupts.install(stop, spec.commandLine().getErr())) {
            for (ConfigFile config : configs) {
                for (int seed = 0; seed < seeds && !stop.get(); seed++) {
                    String runName = stem(config.file()) + "-seed" + seed;
                    Path runDir = dir.resolve(runName);
                    JsonNode earlier = resume ? completedRun(runDir, config, seed) : null;
                    done++;
                    if (earlier != null) {
                        table.add(config, seed, earlier);
                        if (!quiet) console.printf(Locale.ROOT, "[%d/%d] %s: completed earlier, taken as it is%n", done,
                                total, runName);
                    } else {
                        long start = System.nanoTime();
                        String failure = run(config, seed, runDir, stop::get);
                        double seconds = (System.nanoTime() - start) * 1e-9;
                        if (failure != null) {
                            failed = true;
                            table.failure(config, seed, failure);
                            console.printf(Locale.ROOT, "[%d/%d] %s FAILED (%s); see %s%n", done, total, runName,
                                    failure, runDir.resolve("run.log"));
                        } else {
                            JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
                            table.add(config, seed, summary);
                            JsonNode m = summary.get("metrics");
                            if (!quiet) console.printf(Locale.ROOT, "[%d/%d] %s: rel. eigenvalue error %.3e, subspace "
                                            + "distance (all) %s, %.0f s%n", done, total, runName,
                                    m.get("rel_eigval_error").asDouble(), m.get("subspace_dist_all").isNull() ? "-"
                                            : String.format(Locale.ROOT, "%.3e", m.get("subspace_dist_all").asDouble()),
                                    seconds);
                        }
                    }
                    console.flush();
                    writeTables(table, dir, done, total);
                }
            }
        }
        console.println();
        console.print(table.markdown(experiment, done, total));
        console.println("results: " + dir.resolve("results.md") + ", " + dir.resolve("results.csv"));
        if (stop.get()) return Interrupts.INTERRUPTED;
        return failed ? Main.RUN_ERROR : 0;
    }

    /**
     * One solve of an experiment file with a seed, through the library ({@link SolveBuilder}, the file's options
     * read as {@code opsvd solve} reads them), into {@code runDir} (continuing its checkpoint under
     * {@code --resume}); {@code run.log} records the equivalent command and the outcome. Returns null on
     * success, else the reason of the failure.
     */
    private String run(ConfigFile config, int seed, Path runDir, BooleanSupplier stop) throws IOException {
        List<String> args = new ArrayList<>(List.of("solve", "--config", config.file().toString(), "--seed",
                Integer.toString(seed), "--out", runDir.toString()));
        if (steps != null) args.addAll(List.of("--steps", steps.toString()));
        boolean continues = resume && Files.exists(runDir.resolve(Checkpoint.FILE));
        if (continues) args.addAll(List.of("--resume", runDir.toString()));
        if (resume && !continues && Files.exists(runDir.resolve("config.json"))) {
            // an attempt that stopped before its first checkpoint: nothing to continue, and a run directory is never
            // overwritten, so it is kept beside the new attempt
            Path aside = runDir.resolveSibling(runDir.getFileName() + ".stopped-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(runDir, aside);
        }
        String failure;
        String outcome;
        try {
            CommandLine root = Main.commandLine(new Main());
            CommandLine solve = root.getSubcommands().get("solve");
            List<String> fileArgs = new ArrayList<>(List.of("solve"));
            fileArgs.addAll(config.arguments(solve.getCommandSpec()));
            root.parseArgs(fileArgs.toArray(String[]::new));
            SolveCommand command = solve.getCommand();
            SolveBuilder builder = command.options.builder(command.operator.problem()).seed(seed).stopWhen(stop);
            if (steps != null) builder.steps(steps);
            if (continues) builder.resumeFrom(runDir);
            else builder.writeTo(runDir);
            AtomicFiles.writeText(Files.readString(config.file()), runDir.resolve("experiment.yaml"));
            NeuralSolver.Result result = builder.solve();
            failure = result.outcome().completed() ? null : result.outcome().stopReason();
            outcome = failure == null ? String.format(Locale.ROOT, "mean relative eigenvalue error %.3e after %d steps",
                    result.evaluation().meanRelativeError(), result.outcome().steps()) : "stopped early: " + failure;
        } catch (RuntimeException | IOException e) { // one failed run is a row of the table, not the end of the sweep
            failure = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            outcome = "opsvd: error: " + failure;
        }
        Files.createDirectories(runDir);
        Path logFile = runDir.resolve(Files.exists(runDir.resolve("run.log")) ? "run-resumed.log" : "run.log");
        AtomicFiles.writeText("opsvd " + String.join(" ", args) + "\n\n" + outcome + "\n", logFile);
        return failure;
    }

    private void writeTables(ResultsTable table, Path dir, int done, int total) throws IOException {
        AtomicFiles.writeText(table.runsCsv(), dir.resolve("runs.csv"));
        AtomicFiles.writeText(table.csv(), dir.resolve("results.csv"));
        AtomicFiles.writeText(table.markdown(experiment, done, total), dir.resolve("results.md"));
    }

    /**
     * The summary of a run in {@code runDir} that completed from the same experiment file (experiment.yaml
     * identical), seed and step count as this reproduce would use, else null.
     */
    private JsonNode completedRun(Path runDir, ConfigFile config, int seed) throws IOException {
        Path summaryFile = runDir.resolve("summary.json");
        Path yaml = runDir.resolve("experiment.yaml");
        if (!Files.exists(summaryFile) || !Files.exists(yaml)
                || !Files.readString(yaml).equals(Files.readString(config.file()))) {
            return null;
        }
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        JsonNode c = summary.path("config");
        boolean completed = summary.path("stop_reason").isNull() && summary.path("steps").asInt() == c.path("steps").asInt();
        boolean sameRun = c.path("seed").asLong(-1) == seed && (steps == null || c.path("steps").asInt() == steps);
        return completed && sameRun ? summary : null;
    }

    /** The YAML files an experiment argument names, sorted. */
    static List<Path> experimentFiles(String experiment) throws IOException {
        Path p = Path.of(experiment);
        if (!Files.exists(p)) {
            Path named = Path.of("experiments", experiment);
            Path namedFile = Path.of("experiments", experiment + ".yaml");
            p = Files.exists(named) ? named : namedFile;
        }
        if (!Files.exists(p)) {
            String known = "";
            if (Files.isDirectory(Path.of("experiments"))) {
                try (Stream<Path> s = Files.list(Path.of("experiments"))) {
                    known = " (experiments/ has: " + String.join(", ", s.filter(Files::isDirectory)
                            .map(x -> x.getFileName().toString()).sorted().toList()) + ")";
                }
            }
            throw new IllegalArgumentException("no experiment '" + experiment + "': not a file or directory, and "
                    + "not under experiments/" + known);
        }
        if (!Files.isDirectory(p)) return List.of(p);
        try (Stream<Path> s = Files.list(p)) {
            List<Path> files = s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
            if (files.isEmpty()) throw new IllegalArgumentException("experiment directory " + p + " has no .yaml files");
            return files;
        }
    }

    static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private static String name(String experiment) {
        return stem(Path.of(experiment));
    }
}
