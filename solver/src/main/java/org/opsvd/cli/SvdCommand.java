package org.opsvd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.opsvd.operators.dynamics.ImpliedTimescales;
import org.opsvd.operators.dynamics.LaggedPairs;
import org.opsvd.operators.kernels.ClassPairs;
import org.opsvd.operators.kernels.KernelOperator;
import org.opsvd.operators.kernels.KernelRequest;
import org.opsvd.operators.kernels.SvdData;
import org.opsvd.operators.kernels.SvdProblem;
import org.opsvd.solver.SvdBuilder;
import org.opsvd.solver.classical.NystromSolver;
import org.opsvd.solver.classical.NystromSvd;
import org.opsvd.solver.eval.Retrieval;
import org.opsvd.solver.eval.RetrievalReport;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.plot.TimescaleFigure;
import org.opsvd.solver.run.AtomicFiles;
import org.opsvd.solver.run.OutputPaths;
import org.opsvd.solver.run.PeakMemory;
import org.opsvd.solver.run.RunFigures;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.OptimizerSpec;
import org.opsvd.solver.train.PeakMemoryEstimate;
import org.opsvd.solver.train.Progress;
import org.opsvd.solver.train.SessionOptions;
import org.opsvd.solver.train.SvdConfig;
import org.opsvd.solver.train.SvdDefaults;
import org.opsvd.solver.train.SvdSolver;
import org.opsvd.solver.train.SvdTrainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code opsvd svd}: learn the top L singular pairs (f_l, g_l) of a general operator with NeuralSVD —
 * integral operators with a kernel, or the dependence kernel of paired data — and compare with the exact
 * singular system when one is known.
 */
@Command(name = "svd", sortOptions = false,
        description = "Learn the top L singular functions of an integral or dependence operator with NeuralSVD.",
        footer = {"", "Examples:",
            "  opsvd svd --operator volterra --L 8",
            "  opsvd svd --operator gaussian-cdk --rho 0.6 --L 6",
            "  opsvd svd --operator gauss-kernel --L 6 --nystrom 250,500,1000,2000",
            "  opsvd svd --operator volterra --L 8 --nystrom 250,500,1000,2000",
            "  opsvd svd --kernel \"exp(-abs(x-y))\" --measure uniform:-1:1 --L 4",
            "  opsvd svd --operator class-pairs --L 16 --retrieval",
            "  opsvd svd --pairs x.npy --pairs y.npy --L 8",
            "  opsvd svd --trajectory traj.npy --dt 0.01 --lag 0.5 --L 4"})
