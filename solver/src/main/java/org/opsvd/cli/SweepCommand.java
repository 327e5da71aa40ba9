package org.opsvd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd sweep [FILE]}: {@code solve} or {@code svd} over a grid of option values × seeds ({@link SweepGrid}),
 * on an engine ({@code --engine local|spark}), with the tables of {@code opsvd reproduce}: one row per grid point.
 */
@Command(name = "sweep", sortOptions = false,
        description = "Run solve (or svd) over a grid of option values and seeds, and tabulate the metrics per grid point.",
        footer = {"", "FILE is a YAML sweep file (version, command, base, options, grid, seeds); --set and --grid override it.",
            "", "Examples:",
            "  opsvd sweep --base experiments/oscillator2d-tuned/neuralsvd-seq-L15.yaml --set L=6 --set steps=3000 \\",
            "      --grid fourier-scale=0.1,0.2,0.5 --seeds 2",
            "  opsvd sweep sweeps/oscillator2d-fourier-scale.yaml --engine spark --master local[2] --out runs/fs",
            "  opsvd sweep --command svd --set operator=volterra --set L=8 --grid lr=1e-3,2e-3 --seeds 3",
            "  opsvd sweep sweeps/oscillator2d-fourier-scale.yaml --out runs/fs --resume     # after a crash or Ctrl-C",
            "", "Writes OUT/results.md, OUT/results.csv (one row per grid point), OUT/runs.csv (one row per run),",
            "rewritten as runs finish, and one run directory per point and seed (OUT/POINT-seedS)."})
final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Sweep file (YAML).")
    Path file;

    @Option(names = "--command", paramLabel = "solve|svd",
            description = "The command each run is (default: the file's command:, else solve).")
    String command;

    @Option(names = "--base", paramLabel = "EXPERIMENT", description = "An experiment file whose settings the points start from.")
    Path base;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Fix an option of the command for every point (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--grid", paramLabel = "NAME=V1,V2,…", description = "Vary an option of the command over values (repeatable).")
    List<String> grid = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "K", description = "Seeds 0..K-1 per point (default: the file's, else 1).")
    Integer seeds;

    @Option(names = "--steps", paramLabel = "N", description = "Override the step count of every run.")
    Integer steps;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/sweep-TIME); with "
            + "--engine spark also a Hadoop URI (hdfs://…, s3a://…).")
    String out;

    @Option(names = "--quiet", description = "Print only failures and the final table.")
    boolean quiet;

    @Option(names = "--resume", description = "Continue an earlier sweep in --out DIR: completed runs are tabulated as "
            + "they are, runs with a checkpoint continue from it, the rest start.")
    boolean resume;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() throws Exception {
        SweepGrid sweep = file != null ? SweepGrid.read(file, command) : new SweepGrid(command != null ? command : "solve");
        CommandSpec options = sweep.command();
        if (base != null) sweep.base(ConfigFile.read(base, options));
        for (String s : set) {
            String[] kv = pair("--set", s);
            sweep.set("--set", kv[0], kv[1]);
        }
        for (String g : grid) {
            String[] kv = pair("--grid", g);
            sweep.vary("--grid", kv[0], kv[1].isEmpty() ? List.of() : List.of(kv[1].split(",", -1)));
        }
        int k = seeds != null ? seeds : sweep.seeds() != null ? sweep.seeds() : 1;
        if (k < 1) throw new IllegalArgumentException("--seeds must be at least 1, got " + k);
        if (steps != null && steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        if (resume && out == null) throw new IllegalArgumentException("--resume needs --out DIR, the directory of the earlier sweep");

        List<ConfigFile> configs = new ArrayList<>();
        Map<String, ConfigFile> rows = new LinkedHashMap<>();
        List<RunSpec> specs = new ArrayList<>();
        for (Map<String, String> point : sweep.points()) {
            String row = sweep.name(point);
            ConfigFile config = ConfigFile.of(row, point, sweep.experiment());
            configs.add(config);
            rows.put(row, config);
            String yaml = yaml(options.name(), point);
            for (int seed = 0; seed < k; seed++) {
                RunSpec run = new RunSpec(options.name(), row + "-seed" + seed, row, config.arguments(options), seed,
                        steps, yaml);
                if (seed == 0) run.check(); // every point's options read as the command reads them, before any run
                specs.add(run);
            }
        }
        RunBatch.requireMemory(specs, engine);
        String dir = out != null ? out : Path.of("runs", "sweep-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toString();
        try (RunEngine runs = RunEngines.open(engine, dir)) {
            PrintWriter console = spec.commandLine().getOut();
            if (!quiet) {
                console.printf(Locale.ROOT, "opsvd sweep: %s at %d point(s) over %s x %d seed(s) -> %s (engine %s)%n",
                        options.name(), configs.size(), String.join(", ", sweep.varied()), k, dir, engine.engine());
            }
            RunBatch batch = new RunBatch("opsvd sweep of " + options.name() + " over " + String.join(", ", sweep.varied()),
                    RunMetrics.of(options.name()), PaperTable.EMPTY, rows, console, quiet);
            return batch.execute(specs, runs, resume, spec.commandLine().getErr());
        }
    }

    /** The point's settings as the YAML of an experiment file (recorded in each run as experiment.yaml). */
    static String yaml(String command, Map<String, String> point) {
        StringBuilder b = new StringBuilder("# a point of opsvd sweep" + (command.equals("solve") ? "" : " (" + command
                + " options)") + "\nversion: " + ConfigFile.VERSION + "\n");
        point.forEach((key, v) -> b.append(key).append(": ").append(v.contains(",") ? "[" + v + "]" : v).append('\n'));
        return b.toString();
    }

    private static String[] pair(String option, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException(option + " " + text + ": expected NAME=VALUE");
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }
}
