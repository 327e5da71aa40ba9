package org.opsvd.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opsvd.operators.Problem;
import org.opsvd.solver.SolveBuilder;
import org.opsvd.solver.loss.Method;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.train.OptimizerSpec;
import org.opsvd.solver.train.ReferenceMode;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SessionOptions;
import org.opsvd.solver.train.SolveDefaults;
import org.opsvd.solver.train.PointSequence;
import org.opsvd.solver.train.StopMode;
import picocli.CommandLine.Option;

/** The training options of {@code opsvd solve}; unset options take {@link SolveDefaults} ({@link #defaults()}). */
final class SolveOptions {

    @Option(names = "--L", paramLabel = "L", description = "Number of eigenfunctions to learn (default: lowest complete shells, at least 10).")
    Integer outputs;

    @Option(names = "--guard", paramLabel = "G",
            description = "Guard functions learned after the L wanted ones and not reported: the last wanted modes then "
                    + "converge like the others; 0 = none (default: per problem for NeuralSVD, see --explain; 0 for the "
                    + "other methods).")
    Integer guard;

    @Option(names = "--adapt-every", paramLabel = "N",
            description = "Refit the training density to the learned functions every N steps (points from a Gaussian "
                    + "fitted to them, mixed with the sampler, with exact importance weights); 0 = a fixed density "
                    + "(default: 0, see --explain).")
    Integer adaptEvery;

    @Option(names = "--sequence", paramLabel = "KIND",
            description = "How each batch's points are drawn: sobol (each half of the batch the first B/2 Sobol "
                    + "points under a fresh random shift: unbiased, with less gradient noise) or random "
                    + "(independent draws) (default: sobol, see --explain).")
    PointSequence sequence;

    @Option(names = "--gram-batch", paramLabel = "M",
            description = "NeuralSVD: draw M more points per step, evaluate the network on them forward only (no "
                    + "Laplacian, no backward pass) and pool their Gram with each half batch's in the gradient: "
                    + "unbiased, with less gradient noise, for a forward pass on M points per step (M = 8·B cost 0.75–1.6 "
                    + "steps in the measurements); 0 = none (default: 0, see --explain).")
    Integer gramBatch;

    @Option(names = "--output-ritz", negatable = true,
            description = "After training, set the output layer by Rayleigh–Ritz over the last hidden layer's "
                    + "features on a quadrature of the evaluation's kind with other nodes, keeping it only if it "
                    + "lowers the Ritz values on a second, held-out one (default: on for a shared network without "
                    + "--envelope, off in an experiment file (--config), see --explain).")
    Boolean outputRitz;

    @Option(names = "--mask", paramLabel = "SHAPE",
            description = "A Dirichlet box's mask, per axis: cosine (cos(πx/2ℓ), the free box's ground state) or "
                    + "exponential ((1−e^{−(ℓ−x)})(1−e^{−(x+ℓ)})) (default: exponential, see --explain).")
    org.opsvd.solver.neural.MaskShape mask;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps; with --stop converged, the cap (default: 3000·L, between 10000 and 60000; twice that with a Coulomb cusp factor).")
    Integer steps;

    @Option(names = "--stop", paramLabel = "MODE",
            description = "converged: stop once every Ritz value has moved less than --stop-tolerance of its eigenvalue "
                    + "interval's width over the last 3 evaluations and every width has changed by less than a "
                    + "quarter, after annealing the learning rate to 0 over half of the steps done, --steps being the "
                    + "cap; steps: run exactly --steps (default: converged when neither --steps nor --config is "
                    + "given, else steps).")
    StopMode stop;