final class SvdCommand implements Callable<Integer>, BatchCommand {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--operator", paramLabel = "NAME",
                description = "volterra, gauss-kernel, gaussian-cdk (paired Gaussian, correlation --rho) or class-pairs "
                        + "(synthetic paired data with classes).")
        String name;

        @Option(names = "--kernel", paramLabel = "EXPR", description = "Kernel k(x,y) in x, y (1D) or x1..xd, y1..yd.")
        String kernel;

        @Option(names = "--pairs", paramLabel = "FILE", arity = "1..*",
                description = "Paired data: one CSV/NPY with x and y columns (--split), or two files (x then y).")
        List<Path> pairs;

        @Option(names = "--trajectory", paramLabel = "FILE", arity = "1..*",
                description = "Trajectories (CSV/NPY [n, d], or NPY [M, n, d] as written by opsvd simulate): learn the "
                        + "lag-τ transfer operator from the pairs (x_t, x_{t+τ}); needs --dt and --lag.")
        List<Path> trajectory;
    }

    @Option(names = "--dt", paramLabel = "H", description = "--trajectory: time between frames.")
    Double frameInterval;

    @Option(names = "--lag", paramLabel = "TAU", split = ",",
            description = "--trajectory: lag τ, a multiple of --dt; several (τ1,τ2,…) train once per lag into DIR/lag-τ "
                    + "and draw DIR/implied_timescales.png (t_k against τ) with DIR/implied_timescales.csv.")
    List<Double> lags;

    @Option(names = "--measure", paramLabel = "M",
            description = "--kernel: sampling measure of x and y, uniform:LO:HI or gaussian:SIGMA (default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--split", paramLabel = "K", description = "--pairs with one file: the first K columns are x.")
    Integer split;

    @Option(names = "--dim", paramLabel = "D", description = "Dimension of x and y (default: ${DEFAULT-VALUE}; class-pairs: 8).")
    int dimension;

    @Option(names = "--rho", paramLabel = "R", description = "gaussian-cdk: correlation (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--length-scale", paramLabel = "ELL", description = "gauss-kernel: ℓ (default: ${DEFAULT-VALUE}).")
    double lengthScale;

    @Option(names = "--sigma", paramLabel = "S", description = "gauss-kernel: std of the Gaussian measure (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--classes", paramLabel = "C", description = "class-pairs: classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--sampling", paramLabel = "stratified|iid",
            description = "Known measures: Latin hypercube (stratified) or independent draws (default: ${DEFAULT-VALUE}).")
    String sampling;

    @Option(names = "--L", paramLabel = "L", description = "Singular pairs to learn (default: ${DEFAULT-VALUE}).")
    int outputs;

    @Option(names = "--guard", paramLabel = "G",
            description = "Guard pairs learned after the L wanted ones and not reported (default: 0, see "
                    + "benchmarks/RESULTS.md, \"Guard modes\").")
    Integer guard;

    @Option(names = "--mode-balance", paramLabel = "P",
            description = "Weight pair l's share of each step by (σ_1/σ_l)^P, so the last pairs are not left to the "
                    + "leading ones' features (0: the plain nested loss; default: ${DEFAULT-VALUE}).")
    double modeBalance;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", paramLabel = "B", description = "Samples of x and of y per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "adam or rmsprop (default: ${DEFAULT-VALUE}).")
    OptimizerSpec.Kind optimizer;

    @Option(names = "--constant-lr", description = "Keep the learning rate constant (default: cosine annealing to 0).")
    boolean constantLearningRate;

    @Option(names = "--ema", paramLabel = "DECAY", description = "Parameter moving average (default: ${DEFAULT-VALUE}).")
    double ema;

    @Option(names = "--nesting", paramLabel = "seq|jnt", description = "Nesting: sequential (seq) or joint (jnt) (default: ${DEFAULT-VALUE}).")
    Nesting nesting;

    @Option(names = "--precision", paramLabel = "P", description = "float32 or float64 (default: ${DEFAULT-VALUE}).")
    Precision precision;

    @Option(names = "--device", paramLabel = "cpu|gpu", description = "Compute device (default: ${DEFAULT-VALUE}).")
    SessionOptions.Device device;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "Hidden widths of each network (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--network", paramLabel = "shared|disjoint", description = "Parametrisation: one shared MLP for f (and one for g) or one per singular function (default: ${DEFAULT-VALUE}).")
    Parametrisation parametrisation;

    @Option(names = "--fourier", paramLabel = "M", description = "Random Fourier frequencies (default: ${DEFAULT-VALUE}).")
    int fourier;

    @Option(names = "--fourier-scale", paramLabel = "S", description = "Fourier scale σ (default: ${DEFAULT-VALUE}).")
    double fourierScale;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-points", paramLabel = "N", description = "Quadrature points per side (default: ${DEFAULT-VALUE}).")
    int evalPoints;

    @Option(names = "--eval-every", paramLabel = "N", description = "Evaluate every N steps (default: steps/10).")
    Integer evalEvery;

    @Option(names = "--nystrom", split = ",", paramLabel = "N", description = "Kernel operators: also run Nyström with these sample sizes and print a comparison table "
                    + "(self-adjoint kernels: eigendecomposition of the n×n kernel matrix; others: SVD of the n×n "
                    + "matrix k(x_i, y_j) with x ~ rho0, y ~ rho1).")
    List<Integer> nystrom;

    @Option(names = "--retrieval", description = "class-pairs: evaluate retrieval (P@100, mAP) with the first and last d modes.")
    boolean retrieval;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/svd-NAME-LL-TIME).")
    Path out;

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Option(names = "--no-figures", description = "Do not draw DIR/figures/*.png (error and loss curves) at the end.")
    boolean noFigures;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Write DIR/checkpoint.bin every N steps and at exit (default: as --eval-every; 0 = only at exit).")
    Integer checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its checkpoint, bit for bit (give the same options as before).")
    Path resume;

    /**
     * The defaults shown in {@code --help} and applied to unset options: {@link SvdDefaults} and the catalog's
     * ({@link KernelRequest#named}), written as on the command line.
     */
    static Map<String, String> defaults() {
        KernelRequest k = KernelRequest.named("volterra");
        Map<String, String> d = new HashMap<>();
        d.put("--measure", k.measure());
        d.put("--dim", Integer.toString(k.dimension()));
        d.put("--rho", Double.toString(k.rho()));
        d.put("--length-scale", Double.toString(k.lengthScale()));
        d.put("--sigma", Double.toString(k.sigma()));
        d.put("--classes", Integer.toString(k.classes()));
        d.put("--sampling", k.stratified() ? "stratified" : "iid");
        d.put("--L", Integer.toString(SvdDefaults.OUTPUTS));
        d.put("--steps", Integer.toString(SvdDefaults.STEPS));
        d.put("--mode-balance", Double.toString(SvdDefaults.MODE_BALANCE));
        d.put("--batch", Integer.toString(SvdDefaults.BATCH));
        d.put("--lr", Double.toString(SvdDefaults.LEARNING_RATE));
        d.put("--optimizer", SvdDefaults.OPTIMIZER.toString());
        d.put("--ema", Double.toString(SvdDefaults.EMA_DECAY));
        d.put("--nesting", SvdDefaults.NESTING.toString());
        d.put("--precision", SvdDefaults.PRECISION.toString());
        d.put("--device", SvdDefaults.DEVICE.toString());
        d.put("--hidden", SvdDefaults.HIDDEN.stream().map(String::valueOf).collect(Collectors.joining(",")));
        d.put("--activation", SvdDefaults.ACTIVATION.toString());
        d.put("--network", SvdDefaults.PARAMETRISATION.toString());
        d.put("--fourier", Integer.toString(SvdDefaults.FOURIER_FEATURES));
        d.put("--fourier-scale", Double.toString(SvdDefaults.FOURIER_SCALE));
        d.put("--seed", Long.toString(SvdDefaults.SEED));
        d.put("--eval-points", Integer.toString(SvdDefaults.EVAL_POINTS));
        return d;
    }

    /** The request these options describe. */
    KernelRequest request() {
        boolean stratified = switch (sampling) {
            case "stratified" -> true;
            case "iid" -> false;
            default -> throw new IllegalArgumentException("--sampling '" + sampling + "': expected stratified or iid");
        };
        return new KernelRequest(source.name, source.kernel, source.pairs, split, measure, dimension, rho,
                lengthScale, sigma, classes, stratified);
    }

    /** The lagged pairs of {@code --trajectory}, one per lag, or null (refusing --dt and --lag without it). */
    private List<LaggedPairs> laggedPairs() {
        if (source.trajectory == null) {
            if (frameInterval != null || lags != null) {
                throw new IllegalArgumentException((lags != null ? "--lag" : "--dt") + " applies to --trajectory only");
            }
            return null;
        }
        if (frameInterval == null || lags == null) {
            throw new IllegalArgumentException("--trajectory needs " + (frameInterval == null ? "--dt (the time between "
                    + "frames)" : "--lag (the lag τ, a multiple of --dt)"));
        }
        if (lags.size() > 1 && resume != null) {
            throw new IllegalArgumentException("--resume continues one run: give one --lag");
        }
        if (lags.stream().distinct().count() < lags.size()) {
            throw new IllegalArgumentException("--lag " + lags + " lists a lag twice");
        }
        LaggedPairs first = LaggedPairs.read(source.trajectory, frameInterval, lags.get(0));
        List<LaggedPairs> all = new ArrayList<>(List.of(first));
        for (double lag : lags.subList(1, lags.size())) all.add(first.atLag(lag));
        return all;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<LaggedPairs> lagged = laggedPairs();
        if (lagged == null || lagged.size() == 1) {
            return solve(lagged == null ? null : lagged.get(0), null, out).status();
        }
        return lagSweep(lagged, out);
    }

    /** One run's evaluation and exit status. */
    private record Run(SvdSolver.Evaluation evaluation, int status) {
    }

    /**
     * One training per lag into DIR/lag-τ (each a complete run directory), then t_k against τ in
     * DIR/implied_timescales.csv and .png. Every lag is checked (against the trajectories) before the first run.
     */
    private int lagSweep(List<LaggedPairs> lagged, PrintWriter out) throws Exception {
        Path top = this.out != null ? this.out : Path.of("runs", "svd-trajectory-lags-L" + outputs + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        OutputPaths.requireNewRunDirectory(top, "--out");
        for (LaggedPairs pairs : lagged) {
            if (outputs >= pairs.size()) {
                throw new IllegalArgumentException("--L " + outputs + " needs more than the " + pairs.size()
                        + " lagged pairs at --lag " + pairs.lag());
            }
        }
        List<Run> runs = new ArrayList<>();
        for (LaggedPairs pairs : lagged) {
            Run run = solve(pairs, top.resolve("lag-" + pairs.lag()), out);
            if (run.status() != 0) return run.status();
            runs.add(run);
        }
        double[] taus = lagged.stream().mapToDouble(LaggedPairs::lag).toArray();
        List<double[]> t = new ArrayList<>();
        List<double[]> ritz = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SvdSolver.Evaluation e = runs.get(i).evaluation();
            t.add(ImpliedTimescales.of(e.singularValues(), taus[i]));
            ritz.add(e.ritzValues() == null ? null : ImpliedTimescales.of(e.ritzValues(), taus[i]));
        }
        AtomicFiles.writeText(TimescaleFigure.csv(taus, t, ritz), top.resolve("implied_timescales.csv"));
        AtomicFiles.writeBytes(TimescaleFigure.png(taus, t, ritz), top.resolve("implied_timescales.png"));
        out.println();
        out.printf(Locale.ROOT, "%10s  %s%n", "τ", "t_1 … t_L (from the Ritz σ where known)");
        for (int i = 0; i < taus.length; i++) {
            double[] row = ritz.get(i) != null ? ritz.get(i) : t.get(i);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%10s ", taus[i]));
            for (double v : row) line.append(String.format(Locale.ROOT, " %10.4g", v));
            out.println(line);
        }
        out.println("implied timescales against τ: " + top.resolve("implied_timescales.png"));
        return 0;
    }

    /** One run of a sweep: one lag at most, tables of --nystrom and --retrieval added to summary.json silently. */
    @Override
    public Outcome runInto(Path runDir, boolean resume, int seed, Integer steps, String experimentYaml,
                           BooleanSupplier stop) throws IOException {
        this.seed = seed;
        if (steps != null) this.steps = steps;
        LaggedPairs lagged = onlyLag();
        SvdBuilder builder = builder(lagged).figures(!noFigures).stopWhen(stop);
        if (resume) builder.resumeFrom(runDir);
        else builder.writeTo(runDir);
        AtomicFiles.writeText(experimentYaml, runDir.resolve("experiment.yaml"));
        SvdSolver.Result result = builder.solve();
        addTables(builder, lagged, result, runDir, new PrintWriter(Writer.nullWriter()));
        return new Outcome(result.outcome().completed() ? null : result.outcome().stopReason(),
                String.format(Locale.ROOT, "mean relative singular-value error %.3e after %d steps",
                        result.evaluation().meanRelativeError(), result.outcome().steps()));
    }

    @Override
    public PeakMemoryEstimate memory(int seed) {
        this.seed = seed;
        return PeakMemoryEstimate.of(builder(onlyLag()).config());
    }

    @Override
    public void requireOneRun() {
        if (lags != null && lags.size() > 1) {
            throw new IllegalArgumentException("--lag " + lags.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + " trains once per lag: a run of a sweep trains one, so vary "
                    + "the lag over the grid instead (grid: {lag: [...]}, or --grid lag=T1,T2)");
        }
    }

    /** The lagged pairs of the one --lag, or null without --trajectory. */
    private LaggedPairs onlyLag() {
        requireOneRun();
        List<LaggedPairs> lagged = laggedPairs();
        return lagged == null ? null : lagged.get(0);
    }

    /**
     * The builder of one run with these options: of {@code lagged} when given, else of the request; its settings,
     * --retrieval and --nystrom checked.
     */
    private SvdBuilder builder(LaggedPairs lagged) {
        SvdBuilder builder = (lagged != null ? SvdBuilder.of(lagged.problem(outputs, evalPoints, seed))
                : SvdBuilder.of(request())).outputs(outputs).guard(guard).modeBalance(modeBalance).steps(steps)
                .batch(batch).learningRate(learningRate).optimizer(optimizer).cosineSchedule(!constantLearningRate).emaDecay(ema)
                .nesting(nesting).precision(precision).device(device).hidden(hidden).activation(activation)
                .parametrisation(parametrisation).fourier(fourier, fourierScale).seed(seed).evalPoints(evalPoints)
                .evalEvery(evalEvery).checkpointEvery(checkpointEvery);
        builder.config(); // the settings' checks
        if (retrieval && !"class-pairs".equals(source.name)) {
            throw new IllegalArgumentException("--retrieval needs labelled paired data: use --operator class-pairs");
        }
        if (nystrom != null) {
            requireNystromSource(builder.problem());
        }
        return builder;
    }

    /**
     * Adds the tables of --nystrom and --retrieval and the lag's implied timescales to the run's summary.json (the
     * tables printed to {@code out}).
     */
    private void addTables(SvdBuilder builder, LaggedPairs lagged, SvdSolver.Result result, Path dir, PrintWriter out)
            throws IOException {
        if (nystrom == null && !retrieval && lagged == null) return;
        Map<String, Object> summary = builder.summary();
        if (nystrom != null) summary.put("nystrom", nystromTable(out, builder.problem(), result));
        if (retrieval) summary.put("retrieval", retrievalTable(out, builder.problem(), result));
        if (lagged != null) summary.putAll(timescales(lagged.lag(), result.evaluation()));
        AtomicFiles.writeJson(summary, dir.resolve("summary.json"));
    }

    /** One solve: of {@code lagged} when given (into {@code runDir}, else the default), else of the request. */
    private Run solve(LaggedPairs lagged, Path runDir, PrintWriter out) throws Exception {
        SvdBuilder builder = builder(lagged).figures(false);
        SvdConfig config = builder.config();
        SvdProblem problem = builder.problem();
        Path dir = runDir != null ? runDir : resume != null ? resume : this.out != null ? this.out : Path.of("runs", "svd-" + problem.name() + "-L"
                + outputs + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (resume != null) builder.resumeFrom(dir);
        else builder.writeTo(dir);
        Checkpoint checkpoint = builder.checkpoint();
        if (!quiet) {
            out.println("opsvd svd: " + problem.data().describe() + ", L = " + outputs
                    + (problem.constantMode() ? " (after the constant mode)" : ""));
            out.printf(Locale.ROOT, "%s nesting, %s, B = %d, %d steps, %s lr %.3g%n", nesting, precision, batch, steps,
                    optimizer, learningRate);
            out.println(config.guard() > 0 ? "training " + config.trainedOutputs() + " pairs: the " + outputs
                    + " reported and " + config.guard() + " guard pair(s) after them (not reported)"
                    : "guard pairs: 0 (" + (guard == null ? SvdDefaults.GUARD_RULE : "given") + ")");
            if (checkpoint != null) out.println("resuming " + dir + " at step " + checkpoint.step());
        }
        Progress progress = new Progress(out, System.console() != null, quiet, steps, "σ");
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        SvdSolver.Result result;
        try (Interrupts interrupts = Interrupts.install(stop, spec.commandLine().getErr())) {
            result = builder.stopWhen(stop::get).solve(new SvdSolver.Observer() {
                @Override
                public void onStep(SvdTrainer.StepRecord s) {
                    progress.update(s.step(), s.seconds(), s.loss(), s.singularValues());
                }

                @Override
                public void onEvaluation(SvdSolver.Evaluation e) {
                    if (e.left() != null) {
                        progress.message(String.format(Locale.ROOT, "  eval @ %d (%.0f s): mean rel. singular-value error %.3e, "
                                        + "subspace distance (all) left %.3e / right %.3e", e.step(), e.seconds(),
                                e.meanRelativeError(), e.left().subspaceDistanceAll(), e.right().subspaceDistanceAll()));
                    }
                    if (Main.verbose(spec)) {
                        progress.message(Progress.detail("σ", e.singularValues(), e.exact(), e.relErrors()));
                        if (e.ritzValues() != null) {
                            progress.message(Progress.detail("Ritz σ", e.ritzValues(), e.exact(), e.ritzErrors()));
                        }
                    }
                }
            });
        }
        addTables(builder, lagged, result, dir, out);
        printTable(out, result);
        if (lagged != null) printTimescales(out, lagged.lag(), result.evaluation());
        if (!noFigures) {
            RunFigures.afterRun(dir, out, spec.commandLine().getErr(), quiet);
        }
        out.println("run directory: " + dir);
        if (stop.get()) {
            return new Run(result.evaluation(), Interrupts.INTERRUPTED);
        }
        return new Run(result.evaluation(), result.outcome().completed() ? 0 : Main.RUN_ERROR);
    }

    /**
     * The summary's entries of a transfer operator: the lag, {@code implied_timescales} t_k = −τ/ln σ_k of
     * {@code singular_values} and {@code ritz_implied_timescales} of the Ritz values (null where σ_k ∉ (0, 1)).
     * Mode k = 1 … L; the constant mode σ_0 = 1 (t_0 = ∞) is fixed, not learned, and not listed.
     */
    private static Map<String, Object> timescales(double lag, SvdSolver.Evaluation e) {
        Map<String, Object> m = new HashMap<>();
        m.put("lag", lag);
        m.put("implied_timescales", finiteOrNull(ImpliedTimescales.of(e.singularValues(), lag)));
        m.put("ritz_implied_timescales", e.ritzValues() == null ? null
                : finiteOrNull(ImpliedTimescales.of(e.ritzValues(), lag)));
        return m;
    }

    private static List<Double> finiteOrNull(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) out.add(Double.isFinite(x) ? x : null);
        return out;
    }

    private static void printTimescales(PrintWriter out, double lag, SvdSolver.Evaluation e) {
        double[] t = ImpliedTimescales.of(e.singularValues(), lag);
        double[] ritz = e.ritzValues() == null ? null : ImpliedTimescales.of(e.ritzValues(), lag);
        out.println();
        out.printf(Locale.ROOT, "implied timescales t_k = -τ/ln σ_k at τ = %s (k = 0: the constant mode, σ = 1, t = ∞)%n",
                lag);
        out.printf(Locale.ROOT, "%4s  %16s  %16s%n", "k", "t_k (‖f‖‖g‖)", "t_k (Ritz σ)");
        for (int l = 0; l < t.length; l++) {
            out.printf(Locale.ROOT, "%4d  %16.6g  %16s%n", l + 1, t[l],
                    ritz == null ? "-" : String.format(Locale.ROOT, "%.6g", ritz[l]));
        }
    }

    private static void printTable(PrintWriter out, SvdSolver.Result r) {
        SvdSolver.Evaluation e = r.evaluation();
        out.println();
        out.printf(Locale.ROOT, "%4s  %16s  %10s  %16s  %10s  %16s%n", "l", "‖f‖‖g‖", "rel. error", "Ritz σ",
                "rel. error", "exact σ");
        for (int l = 0; l < e.singularValues().length; l++) {
            out.printf(Locale.ROOT, "%4d  %16.10f  %10s  %16s  %10s  %16s%n", l, e.singularValues()[l],
                    e.relErrors() == null ? "-" : String.format(Locale.ROOT, "%.3e", e.relErrors()[l]),
                    e.ritzValues() == null ? "-" : String.format(Locale.ROOT, "%.10f", e.ritzValues()[l]),
                    e.ritzErrors() == null ? "-" : String.format(Locale.ROOT, "%.3e", e.ritzErrors()[l]),
                    e.exact() == null ? "-" : String.format(Locale.ROOT, "%.10f", e.exact()[l]));
        }
        out.println();
        out.printf(Locale.ROOT, "%d steps in %.1f s, peak RSS %d MB%n", r.outcome().steps(), r.outcome().seconds(),
                PeakMemory.residentMegabytes());
        if (e.left() != null) {
            out.printf(Locale.ROOT, "mean relative singular-value error %.3e (Ritz %.3e); subspace distance (all) left %.3e, "
                            + "right %.3e; angle left %.3e, right %.3e%n", e.meanRelativeError(), e.meanRitzError(),
                    e.left().subspaceDistanceAll(), e.right().subspaceDistanceAll(), e.left().meanAngle(),
                    e.right().meanAngle());
        }
        if (!r.outcome().completed()) {
            out.println("stopped early: " + r.outcome().stopReason());
        }
    }

    /**
     * The kernel operator of {@code --nystrom}, checked before training: a kernel (not paired data) and sample
     * sizes n ≥ L.
     */
    private KernelOperator requireNystromSource(SvdProblem problem) {
        if (!(problem.data() instanceof SvdData.Kernel kd)) {
            throw new IllegalArgumentException("--nystrom needs a kernel operator (volterra, gauss-kernel or --kernel), "
                    + "not paired data");
        }
        for (int n : nystrom) {
            if (n < outputs) {
                throw new IllegalArgumentException("--nystrom " + n + ": each sample size n must be at least --L "
                        + outputs + " (1 <= L <= n)");
            }
        }
        return kd.operator();
    }

    /**
     * Nyström at each sample size n next to NeuralSVD: singular-value error and memory. Self-adjoint kernels use
     * the eigen form ({@link NystromSolver}, n points); the others the SVD form ({@link NystromSvd}, n points
     * from each of ρ₀ and ρ₁). Both hold an n×n kernel matrix.
     */
    private List<Map<String, Object>> nystromTable(PrintWriter out, SvdProblem problem, SvdSolver.Result r) {
        KernelOperator operator = requireNystromSource(problem);
        boolean eigen = operator.selfAdjoint();
        double[] exact = r.evaluation().exact();
        List<Map<String, Object>> rows = new ArrayList<>();
        out.println();
        out.printf(Locale.ROOT, "%-22s  %10s  %12s  %10s%n", "method", "samples", "memory (MB)", "mean rel. error");
        for (int n : nystrom) {
            double[] sigma;
            long bytes;
            double seconds;
            if (eigen) {
                NystromSolver.Result ny = NystromSolver.solve(operator, n, outputs, seed);
                sigma = ny.eigenvalues();
                bytes = ny.memoryBytes();
                seconds = ny.seconds();
            } else {
                NystromSvd.Result ny = NystromSvd.solve(operator, n, n, outputs, seed);
                sigma = ny.singularValues();
                bytes = ny.memoryBytes();
                seconds = ny.seconds();
            }
            double err = exact == null ? Double.NaN : meanRelative(sigma, exact);
            String method = eigen ? "Nyström" : "Nyström (SVD form)";
            out.printf(Locale.ROOT, "%-22s  %10d  %12.1f  %10.3e%n", method, n, bytes / 1e6, err);
            rows.add(Map.of("method", eigen ? "nystrom" : "nystrom-svd", "samples", n, "memory_mb", bytes / 1e6,
                    "rel_error", err, "seconds", seconds));
        }
        long params = 0;
        for (var p : r.leftNetwork().parameters()) params += p.size();
        for (var p : r.rightNetwork().parameters()) params += p.size();
        double mb = params * 4.0 * 4 / 1e6; // parameters, two optimiser slots, moving average (float32)
        int samples = r.outcome().steps() * batch;
        out.printf(Locale.ROOT, "%-22s  %10d  %12.1f  %10.3e%n", "NeuralSVD (" + params + " params)", samples, mb,
                r.evaluation().meanRelativeError());
        rows.add(Map.of("method", "neuralsvd", "samples", samples, "memory_mb", mb,
                "rel_error", r.evaluation().meanRelativeError(), "seconds", r.outcome().seconds()));
        return rows;
    }

    private static double meanRelative(double[] a, double[] b) {
        double s = 0;
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) s += Math.abs(a[i] - b[i]) / Math.abs(b[i]);
        return s / n;
    }

    /** The first L columns of row-major network values with {@code columns} = L + G outputs (the guards dropped). */
    private double[] leading(double[] values, int columns) {
        int n = values.length / columns;
        return columns == outputs ? values
                : org.ejml.dense.row.CommonOps_DDRM.extract(org.ejml.data.DMatrixRMaj.wrap(n, columns, values), 0, n, 0,
                        outputs).data;
    }

    /** Retrieval of test y's by test x's with the first and last d learned modes (inner product). */
    private List<Map<String, Object>> retrievalTable(PrintWriter out, SvdProblem problem, SvdSolver.Result r) {
        ClassPairs classPairs = problem.labels();
        ClassPairs.Labelled qx = classPairs.xs(1000, seed + 11);
        ClassPairs.Labelled gy = classPairs.ys(1000, seed + 12);
        double[] fq;
        double[] gg;
        try (NetworkEvaluator<?> fe = NetworkEvaluator.float64(r.leftNetwork(), false);
             NetworkEvaluator<?> ge = NetworkEvaluator.float64(r.rightNetwork(), false)) {
            fq = leading(fe.values(r.left(), qx.points()).values(), r.leftNetwork().outputs());
            gg = leading(ge.values(r.right(), gy.points()).values(), r.rightNetwork().outputs());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        out.println();
        out.printf(Locale.ROOT, "%6s  %14s  %14s  %14s  %14s   (chance %.3f)%n", "d", "P@100 first-d", "mAP first-d",
                "P@100 last-d", "mAP last-d", 1.0 / classes);
        for (int d = 1; d <= outputs; d *= 2) {
            RetrievalReport first = Retrieval.evaluate(fq, gg, outputs, qx.labels(), gy.labels(), Retrieval.Modes.first(d), 100);
            RetrievalReport last = Retrieval.evaluate(fq, gg, outputs, qx.labels(), gy.labels(), Retrieval.Modes.last(d), 100);
            out.printf(Locale.ROOT, "%6d  %14.3f  %14.3f  %14.3f  %14.3f%n", d, first.precisionAtK(),
                    first.meanAveragePrecision(), last.precisionAtK(), last.meanAveragePrecision());
            rows.add(Map.of("modes", d, "precision_at_100_first", first.precisionAtK(), "map_first",
                    first.meanAveragePrecision(), "precision_at_100_last", last.precisionAtK(), "map_last",
                    last.meanAveragePrecision()));
        }
        return rows;
    }
}
