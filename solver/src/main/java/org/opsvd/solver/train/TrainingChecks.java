package org.opsvd.solver.train;

import java.util.List;
import java.util.Locale;
import org.opsvd.operators.MemoryBudget;
import org.opsvd.solver.neural.Parametrisation;

/**
 * The range checks the eigen and singular configurations share ({@link SolveConfig}, {@link SvdConfig}), made
 * in their constructors, so that a bad number is refused before any file is written: the moving-average
 * decay, the network shape, the Fourier features, and an estimate of the memory of training (network
 * parameters with their optimiser state, and the activations of one batch with the derivatives the loss
 * takes), refused when it exceeds the machine's memory instead of failing inside TensorFlow.
 */
final class TrainingChecks {

    /** Bytes per network parameter held in training: value, gradient, two optimiser slots, average, checkpoint. */
    private static final int BYTES_PER_PARAMETER = 6 * 8;

    private TrainingChecks() {
    }

    /** M ≥ 0 Gram points, and only for the NeuralSVD losses (the others have no half-batch Gram factor). */
    static void gramBatch(int points, org.opsvd.solver.loss.Method method) {
        if (points < 0) {
            throw new IllegalArgumentException("--gram-batch must be 0 (none) or a number of points, got " + points);
        }
        if (points > 0 && !method.isNeuralSvd()) {
            throw new IllegalArgumentException("--gram-batch applies to the NeuralSVD losses (neuralsvd-seq, "
                + "neuralsvd-joint), whose gradient has a Gram factor; not to --method " + method);
        }
    }

    /** The moving-average decay, in [0, 1). */
    static void emaDecay(double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("--ema must be in [0, 1) (0 = off), got " + decay);
        }
    }

    /** Hidden widths: at least one layer, each at least 1 wide. */
    static void hidden(List<Integer> widths) {
        if (widths.isEmpty()) {
            throw new IllegalArgumentException("--hidden needs at least one width");
        }
        for (Integer w : widths) {
            if (w == null || w < 1) {
                throw new IllegalArgumentException("--hidden widths must be at least 1, got " + widths);
            }
        }
    }

    /** Fourier features m ≥ 0 and, when used, a positive finite scale. */
    static void fourier(int features, double scale) {
        if (features < 0) {
            throw new IllegalArgumentException("--fourier must be at least 0 (0 = raw input), got " + features);
        }
        if (features > 0 && !(scale > 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("--fourier-scale must be positive and finite, got " + scale);
        }
    }

    /** G may reach max(L, this) whatever L. */
    static final int GUARD_FLOOR = 4;

    /**
     * Guard functions G: 0 ≤ G ≤ max(L, {@value #GUARD_FLOOR}) (each guard is trained like a wanted function; more
     * guards than wanted functions were never measured to help).
     */
    static void guard(int guard, int outputs) {
        if (guard < 0) throw new IllegalArgumentException("--guard must be at least 0 (0 = none), got " + guard);
        int max = Math.max(outputs, GUARD_FLOOR);
        if (guard > max) {
            throw new IllegalArgumentException("--guard " + guard + " is too many for --L " + outputs + ": at most max(L, "
                    + GUARD_FLOOR + ") = " + max + " guard functions (more than the wanted ones were never measured to "
                    + "help)");
        }
    }

    /** A value that must be positive and finite when given (null = not used). */
    static void positive(String option, Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(option + " must be positive and finite, got " + value);
        }
    }

    /** A value that must be finite. */
    static void finite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be finite, got " + value);
        }
    }

    /**
     * The memory of training: parameters P (one network of the given shape, or {@code outputs} of them when
     * disjoint, times {@code networks}) held {@value #BYTES_PER_PARAMETER} bytes each, and the activations of a
     * batch, each carried with {@code tangents} derivatives (d + 2 for a forward Laplacian), 24 bytes each.
     *
     * @param parameters P (saturating at {@link Long#MAX_VALUE})
     * @param bytes      the estimate in bytes (saturating)
     */
    record TrainingMemory(long parameters, long bytes) {

        static TrainingMemory of(int inputDimension, List<Integer> hidden, int outputs, Parametrisation parametrisation,
                                 int fourier, int batch, int tangents, int networks) {
            boolean disjoint = parametrisation == Parametrisation.DISJOINT;
            long perNetwork = 0;
            long width = 0;
            int previous = fourier > 0 ? 2 * fourier : inputDimension;
            for (int w : hidden) {
                perNetwork = plus(perNetwork, MemoryBudget.times(previous + 1L, w));
                width += w;
                previous = w;
            }
            perNetwork = plus(perNetwork, MemoryBudget.times(previous + 1L, disjoint ? 1 : outputs));
            long copies = MemoryBudget.times(disjoint ? outputs : 1, networks);
            long parameters = MemoryBudget.times(perNetwork, copies);
            long activations = MemoryBudget.times(MemoryBudget.times(MemoryBudget.times(batch, width + outputs),
                    tangents), copies);
            return new TrainingMemory(parameters, plus(MemoryBudget.times(parameters, BYTES_PER_PARAMETER),
                    MemoryBudget.times(activations, 8 * 3)));
        }
    }

    /**
     * Refuses a training whose estimated memory ({@link TrainingMemory}) exceeds the machine's.
     */
    static void memory(int inputDimension, List<Integer> hidden, int outputs, Parametrisation parametrisation,
                       int fourier, int batch, int tangents, int networks) {
        TrainingMemory training = TrainingMemory.of(inputDimension, hidden, outputs, parametrisation, fourier, batch,
                tangents, networks);
        long parameters = training.parameters();
        long bytes = training.bytes();
        long machine = PeakMemoryEstimate.machineBytes();
        if (bytes > machine) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--batch %d with --hidden %s (%s network "
                    + "parameters) needs about %s of memory to train, more than this machine's %s; use a smaller "
                    + "--batch or --hidden", batch, hidden, parameters == Long.MAX_VALUE ? "more than 9e18"
                    : String.format(Locale.ROOT, "%.3g", (double) parameters), MemoryBudget.bytes(bytes),
                    MemoryBudget.bytes(machine)));
        }
        // the checkpoint and the moving average hold the parameters as Java arrays too
        MemoryBudget.require(MemoryBudget.times(parameters, 4 * 8), "--hidden " + hidden + " (" + parameters
                + " network parameters)");
    }

    static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
