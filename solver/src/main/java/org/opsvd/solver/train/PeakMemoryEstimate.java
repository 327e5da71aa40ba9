package org.opsvd.solver.train;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.opsvd.operators.MemoryBudget;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.neural.Parametrisation;

/**
 * An estimate of the peak resident memory of one run (a solve or an svd) in a process of its own, in bytes:
 * R + T + E, with
 * <ul>
 *   <li>R = {@value #RUNTIME_MB} MB, the runtime: the JVM with its heap in use, TensorFlow's libraries, thread pools
 *       and graphs (the smallest runs, 1D, 2×32 units, peaked at 403–438 MB);</li>
 *   <li>T, training: the network parameters with their optimiser state and the activations of one batch with their
 *       derivatives ({@link TrainingChecks.TrainingMemory});</li>
 *   <li>E, evaluation: the networks' activations with their t derivatives on one chunk of n = min(N,
 *       {@value NetworkEvaluator#CHUNK}) evaluation points, n·(input + Σ hidden + outputs)·t·8 bytes, twice over
 *       (TensorFlow holds a layer's input and output at once), and the quadrature's arrays: for a solve,
 *       N·8·(d + 2 + 4(L + G)) bytes on N = 2·grid^d points (the grid and its offset copy; d ≤ 3) or the
 *       Monte Carlo points of the evaluations during training ({@value SolveReference#MONTE_CARLO_POINTS}) and of the
 *       final one ({@link SolveConfig#finalMonteCarloPoints()}) together (for a Gauss–Legendre box, both rules with
 *       their check rules); for an svd, both networks (t = 1) and
 *       N·(4(L + G) + 16)·16 bytes on N points per side.</li>
 * </ul>
 * Nine runs from 0.4 to 1.4 GB (solves in 1D and 2D and svds, B 128–4096, up to 3×256 units, 5·10³–8·10⁴
 * evaluation points, heaps of 256 MB to 8 GB) peaked at 0.85–1.32 times this estimate: it is the size, not a
 * bound. Not counted: a grid reference's own solver (finite differences in d ≤ 3), data files read into memory.
 *
 * @param runtimeBytes    R
 * @param trainingBytes   T
 * @param evaluationBytes E
 */
public record PeakMemoryEstimate(long runtimeBytes, long trainingBytes, long evaluationBytes) {

    /** R in MB (MiB, as {@link org.opsvd.solver.run.PeakMemory} and Spark count). */
    public static final int RUNTIME_MB = 450;

    private static final long MB = 1L << 20;
    /** Bytes of one activation or derivative in evaluation (float64), held twice over. */
    private static final int EVALUATION_BYTES = 8 * 2;

    /** The estimate for a solve's resolved settings. */
    public static PeakMemoryEstimate of(SolveConfig c) {
        int d = c.dimension();
        int trained = c.trainedOutputs();
        long training = TrainingChecks.TrainingMemory.of(d, c.hidden(), trained, c.parametrisation(),
                c.fourierFeatures(), c.batch(), d + 2, 1).bytes();
        long grid = MemoryBudget.times(2, MemoryBudget.power(c.evalGrid(), d));
        long rule = rulePoints(d, SolveReference.MONTE_CARLO_POINTS) + rulePoints(d,
                c.evalPoints() == 0 ? SolveReference.FINAL_GAUSS_LEGENDRE_POINTS : c.evalPoints());
        long points = d <= 3 ? (c.boxMask() ? Math.max(grid, rule) : grid) // a box: the rule, or a grid asked for
                : gaussLegendre(c) ? rule : (long) SolveReference.MONTE_CARLO_POINTS + c.finalMonteCarloPoints();
        long arrays = MemoryBudget.times(points, 8L * (d + 2 + 4L * trained));
        long network = networkValues(points, d, c.hidden(), trained, c.parametrisation(), c.fourierFeatures(), d + 2);
        return new PeakMemoryEstimate(RUNTIME_MB * MB, training, TrainingChecks.plus(arrays, network));
    }

    /** A Dirichlet box evaluated by Gauss–Legendre ({@link SolveReference#gaussLegendre}): masked, 4 ≤ d, n ≥ 6. */
    private static boolean gaussLegendre(SolveConfig c) {
        return c.boxMask() && c.dimension() >= 4 && SolveReference.gaussLegendrePoints(c.dimension(),
                SolveReference.MONTE_CARLO_POINTS) >= SolveReference.MIN_GAUSS_LEGENDRE_POINTS;
    }

    /** Points of the Gauss–Legendre rule within {@code budget} and of its check rule together. */
    private static long rulePoints(int d, int budget) {
        int n = SolveReference.gaussLegendrePoints(d, budget);
        return MemoryBudget.power(n, d) + MemoryBudget.power(n - SolveReference.CHECK_RULE_OFFSET, d);
    }

    /** The estimate for an svd's resolved settings (two networks, f and g, on one-dimensional input or Fourier features). */
    public static PeakMemoryEstimate of(SvdConfig c) {
        int trained = c.trainedOutputs();
        long training = TrainingChecks.TrainingMemory.of(1, c.hidden(), trained, c.parametrisation(),
                c.fourierFeatures(), c.batch(), 1, 2).bytes();
        long arrays = MemoryBudget.times(c.evalPoints(), (4L * trained + 16) * 16);
        long network = networkValues(c.evalPoints(), 1, c.hidden(), trained, c.parametrisation(), c.fourierFeatures(), 1);
        return new PeakMemoryEstimate(RUNTIME_MB * MB, training,
                TrainingChecks.plus(arrays, MemoryBudget.times(network, 2)));
    }

    /** The networks' activations and derivatives on one evaluation chunk, in bytes. */
    private static long networkValues(long points, int input, List<Integer> hidden, int outputs,
                                      Parametrisation parametrisation, int fourier, int tangents) {
        long width = (fourier > 0 ? 2L * fourier : input) + hidden.stream().mapToLong(Integer::longValue).sum();
        long units = parametrisation == Parametrisation.DISJOINT ? MemoryBudget.times(width + 1, outputs)
                : width + outputs;
        long chunk = Math.min(points, NetworkEvaluator.CHUNK);
        return MemoryBudget.times(MemoryBudget.times(MemoryBudget.times(chunk, units), tangents), EVALUATION_BYTES);
    }

    /** R + T + E in bytes (saturating). */
    public long bytes() {
        return TrainingChecks.plus(TrainingChecks.plus(runtimeBytes, trainingBytes), evaluationBytes);
    }

    /** R + T + E in MB (MiB), rounded up. */
    public long megabytes() {
        return bytes() == Long.MAX_VALUE ? Long.MAX_VALUE / MB : (bytes() + MB - 1) / MB;
    }

    /** "1234 MB (runtime 450, training 12, evaluation 772)". */
    public String describe() {
        return String.format(Locale.ROOT, "%d MB (runtime %d, training %d, evaluation %d)", megabytes(),
                runtimeBytes / MB, (trainingBytes + MB - 1) / MB, (evaluationBytes + MB - 1) / MB);
    }

    /** The machine's physical memory in bytes (the heap limit when the platform does not say). */
    public static long machineBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
