package org.opsvd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.opsvd.operators.Problem;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.eval.EigenvalueInterval;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.run.AtomicFiles;
import org.opsvd.solver.run.PeakMemory;
import org.opsvd.solver.run.RunFigures;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.PeakMemoryEstimate;
import org.opsvd.solver.train.Progress;
import org.opsvd.solver.train.SolveConfig;
import org.opsvd.solver.train.SolveReference;
import org.opsvd.solver.train.StatesCentre;
import org.opsvd.solver.train.StopCondition;
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
 * {@code --no-figures}). The options become a {@link SolveBuilder}, which does the work (the run directory
 * through {@link org.opsvd.solver.run.SolveRunWriter}); this class adds the console: progress, the table.
 */
@Command(name = "solve", sortOptions = false,
        description = "Learn the lowest L eigenfunctions with NeuralSVD (or the baselines NeuralEF, SpIN) and compare with the references.",
        footer = {"", "Examples:",
            "  opsvd solve --operator harmonic --dim 2 --L 15",
            "  opsvd solve --config experiments/oscillator2d-tuned/neuralsvd-seq-L15.yaml     # paper's accuracy",
            "  opsvd solve --operator hydrogen --dim 2 --L 9 --steps 20000",
            "  opsvd solve --config experiments/hydrogen2d-paper/neuralsvd-seq-b128.yaml --steps 20000",
            "  opsvd solve --potential \"0.5*(x^2+4*y^2)\" --dim 2 --L 6 --out runs/aniso"})
final class SolveCommand implements Callable<Integer>, BatchCommand {

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

    @Option(names = "--explain", description = "Print the settings derived from the problem (sampler, cusp factor, "
            + "network, Fourier features, learning rate, guard functions), the rule behind each and the options that "
            + "override them, then stop without solving.")
    boolean explain;

    @Option(names = "--time-budget", paramLabel = "SECONDS",
            description = "Stop training after this much wall-clock time and evaluate what was learned (stop reason in "
                    + "summary.json; the learning-rate schedule still spans --steps).")
    Double timeBudget;

    @Option(names = "--quiet", description = "No progress output; only the final table.")
    boolean quiet;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write DIR/checkpoint.bin every N steps and at exit (default: as --eval-every; 0 = only at exit).")
    Integer checkpointEvery;

    @Option(names = "--no-figures", description = "Do not draw DIR/figures/*.png at the end (draw them later with opsvd plot DIR).")
    boolean noFigures;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its checkpoint, bit for bit (give the same options as before; "
                    + "under --stop converged the stop rule's history starts again at the checkpoint; --eval-points may "
                    + "differ, as only the final evaluation reads it: a finished run is then re-read).")
    Path resume;

    /** One run of a reproduce or a sweep, as from an experiment file: its fixed step count unless it sets --stop. */
    @Override
    public Outcome runInto(Path runDir, boolean resume, int seed, Integer steps, String experimentYaml,
                           BooleanSupplier stop) throws IOException {
        SolveBuilder builder = builder(operator.problem(), true).seed(seed).stopWhen(stop);
        if (steps != null) builder.steps(steps);
        if (resume) builder.resumeFrom(runDir);
        else builder.writeTo(runDir);
        AtomicFiles.writeText(experimentYaml, runDir.resolve("experiment.yaml"));
        NeuralSolver.Result result = builder.solve();
        return new Outcome(result.outcome().completed() ? null : result.outcome().stopReason(),
                String.format(Locale.ROOT, "mean relative eigenvalue error %.3e after %d steps",
                        result.evaluation().meanRelativeError(), result.outcome().steps()));
    }

    @Override
    public PeakMemoryEstimate memory(int seed) {
        return PeakMemoryEstimate.of(builder(operator.problem(), true).seed(seed).config());
    }

