package org.opsvd.operators.dynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.io.NumericTable;
import org.opsvd.operators.kernels.SvdData;
import org.opsvd.operators.kernels.SvdProblem;

/**
 * The time-lagged pairs (x_t, x_{t+τ}) of one or many trajectories with frame interval Δ and lag τ = mΔ: the
 * paired samples whose canonical dependence operator (Tg)(x) = E[g(X_{t+τ}) | X_t = x] is the lag-τ transfer
 * operator of a stationary process. For reversible dynamics with generator 𝓛 (overdamped Langevin) its singular
 * values are σ_k = e^{ν_k τ} with ν_k ≤ 0 the eigenvalues of 𝓛, σ_0 = 1 for the constant function, and the
 * implied timescales are t_k = −τ/ln σ_k = 1/|ν_k| ({@link ImpliedTimescales}).
 *
 * <p>Trajectory i with n_i frames gives n_i − m pairs (every frame t with t + m &lt; n_i); pairs are drawn
 * uniformly from all of them with replacement. The frames are kept once, row-major, not copied per pair.
 */
public final class LaggedPairs {

    /** The option that names trajectory files in messages. */
    public static final String OPTION = "--trajectory";

    /** Seed offset of the evaluation pairs, so they differ from the training draws. */
    private static final long EVALUATION_SEED = 7;

    private final List<NumericTable> trajectories;
    private final List<String> names;
    private final double frameInterval;
    private final int dimension;
    private final int lagFrames;
    private final double lag;
    /** first[i]: the index of the first pair of trajectory i among all pairs; first[size] = number of pairs. */
    private final long[] first;

    private LaggedPairs(List<NumericTable> trajectories, List<String> names, double frameInterval, int lagFrames,
                        double lag) {
        this.trajectories = List.copyOf(trajectories);
        this.names = List.copyOf(names);
        this.frameInterval = frameInterval;
        this.dimension = trajectories.get(0).columns();
        this.lagFrames = lagFrames;
        this.lag = lag;
        this.first = new long[trajectories.size() + 1];
        for (int i = 0; i < trajectories.size(); i++) {
            first[i + 1] = first[i] + trajectories.get(i).rows() - lagFrames;
        }
    }