    @Option(names = "--stop-tolerance", paramLabel = "TOL",
            description = "--stop converged: largest spread of a Ritz value over the window, in interval widths "
                    + "(default: ${DEFAULT-VALUE}).")
    double stopTolerance;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size, even (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", description = "Initial learning rate (default: per problem, see --explain).")
    Double learningRate;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OptimizerSpec.Kind optimizer;

    @Option(names = "--constant-lr", description = "Keep the learning rate constant (default: cosine annealing to 0).")
    boolean constantLearningRate;

    @Option(names = "--ema", paramLabel = "DECAY", description = "Parameter moving average for evaluation, 0 = off (default: ${DEFAULT-VALUE}).")
    double ema;

    @Option(names = "--method", paramLabel = "NAME",
            description = "neuralsvd-seq, neuralsvd-joint (NeuralSVD, nested LoRA), or the baselines neuralef, neuralef-unbiased (NeuralEF) and spin (SpIN), or the OMM losses omm and sanger-omm (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--spin-decay", paramLabel = "BETA",
            description = "SpIN: moving-average rate β of Σ̄ and of the Jacobians J̄, in (0, 1]; 1 = no averaging (default: ${DEFAULT-VALUE}).")
    double spinDecay;

    @Option(names = "--spin-memory-mb", paramLabel = "MB",
            description = "SpIN: refuse to run when the Jacobian moving average J̄, L(L+1)/2·P numbers (P = network parameters; 4 bytes each in float32, 8 in float64), exceeds MB MiB; the step needs about as much again (default: ${DEFAULT-VALUE}).")
    int spinMemoryMb;

    @Option(names = "--laplacian", paramLabel = "METHOD", description = "forward, autodiff or fd (finite differences) (default: ${DEFAULT-VALUE}).")
    LaplacianMethod laplacian;

    @Option(names = "--fd-eps", paramLabel = "H", description = "Finite-difference step (default: ${DEFAULT-VALUE}).")
    double fdStep;

    @Option(names = "--precision", paramLabel = "P", description = "float32 or float64 training (evaluation is float64) (default: ${DEFAULT-VALUE}).")
    Precision precision;

    @Option(names = "--device", paramLabel = "cpu|gpu", description = "Compute device (default: ${DEFAULT-VALUE}).")
    SessionOptions.Device device;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "Hidden widths (default: 128,128,128 for a shared network, 64,64 for disjoint ones).")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", description = "${COMPLETION-CANDIDATES} (default: sin in a "
            + "box with Dirichlet walls, else softplus; see --explain).")
    Activation activation;

    @Option(names = "--network", paramLabel = "shared|disjoint", description = "One shared MLP or L disjoint MLPs (default: per problem, see --explain).")
    Parametrisation parametrisation;

    @Option(names = "--fourier", paramLabel = "M", description = "Random Fourier frequencies, 0 = raw input (default: per problem, see --explain).")
    Integer fourier;

    @Option(names = "--fourier-scale", paramLabel = "S", description = "Fourier frequency scale σ (default: per problem, see --explain).")
    Double fourierScale;

    @Option(names = "--envelope", paramLabel = "S0", description = "Learnable envelope exp(-|x|/s) with initial s (default: none).")
    Double envelope;

    @Option(names = "--centre", paramLabel = "C", split = ",",
            description = "Centre the solve's coordinates at C = c1,...,cd (bohr): samplers, envelope and network see "
                    + "x - C; output points stay in x. 0,...,0 keeps the origin; in d <= 3 the grids of the reference and "
                    + "the evaluation lie on the box around C (default: without walls, torus or Coulomb centres, the "
                    + "wanted states' mean when it lies off the origin; see --explain).")
    double[] centre;

    @Option(names = "--cusp", paramLabel = "KAPPA",
            description = "Coulomb cusp factor exp(-κr/(1+κr)) at the origin on every output; κ = Z/(c(d-1)) cancels "
                    + "the -Z/r singularity of the local energy (hydrogen: 2 in 2D, 1 in 3D for c = 0.5); 0 = none "
                    + "(default: a term exp(-κ_c r_c/(1+κ_c r_c)) at every Coulomb centre of the potential, e.g. "
                    + "both nuclei of h2plus, else none; see --explain).")
    Double cusp;

    @Option(names = "--sampler", paramLabel = "KIND", description = "gaussian, mixture (Gaussians of std s/16, s/4, s) or uniform (default: per problem, see --explain; in d >= 4 a potential with several wells may get Gaussians at its wells, which only the rule chooses).")
    SamplingDensity.Kind sampler;

    @Option(names = "--sampler-scale", paramLabel = "S", description = "Gaussian std, the mixture's widest std, or the uniform half-width; alone, a Gaussian's std (default: per problem, see --explain).")
    Double samplerScale;

    @Option(names = "--scale", paramLabel = "A", description = "a in T = a(-H) + b (default: 1/(E_next - E_L)).")
    Double scale;

