package org.opsvd.cli;

import java.util.List;
import org.opsvd.operators.Problem;
import org.opsvd.solver.neural.Laplacians;
import org.opsvd.solver.train.SolveBuilder;
import org.opsvd.solver.train.SolveConfig;
import org.opsvd.solver.train.SolveDefaults;
import org.opsvd.solver.train.SolveReference;
import picocli.CommandLine.Option;

/** The training options of {@code opsvd solve}; unset options take {@link SolveDefaults}. */
final class SolveOptions {

    @Option(names = "--L", paramLabel = "L", description = "Number of eigenfunctions to learn (default: lowest complete shells, at least 10).")
    Integer outputs;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps (default: 3000·L, between 10000 and 60000).")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size, even (default: " + SolveDefaults.BATCH + ").")
    Integer batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Initial learning rate (default: 1e-3).")
    Double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "adam or rmsprop (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--constant-lr", description = "Keep the learning rate constant (default: cosine annealing to 0).")
    boolean constantLearningRate;

    @Option(names = "--ema", paramLabel = "DECAY", defaultValue = "0.995", description = "Parameter moving average for evaluation, 0 = off (default: ${DEFAULT-VALUE}).")
    double ema;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "neuralsvd-seq",
            description = "neuralsvd-seq, neuralsvd-joint (NeuralSVD, nested LoRA), or the baselines neuralef, neuralef-unbiased (NeuralEF) and spin (SpIN) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--spin-decay", paramLabel = "BETA", defaultValue = "0.01",
            description = "SpIN: moving-average rate β of Σ̄ and of the Jacobians J̄, in (0, 1]; 1 = no averaging (default: ${DEFAULT-VALUE}).")
    double spinDecay;

    @Option(names = "--spin-memory-mb", paramLabel = "MB", defaultValue = "2048",
            description = "SpIN: refuse to run when the Jacobian moving average J̄, L(L+1)/2·P numbers (P = network parameters; 4 bytes each in float32, 8 in float64), exceeds MB MiB; the step needs about as much again (default: ${DEFAULT-VALUE}).")
    int spinMemoryMb;

    @Option(names = "--laplacian", paramLabel = "METHOD", defaultValue = "forward", description = "forward, autodiff or fd (default: ${DEFAULT-VALUE}).")
    String laplacian;

    @Option(names = "--fd-eps", paramLabel = "H", description = "Finite-difference step (default: 0.01).")
    Double fdStep;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float32", description = "float32 or float64 training (evaluation is float64) (default: ${DEFAULT-VALUE}).")
    String precision;

    @Option(names = "--device", paramLabel = "cpu|gpu", defaultValue = "cpu", description = "Compute device (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "Hidden widths (default: 128,128,128).")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "softplus", description = "softplus, tanh, sin or gelu (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--network", paramLabel = "shared|disjoint", defaultValue = "shared", description = "One shared MLP or L disjoint MLPs (default: ${DEFAULT-VALUE}).")
    String parametrisation;

    @Option(names = "--fourier", paramLabel = "M", defaultValue = "0", description = "Random Fourier frequencies, 0 = raw input (default: ${DEFAULT-VALUE}).")
    int fourier;

    @Option(names = "--fourier-scale", paramLabel = "S", defaultValue = "1", description = "Fourier frequency scale σ (default: ${DEFAULT-VALUE}).")
    double fourierScale;

    @Option(names = "--envelope", paramLabel = "S0", description = "Learnable envelope exp(-|x|/s) with initial s (default: none).")
    Double envelope;

    @Option(names = "--cusp", paramLabel = "KAPPA",
            description = "Coulomb cusp factor exp(-κr/(1+κr)) on every output; κ = Z/(c(d-1)) cancels the -Z/r "
                    + "singularity of the local energy (hydrogen: 2 in 2D, 1 in 3D for c = 0.5) (default: none).")
    Double cusp;

    @Option(names = "--sampler", paramLabel = "KIND", description = "gaussian, mixture (Gaussians of std s/16, s/4, s) or uniform (default: per operator).")
    String sampler;

    @Option(names = "--sampler-scale", paramLabel = "S", description = "Gaussian std or uniform half-width (default: per operator).")
    Double samplerScale;

    @Option(names = "--scale", paramLabel = "A", description = "a in T = a(-H) + b (default: 1/(E_next - E_L)).")
    Double scale;

    @Option(names = "--shift", paramLabel = "B", description = "b in T = a(-H) + b (default: a·E_next).")
    Double shift;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of initialisation and sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--eval-grid", paramLabel = "N", description = "Evaluation grid points per axis (default: per dimension).")
    Integer evalGrid;

    @Option(names = "--eval-every", paramLabel = "N", description = "Evaluate every N steps (default: steps/10).")
    Integer evalEvery;

    @Option(names = "--eval-precision", paramLabel = "P", defaultValue = "float64",
            description = "Network precision in evaluation: float64 or float32 (3-4x faster on large grids, values to "
                    + "~1e-6 relative; sums are float64 either way) (default: ${DEFAULT-VALUE}).")
    String evalPrecision;

    /**
     * The resolved configuration ({@link SolveBuilder#resolve}: the same defaults as from Java code). With a
     * null reference the operator mapping is left at (1, 0): that draft only serves to build the reference.
     */
    SolveConfig resolve(Problem problem, int l, SolveReference reference) {
        return SolveBuilder.of(problem).outputs(l).steps(steps).batch(batch != null ? batch : SolveDefaults.BATCH)
                .learningRate(learningRate != null ? learningRate : SolveDefaults.LEARNING_RATE)
                .optimizer(optimizer).cosineSchedule(!constantLearningRate).emaDecay(ema).method(method)
                .spin(spinDecay, spinMemoryMb).laplacian(laplacian, fdStep != null ? fdStep : Laplacians.DEFAULT_STEP)
                .precision(precision).device(device).hidden(hidden != null ? hidden : List.of(128, 128, 128))
                .activation(activation).parametrisation(parametrisation).fourier(fourier, fourierScale)
                .envelope(envelope).cusp(cusp).sampler(sampler, samplerScale).mapping(scale, shift).seed(seed)
                .evalGrid(evalGrid).evalEvery(evalEvery).evalPrecision(evalPrecision)
                .resolve(reference);
    }
}