    /** The options' builder; a formula potential without --box lets the grids' box grow to its states. */
    private SolveBuilder builder(Problem problem, boolean fromFile) {
        SolveBuilder builder = options.builder(problem, fromFile);
        return operator.boxFromStates() ? builder.fitBox() : builder;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Problem problem = operator.problem();
        SolveBuilder builder = builder(problem, configFile != null);
        say(out, "opsvd solve: " + problem.name() + " " + problem.hamiltonian().describe() + ", L = "
                + builder.resolvedOutputs() + ", method " + options.method);
        if (explain) {
            out.println("settings derived from the problem (an option given on the command line wins):");
            builder.explain().forEach(line -> out.println("  " + line));
            out.flush();
            return 0;
        }
        StopCondition budget = timeBudget == null ? null : StopCondition.timeBudget(timeBudget);
        if (checkpointEvery != null && checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be at least 0, got " + checkpointEvery);
        }
        Path dir = resume != null ? resume : runDirectory(problem, builder.resolvedOutputs());
        if (resume != null) builder.resumeFrom(dir);
        else builder.writeTo(dir); // before the reference: a bad --out fails at once
        SolveReference reference = builder.reference();
        SolveConfig config = builder.config();
        Checkpoint checkpoint = builder.checkpoint();
        say(out, String.format(Locale.ROOT, "reference: %s%s; evaluation on %s%s", reference.kind(),
                reference.fdDescription() == null ? "" : " (finite differences: " + reference.fdDescription() + ")",
                reference.quadrature(), builder.centre() == null ? "" : "; boxes and points in y = x − c, c = ("
                        + StatesCentre.format(builder.centre()) + ")"));
        say(out, String.format(Locale.ROOT, "T = %.6g·(−H) + %.6g; method %s, %s, B = %d, %s%d steps, %s lr %.3g, %s",
                config.operatorScale(), config.operatorShift(), methodLabel(config), config.precision(), config.batch(),
                config.convergence() == null ? "" : "until converged, at most ", config.steps(), config.optimizer(),
                config.learningRate(), config.device()));
        if (config.guard() > 0) {
            say(out, "training " + config.trainedOutputs() + " functions: the " + config.outputs() + " reported and "
                    + config.guard() + " guard function(s) after them (not reported)");
        }
        reference.notes().forEach(n -> say(out, "note: " + n));
        if (resume == null) builder.explain().forEach(line -> say(out, "  " + line));
        if (configFile != null) {
            AtomicFiles.writeText(Files.readString(configFile), dir.resolve("experiment.yaml"));
        }
        if (checkpoint != null) {
            say(out, "resuming " + dir + " at step " + checkpoint.step());
        }

        boolean verbose = Main.verbose(spec);
        AtomicBoolean stop = new AtomicBoolean();
        Progress progress = new Progress(out, System.console() != null, quiet, config.steps());
        try (Interrupts interrupts = Interrupts.install(stop, spec.commandLine().getErr())) {
            NeuralSolver.Result result = builder.checkpointEvery(checkpointEvery).figures(false)
                    .stopWhen(budget == null ? stop::get : StopCondition.any(stop::get, budget))
                    .solve(new NeuralSolver.Observer() {
                        @Override
                        public void onStep(Trainer.StepRecord step, double[] energies) {
                            progress.update(step.step(), step.seconds(), step.loss(), energies);
                        }

                        @Override
                        public void onEvaluation(NeuralSolver.Evaluation e) {
                            MetricReport m = e.metrics();
                            progress.message(String.format(Locale.ROOT, "  eval @ %d (%.0f s): %s%s", e.step(),
                                    e.seconds(), reference.hasEnergies() ? String.format(Locale.ROOT,
                                            "mean rel. eigenvalue error %.3e", e.meanRelativeError())
                                            : "E" + Progress.values(e.rayleigh()),
                                    m == null ? "" : String.format(Locale.ROOT,
                                            ", subspace distance (all) %.3e", m.subspaceDistanceAll())));
                            if (verbose && e.evaluatedOn() != reference) {
                                progress.message("  evaluated on " + e.evaluatedOn().quadrature());
                            }
                            if (verbose) {
                                progress.message(Progress.detail("E", e.rayleigh(),
                                        NeuralSolver.reported(problem, reference.energies()), e.relErrors()));
                            }
                        }
                    });
            if (result.outcome().stopReason() != null) {
                out.println((result.outcome().completed() ? "" : "stopped early: ") + result.outcome().stopReason());
            }
            if (result.refinement() != null) say(out, "note: " + result.refinement().note());
            printTable(out, problem, reference, result);
            if (!noFigures) {
                RunFigures.afterRun(dir, out, spec.commandLine().getErr(), quiet);
            }
            out.println("run directory: " + dir);
            if (stop.get()) {
                return Interrupts.INTERRUPTED;
            }
            boolean budgetSpent = budget != null && budget.getAsBoolean();
            return result.outcome().completed() || budgetSpent ? 0 : Main.RUN_ERROR;
        }
    }