    @Option(names = "--shift", paramLabel = "B", description = "b in T = a(-H) + b (default: a·E_next).")
    Double shift;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of initialisation and sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reference", paramLabel = "KIND",
            description = "What the solve is checked against: auto (exact when known, finite differences when d <= 3, "
                    + "else none), exact, fd or none; validation only, the solve never needs it (default: ${DEFAULT-VALUE}).")
    ReferenceMode reference;

    @Option(names = "--eval-grid", paramLabel = "N", description = "Evaluation grid points per axis, d <= 3 (default: per dimension; a Dirichlet box is integrated by Gauss-Legendre unless a grid is asked for).")
    Integer evalGrid;

    @Option(names = "--eval-points", paramLabel = "N", description = "Monte Carlo points of the final evaluation "
            + "(d > 3, or a 2D/3D Coulomb problem; default: 262144; the evaluations during training use 65536): standard "
            + "errors shrink as 1/sqrt(N). A Dirichlet box in d <= 6 is integrated by Gauss-Legendre instead: N is "
            + "then its budget, floor(N^(1/d)) points per axis, at most 64 (128 in 2D, 256 in 1D) (default 2^20: 16 "
            + "per axis in 5-D, 64 in 3-D).")
    Integer evalPoints;

    @Option(names = "--eval-every", paramLabel = "N", description = "Evaluate every N steps (default: steps/10).")
    Integer evalEvery;

    @Option(names = "--eval-precision", paramLabel = "P",
            description = "Network precision in evaluation: float64 or float32 (3-4x faster on large grids, values to "
                    + "~1e-6 relative; sums are float64 either way) (default: ${DEFAULT-VALUE}).")
    Precision evalPrecision;

    /**
     * A builder with these options; the ones left unset keep the builder's (per-problem) defaults, except that the
     * options of an experiment file ({@code fromFile}) run their fixed step count unless they set {@code --stop}, and
     * keep the trained output layer unless they set {@code --output-ritz}: an experiment file reproduces a paper's
     * protocol, which measures what each method's training reaches.
     */
    SolveBuilder builder(Problem problem, boolean fromFile) {
        return SolveBuilder.of(problem).outputs(outputs).guard(guard).adaptEvery(adaptEvery).sequence(sequence).mask(mask).gramBatch(gramBatch).outputRitz(outputRitz != null || !fromFile ? outputRitz : Boolean.FALSE).steps(steps).batch(batch).learningRate(learningRate)
                .optimizer(optimizer).cosineSchedule(!constantLearningRate).emaDecay(ema).method(method)
                .spin(spinDecay, spinMemoryMb).laplacian(laplacian, fdStep).precision(precision).device(device)
                .hidden(hidden).activation(activation).parametrisation(parametrisation).fourier(fourier, fourierScale)
                .envelope(envelope).cusp(cusp).centre(centre).sampler(sampler, samplerScale).mapping(scale, shift).seed(seed)
                .evalGrid(evalGrid).evalPoints(evalPoints).evalEvery(evalEvery).evalPrecision(evalPrecision).referenceMode(reference)
                .stop(stop != null || !fromFile ? stop : StopMode.STEPS, stopTolerance);
    }

    /**
     * The defaults shown in {@code --help} and applied to unset options: {@link SolveDefaults}, written as on the
     * command line. Options whose default depends on the problem (L, steps, sampler, cusp, network, Fourier features,
     * learning rate, evaluation grid) have none.
     */
    static Map<String, String> defaults() {
        Map<String, String> d = new HashMap<>();
        d.put("--batch", Integer.toString(SolveDefaults.BATCH));
        d.put("--optimizer", SolveDefaults.OPTIMIZER.toString());
        d.put("--ema", Double.toString(SolveDefaults.EMA_DECAY));
        d.put("--method", SolveDefaults.METHOD.toString());
        d.put("--spin-decay", Double.toString(SolveDefaults.SPIN_DECAY));
        d.put("--spin-memory-mb", Integer.toString(SolveDefaults.SPIN_MEMORY_MB));
        d.put("--laplacian", SolveDefaults.LAPLACIAN.toString());
        d.put("--fd-eps", Double.toString(SolveDefaults.FD_STEP));
        d.put("--precision", SolveDefaults.PRECISION.toString());
        d.put("--device", SolveDefaults.DEVICE.toString());
        d.put("--seed", Long.toString(SolveDefaults.SEED));
        d.put("--eval-precision", SolveDefaults.EVAL_PRECISION.toString());
        d.put("--reference", SolveDefaults.REFERENCE.toString());
        d.put("--stop-tolerance", Double.toString(org.opsvd.solver.train.ConvergenceRule.TOLERANCE));
        return d;
    }
}
