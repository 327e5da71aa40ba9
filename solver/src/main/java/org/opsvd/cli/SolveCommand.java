package org.opsvd.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opsvd.operators.Problem;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.Progress;
import org.opsvd.solver.train.SolveConfig;
import org.opsvd.solver.train.SolveDefaults;
import org.opsvd.solver.train.SolveReference;
import org.opsvd.solver.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd solve}: learn the lowest L eigenfunctions of an operator with NeuralSVD, compare with the
 * exact and finite-difference references, and write a run directory ({@code summary.json},
 * {@code history.csv}, {@code evaluations.csv}, the functions as NPY, and {@code figures/*.png} unless
 * {@code --no-figures}).
 */
@Command(name = "solve", sortOptions = false,
        description = "Learn the lowest L eigenfunctions with NeuralSVD (or the baselines NeuralEF, SpIN) and compare with the references.",
        footer = {"", "Examples:",
            "  opsvd solve --operator harmonic --dim 2 --L 15",
            "  opsvd solve --config experiments/oscillator2d-tuned/neuralsvd-seq-L15.yaml     # paper's accuracy",
            "  opsvd solve --operator hydrogen --dim 2 --L 9 --steps 20000",
            "  opsvd solve --config experiments/hydrogen2d-paper/neuralsvd-seq-b128.yaml --steps 20000",
            "  opsvd solve --potential \"0.5*(x^2+4*y^2)\" --dim 2 --L 6 --out runs/aniso"})
final class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OperatorOptions operator;

    @Mixin
    SolveOptions options;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Experiment file (YAML, keys = these options without '--', plus 'version: 1'); "
                    + "options on the command line override it. Copied into the run directory.")
    Path configFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/NAME-DdD-LL-TIME).")
    Path out;

    @Option(names = "--quiet", description = "No progress output; only the final table.")
    boolean quiet;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write DIR/checkpoint.bin every N steps and at exit (default: as --eval-every; 0 = only at exit).")
    Integer checkpointEvery;

    @Option(names = "--no-figures", description = "Do not draw DIR/figures/*.png at the end (draw them later with opsvd plot DIR).")
    boolean noFigures;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its checkpoint, bit for bit (give the same options as before).")
    Path resume;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Problem problem = operator.problem();
        int outputs = options.outputs != null ? options.outputs : SolveDefaults.outputs(problem);
        SolveConfig draft = options.resolve(problem, outputs, null);
        say(out, "opsvd solve: " + problem.name() + " " + problem.hamiltonian().describe() + ", L = " + outputs
                + ", method " + org.opsvd.solver.loss.Method.parse(draft.method()));
        Path dir = resume != null ? resume : runDirectory(problem, draft);
        if (resume == null) AtomicFiles.createDirectory(dir); // before the reference: a bad --out fails at once
        SolveReference reference = SolveReference.compute(problem, outputs, draft.evalGrid(),
                NeuralSolver.density(draft), draft.seed());
        SolveConfig config = options.resolve(problem, outputs, reference);
        String configJson = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config);
        org.opsvd.solver.train.Checkpoint checkpoint = resume == null ? null : Resume.resumable(dir, configJson);
        say(out, String.format(Locale.ROOT, "reference: %s%s; evaluation on %s", reference.kind(),
                reference.fdDescription() == null ? "" : " (finite differences: " + reference.fdDescription() + ")",
                reference.quadrature()));
        say(out, String.format(Locale.ROOT, "T = %.6g·(−H) + %.6g; method %s, %s, B = %d, %d steps, %s lr %.3g, %s",
                config.operatorScale(), config.operatorShift(), methodLabel(config), config.precision(), config.batch(),
                config.steps(), config.optimizer(), config.learningRate(), config.device()));
        reference.notes().forEach(n -> say(out, "note: " + n));
        AtomicFiles.writeJson(Map.of("config", config), dir.resolve("config.json"));
        if (configFile != null) {
            AtomicFiles.writeText(Files.readString(configFile), dir.resolve("experiment.yaml"));
        }
        if (checkpoint != null) {
            say(out, "resuming " + dir + " at step " + checkpoint.step());
        }

        boolean verbose = Main.verbose(spec);
        AtomicBoolean stop = new AtomicBoolean();
        boolean terminal = System.console() != null;
        Progress progress = new Progress(out, terminal, quiet, config.steps());
        try (Interrupts interrupts = Interrupts.install(stop, spec.commandLine().getErr());
             RunLog log = new RunLog(dir, config.outputs(), checkpoint == null ? 0 : checkpoint.step())) {
            NeuralSolver.Result result = NeuralSolver.solve(problem, config, reference, new NeuralSolver.Observer() {
                @Override
                public void onStep(Trainer.StepRecord step, double[] energies) {
                    progress.update(step.step(), step.seconds(), step.loss(), energies);
                    log.step(step, energies);
                }

                @Override
                public void onCheckpoint(int steps) {
                    log.flush();
                }

                @Override
                public void onEvaluation(NeuralSolver.Evaluation e) {
                    log.evaluation(e);
                    MetricReport m = e.metrics();
                    progress.message(String.format(Locale.ROOT, "  eval @ %d (%.0f s): mean rel. eigenvalue error %.3e%s",
                            e.step(), e.seconds(), e.meanRelativeError(),
                            m == null ? "" : String.format(Locale.ROOT, ", subspace distance (all) %.3e",
                                    m.subspaceDistanceAll())));
                    if (verbose) {
                        progress.message(Progress.detail("E", e.rayleigh(),
                                NeuralSolver.reported(problem, reference.energies()), e.relErrors()));
                    }
                }
            }, stop::get, new NeuralSolver.Checkpointing(dir,
                    checkpointEvery != null ? checkpointEvery : config.evalEvery(), configJson, checkpoint));
            Map<String, Object> summary = summary(problem, config, reference, result, log.secondsBefore());
            AtomicFiles.writeJson(summary, dir.resolve("summary.json"));
            writeEigenfunctions(dir, reference, result.evaluation());
            log.flush();
            if (!result.outcome().completed()) {
                out.println("stopped early: " + result.outcome().stopReason());
            }
            printTable(out, problem, reference, result);
            if (!noFigures) {
                RunFigures.afterRun(dir, out, spec.commandLine().getErr(), quiet);
            }
            out.println("run directory: " + dir);
            if (stop.get()) {
                return Interrupts.INTERRUPTED;
            }
            return result.outcome().completed() ? 0 : Main.RUN_ERROR;
        }
    }

    /**
     * {@code points.npy} [N, d], {@code weights.npy} [N] and {@code eigenfunctions.npy} [N, L] (float64,
     * ψ_l(x_i) = √p·f_l, unnormalised) on the evaluation quadrature, for plotting and analysis in Python; and,
     * where the reference has functions, {@code reference_eigenfunctions.npy} [N, L′] (the exact or
     * finite-difference eigenfunctions of the first L′ ≤ L modes, complete shells, unit L² norm on the
     * quadrature up to discretisation).
     */
    private static void writeEigenfunctions(Path dir, SolveReference reference, NeuralSolver.Evaluation e)
            throws IOException {
        int n = reference.weights().length;
        int d = reference.points().length / n;
        var psi = e.psi().valuesCopy();
        AtomicFiles.writeNpy(dir.resolve("points.npy"), reference.points(), new int[] {n, d});
        AtomicFiles.writeNpy(dir.resolve("weights.npy"), reference.weights(), new int[] {n});
        AtomicFiles.writeNpy(dir.resolve("eigenfunctions.npy"), psi.data, new int[] {psi.numRows, psi.numCols});
        if (reference.functions() != null) {
            var ref = reference.functions().valuesCopy();
            AtomicFiles.writeNpy(dir.resolve("reference_eigenfunctions.npy"), ref.data, new int[] {ref.numRows, ref.numCols});
        }
    }

    /** The method name, with SpIN's decay. */
    private static String methodLabel(SolveConfig config) {
        org.opsvd.solver.loss.Method m = org.opsvd.solver.loss.Method.parse(config.method());
        return m == org.opsvd.solver.loss.Method.SPIN
                ? String.format(Locale.ROOT, "%s (decay %.3g)", m, config.spinDecay()) : m.toString();
    }

    private void say(PrintWriter out, String s) {
        if (!quiet) {
            out.println(s);
            out.flush();
        }
    }

    private Path runDirectory(Problem problem, SolveConfig config) {
        if (this.out != null) {
            return this.out;
        }
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", problem.name() + "-" + config.dimension() + "d-L" + config.outputs() + "-" + time);
    }

    /** summary.json; {@code secondsBefore}: training time before a resume, so "seconds" is the whole run's. */
    static Map<String, Object> summary(Problem problem, SolveConfig config, SolveReference reference,
                                       NeuralSolver.Result result, double secondsBefore) {
        NeuralSolver.Evaluation e = result.evaluation();
        int l = config.outputs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", problem.name());
        m.put("hamiltonian", problem.hamiltonian().describe());
        if (problem.operator() != problem.hamiltonian()) m.put("learned_operator", problem.operator().describe());
        m.put("eigenvalues", e.rayleigh());
        m.put("eigenvalues_from_norms", e.normEnergies());
        m.put("reference", NeuralSolver.reported(problem, Arrays.copyOf(reference.energies(), l)));
        m.put("reference_kind", reference.kind());
        m.put("exact", reference.exact() == null ? null
                : NeuralSolver.reported(problem, Arrays.copyOf(reference.exact(), l)));
        m.put("finite_difference", reference.finiteDifference() == null ? null : NeuralSolver.reported(problem,
                Arrays.copyOf(reference.finiteDifference(), Math.min(l, reference.finiteDifference().length))));
        m.put("rel_errors", e.relErrors());
        m.put("abs_errors", e.absErrors());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rel_eigval_error", e.meanRelativeError());
        metrics.put("abs_eigval_error", e.meanAbsoluteError());
        MetricReport r = e.metrics();
        metrics.put("angle_distance", r == null ? null : r.meanAngle());
        metrics.put("subspace_dist_avg", r == null ? null : r.meanGroupSubspaceDistance());
        metrics.put("subspace_dist_all", r == null ? null : r.subspaceDistanceAll());
        metrics.put("orthogonality", r == null ? null : r.orthogonality().frobenius());
        metrics.put("orthogonality_mean_square", r == null ? null : r.orthogonality().meanSquare());
        metrics.put("modes_compared", reference.comparable());
        metrics.put("details", r == null ? null : r.toMap());
        m.put("metrics", metrics);
        m.put("steps", result.outcome().steps());
        m.put("seconds", secondsBefore + result.outcome().seconds());
        m.put("stop_reason", result.outcome().stopReason());
        m.put("operator_scale", result.shift().scale());
        m.put("operator_shift", result.shift().shift());
        m.put("evaluation_quadrature", reference.quadrature());
        m.put("peak_rss_mb", PeakMemory.residentMegabytes());
        m.put("notes", reference.notes());
        m.put("config", config);
        return m;
    }

    private static void printTable(PrintWriter out, Problem problem, SolveReference reference,
                                   NeuralSolver.Result result) {
        NeuralSolver.Evaluation e = result.evaluation();
        double[] exact = NeuralSolver.reported(problem, reference.exact());
        double[] fd = NeuralSolver.reported(problem, reference.finiteDifference());
        out.println();
        out.printf(Locale.ROOT, "%4s  %16s  %16s  %16s  %16s  %10s  %10s%n", "l", "learned E", "E from norm",
                "exact", "finite diff.", "rel. error", "abs. error");
        for (int l = 0; l < e.rayleigh().length; l++) {
            out.printf(Locale.ROOT, "%4d  %16.10f  %16s  %16s  %16s  %10.3e  %10.3e%n", l, e.rayleigh()[l],
                    e.normEnergies() == null ? "-" : String.format(Locale.ROOT, "%.10f", e.normEnergies()[l]), exact == null ? "-" : String.format(Locale.ROOT, "%.10f", exact[l]),
                    fd == null || l >= fd.length ? "-" : String.format(Locale.ROOT, "%.10f", fd[l]), e.relErrors()[l],
                    e.absErrors()[l]);
        }
        out.println();
        out.printf(Locale.ROOT, "mean relative eigenvalue error %.3e, mean absolute %.3e (vs %s), %d steps in %.1f s,"
                + " peak RSS %d MB%n", e.meanRelativeError(), e.meanAbsoluteError(), reference.kind(), result.outcome().steps(), result.outcome().seconds(),
                PeakMemory.residentMegabytes());
        MetricReport m = e.metrics();
        if (m != null) {
            out.printf(Locale.ROOT, "angle distance %.3e, subspace distance avg %.3e / all %.3e, orthogonality %.3e"
                            + " (mean square %.1e) (%d modes in complete shells)%n", m.meanAngle(),
                    m.meanGroupSubspaceDistance(), m.subspaceDistanceAll(), m.orthogonality().frobenius(),
                    m.orthogonality().meanSquare(), reference.comparable());
        }
    }

    /**
     * history.csv (every step) and evaluations.csv (every evaluation), flushed as they grow; after a resume the
     * seconds column continues the clock of the kept rows.
     */
    static final class RunLog implements AutoCloseable {
        private final BufferedWriter history;
        private final BufferedWriter evaluations;
        private final double secondsBefore;

        /** New files, or, when resuming after {@code keepSteps} steps, the files cut back to those steps. */
        RunLog(Path dir, int outputs, int keepSteps) throws IOException {
            if (keepSteps > 0) {
                secondsBefore = Resume.secondsBefore(Resume.keptLines(dir.resolve("history.csv"), keepSteps));
                history = reopen(dir.resolve("history.csv"), keepSteps);
                evaluations = reopen(dir.resolve("evaluations.csv"), keepSteps);
                return;
            }
            secondsBefore = 0;
            history = Files.newBufferedWriter(dir.resolve("history.csv"));
            evaluations = Files.newBufferedWriter(dir.resolve("evaluations.csv"));
            List<String> h = new ArrayList<>(List.of("step", "seconds", "learning_rate", "loss"));
            List<String> v = new ArrayList<>(List.of("step", "seconds", "mean_rel_error", "subspace_dist_all",
                    "subspace_dist_avg", "angle_distance"));
            for (int l = 0; l < outputs; l++) {
                h.add("E" + l);
                v.add("E" + l);
            }
            history.write(String.join(",", h) + "\n");
            evaluations.write(String.join(",", v) + "\n");
        }

        /** Keeps the header and the rows whose first column (the step) is at most {@code keepSteps}. */
        private static BufferedWriter reopen(Path file, int keepSteps) throws IOException {
            List<String> kept = Resume.keptLines(file, keepSteps);
            AtomicFiles.writeText(kept.isEmpty() ? "" : String.join("\n", kept) + "\n", file);
            return Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.APPEND);
        }

        void step(Trainer.StepRecord s, double[] energies) {
            StringBuilder b = new StringBuilder();
            b.append(s.step() + 1).append(',').append(fmt(secondsBefore + s.seconds())).append(',').append(fmt(s.learningRate()))
                    .append(',').append(fmt(s.loss()));
            for (double x : energies) b.append(',').append(fmt(x));
            writeLine(history, b);
        }

        void evaluation(NeuralSolver.Evaluation e) {
            MetricReport m = e.metrics();
            StringBuilder b = new StringBuilder();
            b.append(e.step()).append(',').append(fmt(secondsBefore + e.seconds())).append(',')
                    .append(fmt(e.meanRelativeError()))
                    .append(',').append(m == null ? "" : fmt(m.subspaceDistanceAll()))
                    .append(',').append(m == null ? "" : fmt(m.meanGroupSubspaceDistance()))
                    .append(',').append(m == null ? "" : fmt(m.meanAngle()));
            for (double x : e.rayleigh()) b.append(',').append(fmt(x));
            writeLine(evaluations, b);
            flush();
        }

        /** Training seconds before the resume (0 for a new run). */
        double secondsBefore() {
            return secondsBefore;
        }

        void flush() {
            try {
                evaluations.flush();
                history.flush();
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        private static void writeLine(BufferedWriter w, StringBuilder line) {
            try {
                w.write(line.append('\n').toString());
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        private static String fmt(double x) {
            return Double.toString(x);
        }

        @Override
        public void close() throws IOException {
            try (history; evaluations) {
                evaluations.flush();
            }
        }
    }
}