    /**
     * Pairs at lag {@code lag} from in-memory trajectories (row-major tables [n_i, d]) with frame interval
     * {@code frameInterval}; {@code names} names each trajectory in messages.
     *
     * @throws IllegalArgumentException for a trajectory of one frame, unequal dimensions, a lag that is not a
     *                                  positive multiple of the frame interval, or one not shorter than a
     *                                  trajectory
     */
    public static LaggedPairs of(List<NumericTable> trajectories, List<String> names, double frameInterval,
                                 double lag) {
        if (trajectories.isEmpty()) {
            throw new IllegalArgumentException(OPTION + ": no trajectory given");
        }
        if (!(frameInterval > 0) || !Double.isFinite(frameInterval)) {
            throw new IllegalArgumentException("--dt (the time between frames) must be positive and finite, got "
                    + frameInterval);
        }
        if (!(lag > 0) || !Double.isFinite(lag)) {
            throw new IllegalArgumentException("--lag must be positive and finite, got " + lag);
        }
        double ratio = lag / frameInterval;
        long m = Math.round(ratio);
        if (m < 1 || Math.abs(ratio - m) > 1e-9 * Math.max(1, ratio)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--lag %s is not a multiple of the time "
                    + "between frames --dt %s (lag/dt = %.6g)", lag, frameInterval, ratio));
        }
        int d = trajectories.get(0).columns();
        for (int i = 0; i < trajectories.size(); i++) {
            NumericTable t = trajectories.get(i);
            if (t.columns() != d) {
                throw new IllegalArgumentException(OPTION + " " + names.get(i) + " has dimension " + t.columns()
                        + " but " + names.get(0) + " has " + d + " (every trajectory must have the same dimension)");
            }
            if (t.rows() < 2) {
                throw new IllegalArgumentException(OPTION + " " + names.get(i) + " has a single frame; a trajectory "
                        + "needs at least two (one lagged pair)");
            }
            if (m >= t.rows()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--lag %s (%d frames) is not shorter "
                        + "than %s %s: %d frames, time %s", lag, m, OPTION, names.get(i), t.rows(),
                        (t.rows() - 1) * frameInterval));
            }
        }
        return new LaggedPairs(trajectories, names, frameInterval, (int) m, lag);
    }

    /**
     * Reads the trajectories of {@code files} (each CSV or NPY [n, d], or NPY [M, n, d] for M trajectories, as
     * {@link NumericTable#readStack}) and pairs them at lag {@code lag}.
     */
    public static LaggedPairs read(List<Path> files, double frameInterval, double lag) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException(OPTION + ": no trajectory file given");
        }
        List<NumericTable> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            List<NumericTable> tables = NumericTable.readStack(f, OPTION);
            for (int m = 0; m < tables.size(); m++) {
                all.add(tables.get(m));
                names.add(tables.size() == 1 ? f.toString() : f + " (trajectory " + (m + 1) + ")");
            }
        }
        return of(all, names, frameInterval, lag);
    }

    /** The pairs of the same trajectories at another lag (checked as {@link #of}). */
    public LaggedPairs atLag(double otherLag) {
        return of(trajectories, names, frameInterval, otherLag);
    }

    /** The number of pairs Σ(n_i − m). */
    public long size() {
        return first[first.length - 1];
    }

    /** d. */
    public int dimension() {
        return dimension;
    }

    /** τ. */
    public double lag() {
        return lag;
    }

    /** m = τ/Δ, the lag in frames. */
    public int lagFrames() {
        return lagFrames;
    }

    /** The number of trajectories. */
    public int trajectories() {
        return trajectories.size();
    }

    /** Draws {@code count} pairs uniformly with replacement: x_b = X_t, y_b = X_{t+τ}, rows of [count, d]. */
    public void sample(RandomGenerator rng, double[] x, double[] y, int count) {
        long total = size();
        for (int b = 0; b < count; b++) {
            long k = total <= Integer.MAX_VALUE ? rng.nextInt((int) total) : Math.floorMod(rng.nextLong(), total);
            copyPair(k, x, y, b);
        }
    }

    private void copyPair(long k, double[] x, double[] y, int b) {
        int i = java.util.Arrays.binarySearch(first, k);
        i = i >= 0 ? i : -i - 2; // every trajectory has a pair, so the starts first[i] are distinct
        double[] frames = trajectories.get(i).values();
        int t = (int) (k - first[i]);
        System.arraycopy(frames, t * dimension, x, b * dimension, dimension);
        System.arraycopy(frames, (t + lagFrames) * dimension, y, b * dimension, dimension);
    }

    /** Every pair in order (trajectory by trajectory), or {@code count} drawn uniformly when there are more. */
    private SvdProblem.Samples evaluationPairs(int count, long seed) {
        int n = (int) Math.min(size(), count);
        double[] x = new double[n * dimension];
        double[] y = new double[n * dimension];
        if (n == size()) {
            for (int k = 0; k < n; k++) {
                copyPair(k, x, y, k);
            }
        } else {
            sample(new Well19937c(seed + EVALUATION_SEED), x, y, n);
        }
        return new SvdProblem.Samples(x, y);
    }

    /**
     * The operator SVD of these pairs: the canonical dependence kernel with its constant mode fixed (σ_0 = 1),
     * evaluated on {@code evalPoints} pairs (all of them when there are no more).
     *
     * @throws IllegalArgumentException when L ≥ the number of pairs
     */
    public SvdProblem problem(int outputs, int evalPoints, long seed) {
        if (outputs >= size()) {
            throw new IllegalArgumentException("--L " + outputs + " needs more than " + size() + " lagged pairs");
        }
        return SvdProblem.fromSamples("trajectory", new SvdData.Paired(this::sample, dimension, dimension,
                describe()), evaluationPairs(evalPoints, seed));
    }

    /** E.g. "lag-0.5 transfer operator of 4 trajectories in R^2 (1999996 pairs, lag 5 frames)". */
    public String describe() {
        return String.format(Locale.ROOT, "lag-%s transfer operator of %d trajector%s in R^%d (%d pairs, lag %d "
                + "frame%s)", lag, trajectories(), trajectories() == 1 ? "y" : "ies", dimension, size(), lagFrames,
                lagFrames == 1 ? "" : "s");
    }
}
