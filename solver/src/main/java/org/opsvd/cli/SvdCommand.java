package org.opsvd.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opsvd.operators.kernels.ExpressionKernel;
import org.opsvd.operators.kernels.GaussianDependence;
import org.opsvd.operators.kernels.GaussianKernelOperator;
import org.opsvd.operators.kernels.KernelOperator;
import org.opsvd.operators.kernels.Measure;
import org.opsvd.operators.kernels.PairedData;
import org.opsvd.operators.kernels.VolterraOperator;
import org.opsvd.solver.classical.NystromSolver;
import org.opsvd.solver.classical.NystromSvd;
import org.opsvd.solver.eval.ClassPairs;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.eval.Retrieval;
import org.opsvd.solver.eval.RetrievalReport;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.SvdConfig;
import org.opsvd.solver.train.SvdData;
import org.opsvd.solver.train.SvdProblem;
import org.opsvd.solver.train.SvdSolver;
import org.opsvd.solver.train.SvdTrainer;
import org.opsvd.solver.train.Progress;
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
            "  opsvd svd --pairs x.npy --pairs y.npy --L 8"})
final class SvdCommand implements Callable<Integer> {

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

        @Option(names = "--pairs", paramLabel = "FILE", arity = "1..2",
                description = "Paired data: one CSV/NPY with x and y columns (--split), or two files (x then y).")
        List<Path> pairs;
    }

    @Option(names = "--measure", paramLabel = "M", defaultValue = "gaussian:1",
            description = "--kernel: sampling measure of x and y, uniform:LO:HI or gaussian:SIGMA (default: ${DEFAULT-VALUE}).")
    String measure;

    @Option(names = "--split", paramLabel = "K", description = "--pairs with one file: the first K columns are x.")
    Integer split;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "1", description = "Dimension of x and y (default: ${DEFAULT-VALUE}; class-pairs: 8).")
    int dimension;

    @Option(names = "--rho", paramLabel = "R", defaultValue = "0.6", description = "gaussian-cdk: correlation (default: ${DEFAULT-VALUE}).")
    double rho;

    @Option(names = "--length-scale", paramLabel = "ELL", defaultValue = "1", description = "gauss-kernel: ℓ (default: ${DEFAULT-VALUE}).")
    double lengthScale;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "1", description = "gauss-kernel: std of the Gaussian measure (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--classes", paramLabel = "C", defaultValue = "10", description = "class-pairs: classes (default: ${DEFAULT-VALUE}).")
    int classes;

    @Option(names = "--sampling", paramLabel = "stratified|iid", defaultValue = "stratified",
            description = "Known measures: Latin hypercube (stratified) or independent draws (default: ${DEFAULT-VALUE}).")
    String sampling;

    @Option(names = "--L", paramLabel = "L", defaultValue = "8", description = "Singular pairs to learn (default: ${DEFAULT-VALUE}).")
    int outputs;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "12000", description = "Optimizer steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "512", description = "Samples of x and of y per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "2e-3", description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "adam or rmsprop (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--constant-lr", description = "Keep the learning rate constant (default: cosine annealing to 0).")
    boolean constantLearningRate;

    @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0.995", description = "Parameter moving average (default: ${DEFAULT-VALUE}).")
    double ema;

    @Option(names = "--nesting", paramLabel = "seq|jnt", defaultValue = "seq", description = "Nesting (default: ${DEFAULT-VALUE}).")
    String nesting;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float32", description = "float32 or float64 (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu", description = "Compute device (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--hidden", split = ",", paramLabel = "W", defaultValue = "128,128", description = "Hidden widths of each network (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "softplus", description = "Activation (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--network", paramLabel = "shared|disjoint", defaultValue = "shared", description = "Parametrisation: one shared MLP for f (and one for g) or one per singular function (default: ${DEFAULT-VALUE}).")
    String parametrisation;

    @Option(names = "--fourier", paramLabel = "M", defaultValue = "32", description = "Random Fourier frequencies (default: ${DEFAULT-VALUE}).")
    int fourier;

    @Option(names = "--fourier-scale", paramLabel = "S", defaultValue = "1", description = "Fourier scale σ (default: ${DEFAULT-VALUE}).")
    double fourierScale;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-points", paramLabel = "N", defaultValue = "4000", description = "Quadrature points per side (default: ${DEFAULT-VALUE}).")
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

    private ClassPairs classPairs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SvdConfig config = new SvdConfig(sourceName(), source.kernel, outputs, steps, batch, learningRate, optimizer,
                !constantLearningRate, ema, nesting, precision, device, hidden, activation, parametrisation, fourier,
                fourierScale, seed, evalPoints, evalEvery != null ? evalEvery : Math.max(1, steps / 10));
        if (retrieval && !"class-pairs".equals(source.name)) {
            throw new IllegalArgumentException("--retrieval needs labelled paired data: use --operator class-pairs");
        }
        if (checkpointEvery != null && checkpointEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every must be at least 0, got " + checkpointEvery);
        }
        SvdProblem problem = problem();
        if (nystrom != null) {
            requireNystromSource(problem);
        }
        Path dir = resume != null ? resume : this.out != null ? this.out : Path.of("runs", "svd-" + problem.name() + "-L"
                + outputs + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        String configJson = checkpointConfig(config);
        org.opsvd.solver.train.Checkpoint checkpoint = resume == null ? null : Resume.resumable(dir, configJson);
        AtomicFiles.createDirectory(dir);
        if (!quiet) {
            out.println("opsvd svd: " + problem.data().describe() + ", L = " + outputs
                    + (problem.constantMode() ? " (after the constant mode)" : ""));
            out.printf(Locale.ROOT, "%s nesting, %s, B = %d, %d steps, %s lr %.3g%n", nesting, precision, batch, steps,
                    optimizer, learningRate);
        }
        AtomicFiles.writeJson(Map.of("config", config), dir.resolve("config.json"));
        Progress progress = new Progress(out, System.console() != null, quiet, steps, "σ");
        List<String> history = new ArrayList<>();
        List<String> evaluations = new ArrayList<>();
        double secondsBefore = 0; // training time of the run before it was resumed
        if (checkpoint != null) {
            history.addAll(Resume.keptLines(dir.resolve("history.csv"), checkpoint.step()));
            evaluations.addAll(Resume.keptLines(dir.resolve("evaluations.csv"), checkpoint.step()));
            secondsBefore = Resume.secondsBefore(history);
            if (history.size() != checkpoint.step() + 1) {
                spec.commandLine().getErr().println("opsvd: warning: " + dir.resolve("history.csv") + " holds "
                        + Math.max(0, history.size() - 1) + " of the " + checkpoint.step() + " steps of the checkpoint");
            }
            if (!quiet) {
                out.println("resuming " + dir + " at step " + checkpoint.step());
            }
        }
        if (history.isEmpty()) {
            history.add("step,seconds,learning_rate,loss," + String.join(",", columns("s", outputs)));
        }
        if (evaluations.isEmpty()) {
            evaluations.add("step,seconds,mean_rel_error,mean_ritz_rel_error,left_subspace_dist_all,"
                    + "right_subspace_dist_all," + String.join(",", columns("s", outputs)) + ","
                    + String.join(",", columns("ritz", outputs)));
        }
        double offset = secondsBefore;
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        SvdSolver.Result result;
        try (Interrupts interrupts = Interrupts.install(stop, spec.commandLine().getErr())) {
            result = SvdSolver.solve(problem, config, new SvdSolver.Observer() {
                @Override
                public void onStep(SvdTrainer.StepRecord s) {
                    progress.update(s.step(), s.seconds(), s.loss(), s.singularValues());
                    history.add((s.step() + 1) + "," + (offset + s.seconds()) + "," + s.learningRate() + "," + s.loss() + ","
                            + join(s.singularValues()));
                }

                @Override
                public void onEvaluation(SvdSolver.Evaluation e) {
                    evaluations.add(e.step() + "," + (offset + e.seconds()) + "," + e.meanRelativeError() + ","
                            + e.meanRitzError() + "," + (e.left() == null ? "" : e.left().subspaceDistanceAll()) + ","
                            + (e.right() == null ? "" : e.right().subspaceDistanceAll()) + "," + join(e.singularValues())
                            + "," + (e.ritzValues() == null ? ",".repeat(outputs - 1) : join(e.ritzValues())));
                    writeLogs(); // rewritten at every evaluation so a crash keeps the history so far
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

                @Override
                public void beforeCheckpoint(int steps) {
                    writeLogs();
                }

                private void writeLogs() {
                    try {
                        AtomicFiles.writeText(String.join("\n", history) + "\n", dir.resolve("history.csv"));
                        AtomicFiles.writeText(String.join("\n", evaluations) + "\n", dir.resolve("evaluations.csv"));
                    } catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                }
            }, stop::get, new NeuralSolver.Checkpointing(dir,
                    checkpointEvery != null ? checkpointEvery : config.evalEvery(), configJson, checkpoint));
        }
        AtomicFiles.writeText(String.join("\n", history) + "\n", dir.resolve("history.csv"));
        AtomicFiles.writeText(String.join("\n", evaluations) + "\n", dir.resolve("evaluations.csv"));
        Map<String, Object> summary = summary(problem, config, result, secondsBefore);
        if (nystrom != null) {
            summary.put("nystrom", nystromTable(out, problem, result));
        }
        if (retrieval) {
            summary.put("retrieval", retrievalTable(out, result));
        }
        AtomicFiles.writeJson(summary, dir.resolve("summary.json"));
        printTable(out, result);
        if (!noFigures) {
            RunFigures.afterRun(dir, out, spec.commandLine().getErr(), quiet);
        }
        out.println("run directory: " + dir);
        if (stop.get()) {
            return Interrupts.INTERRUPTED;
        }
        return result.outcome().completed() ? 0 : Main.RUN_ERROR;
    }

    /**
     * The configuration a checkpoint belongs to: the resolved {@link SvdConfig} plus the options that define the
     * operator or data (measure, dimension, ρ, ℓ, σ, classes, sampling, pair files), keyed by option name.
     */
    private String checkpointConfig(SvdConfig config) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode node = mapper.valueToTree(config);
        node.put("measure", measure);
        node.put("split", split);
        node.put("dim", dimension);
        node.put("rho", rho);
        node.put("length-scale", lengthScale);
        node.put("sigma", sigma);
        node.put("classes", classes);
        node.put("sampling", sampling);
        var files = node.putArray("pairs");
        if (source.pairs != null) source.pairs.forEach(f -> files.add(f.toAbsolutePath().normalize().toString()));
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sourceName() {
        return source.name != null ? source.name : source.kernel != null ? "kernel" : "pairs";
    }

    SvdProblem problem() throws java.io.IOException {
        if (source.kernel != null) {
            Measure m = parseMeasure(measure, dimension);
            KernelOperator k = new ExpressionKernel(source.kernel, m);
            return new SvdProblem("kernel", new SvdData.Kernel(k, stratified()), k.left(), k.right(), k.exact(), false);
        }
        if (source.pairs != null) {
            PairedData data = source.pairs.size() == 2 ? PairedData.read(source.pairs.get(0), source.pairs.get(1))
                    : PairedData.readCsv(source.pairs.get(0), requireSplit());
            if (outputs >= data.size()) {
                throw new IllegalArgumentException("--L " + outputs + " needs more than " + data.size() + " pairs");
            }
            int n = Math.min(data.size(), evalPoints);
            double[] x = new double[n * data.xDimension()];
            double[] y = new double[n * data.yDimension()];
            data.sample(new org.hipparchus.random.Well19937c(seed + 7), x, y, n);
            return SvdProblem.fromSamples("pairs", new SvdData.Paired(data::sample, data.xDimension(),
                    data.yDimension(), data.toString()), new SvdProblem.Samples(x, y));
        }
        switch (source.name) {
            case "volterra": {
                KernelOperator k = VolterraOperator.INSTANCE;
                return new SvdProblem("volterra", new SvdData.Kernel(k, stratified()), k.left(), k.right(), k.exact(), false);
            }
            case "gauss-kernel": {
                KernelOperator k = new GaussianKernelOperator(dimension, lengthScale, sigma);
                return new SvdProblem("gauss-kernel", new SvdData.Kernel(k, stratified()), k.left(), k.right(), k.exact(), false);
            }
            case "gaussian-cdk": {
                GaussianDependence k = new GaussianDependence(rho);
                SvdData.PairSource pairs = stratified() ? k::samplePairsStratified : k::samplePairs;
                return new SvdProblem("gaussian-cdk", new SvdData.Paired(pairs, 1, 1, k.describe()),
                        k.left(), k.right(), k.exact(), true).withKernel(k);
            }
            case "class-pairs": {
                int d = dimension > 1 ? dimension : 8; // classes separate in 8 dimensions at noise 0.5
                classPairs = new ClassPairs(classes, d, d, 0.5, true, seed);
                ClassPairs c = classPairs;
                SvdData.PairSource src = (rng, x, y, n) -> {
                    ClassPairs.Pairs p = c.pairs(n, rng.nextLong());
                    System.arraycopy(p.x(), 0, x, 0, p.x().length);
                    System.arraycopy(p.y(), 0, y, 0, p.y().length);
                };
                ClassPairs.Pairs eval = c.pairs(evalPoints, seed + 7);
                return SvdProblem.fromSamples("class-pairs", new SvdData.Paired(src, d, d, classes
                        + " classes of paired points in R^" + d), new SvdProblem.Samples(eval.x(), eval.y()));
            }
            default:
                throw new IllegalArgumentException("unknown operator '" + source.name
                        + "' (expected volterra, gauss-kernel, gaussian-cdk or class-pairs)");
        }
    }

    private boolean stratified() {
        return switch (sampling) {
            case "stratified" -> true;
            case "iid" -> false;
            default -> throw new IllegalArgumentException("--sampling '" + sampling + "': expected stratified or iid");
        };
    }

    private int requireSplit() {
        if (split == null) {
            throw new IllegalArgumentException("--pairs with one file needs --split K (the first K columns are x)");
        }
        return split;
    }

    /** {@code uniform:LO:HI} or {@code gaussian:SIGMA}. */
    static Measure parseMeasure(String text, int d) {
        String[] p = text.split(":");
        try {
            if (p[0].equals("uniform") && p.length == 3) {
                return new Measure.UniformBox(d, Double.parseDouble(p[1]), Double.parseDouble(p[2]));
            }
            if (p[0].equals("gaussian") && p.length == 2) {
                return new Measure.Gaussian(d, Double.parseDouble(p[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--measure '" + text + "': expected uniform:LO:HI or gaussian:SIGMA");
    }

    /** summary.json; {@code secondsBefore}: training time before a resume, so "seconds" is the whole run's. */
    private static Map<String, Object> summary(SvdProblem problem, SvdConfig config, SvdSolver.Result r,
            double secondsBefore) {
        SvdSolver.Evaluation e = r.evaluation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operator", problem.name());
        m.put("description", problem.data().describe());
        m.put("constant_mode", problem.constantMode());
        m.put("singular_values", e.singularValues());
        m.put("exact", e.exact());
        m.put("rel_errors", e.relErrors());
        m.put("ritz_singular_values", e.ritzValues());
        m.put("ritz_rel_errors", e.ritzErrors());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("rel_singular_value_error", e.relErrors() == null ? null : e.meanRelativeError());
        metrics.put("rel_ritz_singular_value_error", e.ritzErrors() == null ? null : e.meanRitzError());
        metrics.put("left", sideMetrics(e.left()));
        metrics.put("right", sideMetrics(e.right()));
        m.put("metrics", metrics);
        m.put("steps", r.outcome().steps());
        m.put("seconds", secondsBefore + r.outcome().seconds());
        m.put("stop_reason", r.outcome().stopReason());
        m.put("peak_rss_mb", PeakMemory.residentMegabytes());
        m.put("config", config);
        return m;
    }

    private static Map<String, Object> sideMetrics(MetricReport r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("angle_distance", r.meanAngle());
        m.put("subspace_dist_avg", r.meanGroupSubspaceDistance());
        m.put("subspace_dist_all", r.subspaceDistanceAll());
        m.put("orthogonality", r.orthogonality().frobenius());
        return m;
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

    /** Retrieval of test y's by test x's with the first and last d learned modes (inner product). */
    private List<Map<String, Object>> retrievalTable(PrintWriter out, SvdSolver.Result r) {
        ClassPairs.Labelled qx = classPairs.xs(1000, seed + 11);
        ClassPairs.Labelled gy = classPairs.ys(1000, seed + 12);
        double[] fq;
        double[] gg;
        try (NetworkEvaluator<?> fe = NetworkEvaluator.float64(r.leftNetwork(), false);
             NetworkEvaluator<?> ge = NetworkEvaluator.float64(r.rightNetwork(), false)) {
            fq = fe.values(r.left(), qx.points()).values();
            gg = ge.values(r.right(), gy.points()).values();
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

    private static List<String> columns(String prefix, int n) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n; i++) c.add(prefix + i);
        return c;
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(',');
            b.append(v[i]);
        }
        return b.toString();
    }
}