    /** The method name, with SpIN's decay. */
    private static String methodLabel(SolveConfig config) {
        org.opsvd.solver.loss.Method m = config.method();
        return m == org.opsvd.solver.loss.Method.SPIN
                ? String.format(Locale.ROOT, "%s (decay %.3g)", m, config.spinDecay()) : m.toString();
    }

    private void say(PrintWriter out, String s) {
        if (!quiet) {
            out.println(s);
            out.flush();
        }
    }

    private Path runDirectory(Problem problem, int outputs) {
        if (this.out != null) {
            return this.out;
        }
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", problem.name() + "-" + problem.dimension() + "d-L" + outputs + "-" + time);
    }

    /** An error for the table: "-" where there is nothing to compare with. */
    private static String error(double e) {
        return Double.isNaN(e) ? "-" : String.format(Locale.ROOT, "%.3e", e);
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
            out.printf(Locale.ROOT, "%4d  %16.10f  %16s  %16s  %16s  %10s  %10s%n", l, e.rayleigh()[l],
                    e.normEnergies() == null ? "-" : String.format(Locale.ROOT, "%.10f", e.normEnergies()[l]), exact == null ? "-" : String.format(Locale.ROOT, "%.10f", exact[l]),
                    fd == null || l >= fd.length ? "-" : String.format(Locale.ROOT, "%.10f", fd[l]), error(e.relErrors()[l]),
                    error(e.absErrors()[l]));
        }
        out.println();
        if (reference.hasEnergies()) {
            out.printf(Locale.ROOT, "mean relative eigenvalue error %.3e, mean absolute %.3e (vs %s), ",
                    e.meanRelativeError(), e.meanAbsoluteError(), reference.kind());
        } else {
            out.print("no reference (--reference none or none available), ");
        }
        out.printf(Locale.ROOT, "%d steps in %.1f s, peak RSS %d MB%n", result.outcome().steps(),
                result.outcome().seconds(), PeakMemory.residentMegabytes());
        if (e.spectral() != null && e.intervals() != null) {
            out.println();
            out.printf(Locale.ROOT, "%4s  %16s  %10s  %10s  %10s  %35s%n", "l", "Ritz E", "std. err.", "residual",
                    "std. err.", "interval (" + Math.round(1000 * EigenvalueInterval.confidence(
                            EigenvalueInterval.DEFAULT_Z)) / 10.0 + " %)");
            double[] ritz = NeuralSolver.reported(problem, e.spectral().ritzValues().stream()
                    .mapToDouble(org.opsvd.solver.eval.Estimate::value).toArray());
            for (int l = 0; l < ritz.length; l++) {
                var r = e.spectral().residualNorm(l);
                var i = e.intervals().get(l);
                out.printf(Locale.ROOT, "%4d  %16.10f  %10.3e  %10.3e  %10.3e  [%15.10f, %15.10f] %s%n", l, ritz[l],
                        e.spectral().ritzValue(l).standardError(), r.value(), r.standardError(), i.lower(), i.upper(),
                        i.lowerBound() == EigenvalueInterval.LowerBound.LEHMANN ? "L" : "W");
            }
        }
        MetricReport m = e.metrics();
        if (m != null) {
            out.printf(Locale.ROOT, "angle distance %.3e, subspace distance avg %.3e / all %.3e, orthogonality %.3e"
                            + " (mean square %.1e) (%d modes in complete shells)%n", m.meanAngle(),
                    m.meanGroupSubspaceDistance(), m.subspaceDistanceAll(), m.orthogonality().frobenius(),
                    m.orthogonality().meanSquare(), reference.comparable());
        }
    }
}
