package org.opsvd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd reproduce EXPERIMENT}: runs every experiment file of a set over several seeds, each as
 * {@code opsvd solve --config FILE --seed S} would (through the library, on the {@code --engine}: this process by
 * default, or Spark), and writes a table of the five metrics (mean ± standard deviation over seeds) next to the
 * paper's numbers, with each run's wall-clock time.
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

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", description = "Experiment directory, file, or name under experiments/.")
    String experiment;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "3", description = "Seeds 0..K-1 per file (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--steps", paramLabel = "N", description = "Override the files' step counts (e.g. for a quick check).")
    Integer steps;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/reproduce-NAME-TIME); "
            + "with --engine spark also a Hadoop URI (hdfs://…, s3a://…).")
    String out;

    @Option(names = "--paper", paramLabel = "CSV", defaultValue = "experiments/paper-hydrogen-eval.csv",
            description = "The paper's numbers (default: ${DEFAULT-VALUE}; a missing file leaves the column empty).")
    Path paper;

    @Option(names = "--quiet", description = "Print only failures and the final table (not each run's line).")
    boolean quiet;

    @Option(names = "--resume", description = "Continue an earlier reproduce in --out DIR: runs completed with the "
            + "same file, seed and steps are tabulated as they are, runs with a checkpoint continue from it, the "
            + "rest start.")
    boolean resume;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        if (steps != null && steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        boolean local = engine.engine().equals("local");
        if (resume && (out == null || (local && !Files.isDirectory(Path.of(out))))) {
            throw new IllegalArgumentException("--resume needs --out DIR, the directory of the earlier reproduce"
                    + (out == null ? "" : " (" + out + " is not a directory)"));
        }
        List<Path> files = experimentFiles(experiment);
        CommandSpec solve = Main.commandLine(new Main()).getSubcommands().get("solve").getCommandSpec();
        List<ConfigFile> configs = new ArrayList<>();
        for (Path f : files) configs.add(ConfigFile.read(f, solve)); // every file checked before the first run
        PaperTable paperTable = PaperTable.read(paper);
        String dir = out != null ? out : Path.of("runs", "reproduce-" + name(experiment) + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toString();
        Map<String, ConfigFile> rows = new LinkedHashMap<>();
        List<RunSpec> specs = new ArrayList<>();
        for (ConfigFile config : configs) {
            String row = stem(config.file());
            rows.put(row, config);
            String yaml = Files.readString(config.file());
            for (int seed = 0; seed < seeds; seed++) {
                specs.add(new RunSpec("solve", row + "-seed" + seed, row, config.arguments(solve), seed, steps, yaml));
            }
        }
        RunBatch.requireMemory(specs, engine);
        try (RunEngine runs = RunEngines.open(engine, dir)) {
            PrintWriter console = spec.commandLine().getOut();
            if (!quiet) {
                console.printf(Locale.ROOT, "opsvd reproduce: %d file(s) x %d seed(s) -> %s (engine %s)%n",
                        files.size(), seeds, dir, engine.engine());
            }
            RunBatch batch = new RunBatch("opsvd reproduce " + experiment, RunMetrics.SOLVE, paperTable, rows, console,
                    quiet);
            return batch.execute(specs, runs, resume, spec.commandLine().getErr());
        }
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
