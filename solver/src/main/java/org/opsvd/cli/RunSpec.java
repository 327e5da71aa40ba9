package org.opsvd.cli;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.opsvd.solver.run.AtomicFiles;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.PeakMemoryEstimate;
import org.opsvd.solver.train.SessionOptions;
import picocli.CommandLine;

/**
 * One run of a reproduce or a sweep: {@code opsvd COMMAND OPTIONS --seed SEED [--steps STEPS]} ({@code solve} or
 * {@code svd}) into the run directory {@code NAME} under the output. Serializable, so that an engine can ship it to
 * another process (a Spark executor); it carries the options as text, not the experiment file's path, which the
 * executor may not see.
 *
 * @param command the command whose run it is: {@code solve} or {@code svd} (a {@link BatchCommand})
 * @param name the run directory's name (e.g. {@code neuralsvd-seq-L15-seed0})
 * @param row the results-table row the run belongs to (the experiment file's stem, or the sweep point)
 * @param options the command's options, as on its command line
 * @param seed the seed
 * @param steps the step count overriding the options', or null
 * @param experimentYaml the text recorded as the run's {@code experiment.yaml}: a later {@code --resume} takes
 *     the run as it is only when its file is the same
 */
public record RunSpec(String command, String name, String row, List<String> options, int seed, Integer steps,
                      String experimentYaml) implements Serializable {

    private static final long serialVersionUID = 2L;

    public RunSpec {
        options = List.copyOf(options);
    }

    /**
     * Runs into {@code runDir}, through the library (the command's builder, the options read as {@code opsvd
     * COMMAND} reads them), continuing the directory's checkpoint if it has one (a retried or resumed run; bit for
     * bit) and with {@code threads} TensorFlow threads (0: TensorFlow's default). {@code run.log} records the
     * equivalent command and the outcome. Returns null on success, else the reason of the failure; never throws for
     * a failed run (one failed run is a row of the table, not the end of the sweep).
     */
    public String run(Path runDir, int threads, BooleanSupplier stop) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        args.addAll(List.of("--seed", Integer.toString(seed), "--out", runDir.toString()));
        if (steps != null) args.addAll(List.of("--steps", steps.toString()));
        boolean continues = Files.exists(runDir.resolve(Checkpoint.FILE));
        if (continues) args.addAll(List.of("--resume", runDir.toString()));
        if (!continues && Files.exists(runDir.resolve("config.json"))) {
            // an attempt that stopped before its first checkpoint: nothing to continue, and a run directory is never
            // overwritten, so it is kept beside the new attempt
            Path aside = runDir.resolveSibling(runDir.getFileName() + ".stopped-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
            Files.move(runDir, aside);
        }
        String failure;
        String outcome;
        try (SessionOptions.ThreadScope scope = threads > 0 ? SessionOptions.threads(threads) : () -> { }) {
            BatchCommand.Outcome o = parse().runInto(runDir, continues, seed, steps, experimentYaml, stop);
            failure = o.failure();
            outcome = failure == null ? o.result() : "stopped early: " + failure;
        } catch (RuntimeException | IOException e) {
            failure = e.getMessage() == null ? e.getClass().getName() : Main.oneLine(e.getMessage());
            outcome = "opsvd: error: " + failure;
        }
        Files.createDirectories(runDir);
        Path logFile = runDir.resolve(Files.exists(runDir.resolve("run.log")) ? "run-resumed.log" : "run.log");
        AtomicFiles.writeText("opsvd " + String.join(" ", args) + "\n\n" + outcome + "\n", logFile);
        return failure;
    }

    /**
     * Checks the options as {@code opsvd COMMAND} would read them, before any run starts.
     *
     * @throws IllegalArgumentException naming the run's row and the problem
     */
    public void check() {
        BatchCommand parsed;
        try {
            parsed = parse();
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(row + ": " + Main.oneLine(e.getMessage()).replaceFirst("^Error: ", ""));
        }
        try {
            parsed.requireOneRun();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(row + ": " + e.getMessage());
        }
    }

    /** The estimated peak memory of this run ({@link BatchCommand#memory}). */
    public PeakMemoryEstimate memory() {
        return parse().memory(seed);
    }

    /** The command with these options parsed. */
    private BatchCommand parse() {
        CommandLine root = Main.commandLine(new Main());
        List<String> parsed = new ArrayList<>(List.of(command));
        parsed.addAll(options);
        root.parseArgs(parsed.toArray(String[]::new));
        return root.getSubcommands().get(command).getCommand();
    }
}
