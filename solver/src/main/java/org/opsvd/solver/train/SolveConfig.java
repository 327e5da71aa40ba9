package org.opsvd.solver.train;

import org.opsvd.operators.MemoryBudget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.opsvd.solver.loss.Method;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.CuspFactor;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.MaskShape;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;

/**
 * The fully resolved settings of one solve (NeuralSVD or a baseline), every default filled in, as written to
 * {@code config.json} and {@code summary.json} (each choice an enum, written by its command-line name). Energies are in hartree, lengths in bohr (atomic units).
 *
 * @param operator         built-in operator name, or null for an expression
 * @param potential        potential expression, or null for a built-in
 * @param dimension        d
 * @param kinetic          c in H = −c·Δ + V
 * @param outputs          L, the number of eigenfunctions learned
 * @param steps            optimiser steps (with {@code convergence}: the cap)
 * @param batch            B (even)
 * @param learningRate     initial learning rate
 * @param optimizer        adam or rmsprop
 * @param cosineSchedule   anneal the learning rate to 0 with a cosine
 * @param emaDecay         parameter moving-average decay used for evaluation (0 = off)
 * @param method           spin, neuralef, neuralef-unbiased, neuralsvd-seq, neuralsvd-joint, omm or sanger-omm ({@link
 *                         org.opsvd.solver.loss.Method}); read from the field {@code nesting} of older runs
 * @param spinDecay        SpIN's moving-average rate β ∈ (0, 1] (checked for SpIN only)
 * @param spinMemoryMb     SpIN: refuse a Jacobian moving average above this many MiB (checked for SpIN only)
 * @param laplacian        forward, autodiff or finite-difference
 * @param fdStep           finite-difference step (finite-difference Laplacian only)
 * @param precision        float32 or float64 training graph (evaluation is always float64)
 * @param device           cpu or gpu
 * @param hidden           hidden-layer widths
 * @param activation       softplus, tanh, sin or gelu
 * @param parametrisation  shared (one MLP, L outputs) or disjoint (L MLPs)
 * @param fourierFeatures  number m of random Fourier frequencies (0 = raw input)
 * @param fourierScale     σ of the Fourier frequencies
 * @param envelopeScale    initial s_l of the learnable envelope exp(−|x|/s_l), or null for none
 * @param cusp             Coulomb cusp factor on every output, one term exp(−κu), u = r/(1+κr), per centre ({@link
 *                         CuspFactor}), or null for none; JSON: κ alone for one centre at the origin (as older runs
 *                         wrote it), else a list of {position, kappa}
 * @param boxMask          Dirichlet box mask on [−box, box]^d
 * @param box              half-width of the operator's box (evaluation grid, mask, uniform sampler)
 * @param sampler          gaussian, mixture (three Gaussians s/16, s/4, s), uniform or wells (Gaussians at the
 *                         potential's wells, {@link SamplingDensity.WellMixture})
 * @param samplerScale     Gaussian standard deviation, uniform half-width, or the wells' factor s on their widths
 * @param operatorScale    a in T = a·(−H) + b
 * @param operatorShift    b
 * @param seed             seed of the network initialisation and of the sampler
 * @param evalGrid         points per axis of the evaluation quadrature grid on [−box, box]^d
 * @param evalEvery        evaluate on the grid every this many steps (and at the end)
 * @param evalPrecision    precision of the network in evaluation, float64 or float32 (quadrature sums are
 *                         float64 either way)
 * @param guard            G, guard functions trained after the L reported ones (the network has L + G outputs, the
 *                         nested loss covers all of them, everything reported covers the first L); left out of the
 *                         JSON when 0, and 0 when absent (configurations written before guard modes)
 * @param convergence      the rule that ends training once the Ritz values settle ({@link ConvergenceRule}), or null
 *                         for exactly {@code steps} steps (left out of the JSON then; configurations written before
 *                         the rule have none)
 * @param adaptEvery       refit the training density to the learned functions every this many steps ({@link
 *                         AdaptiveDensity}; the density above stays the envelope of ψ = √p·f), or 0 for a fixed density
 *                         (left out of the JSON then, and 0 when absent)
 * @param evalPoints       Monte Carlo points of the final evaluation, or 0 for {@link
 *                         SolveReference#FINAL_MONTE_CARLO_POINTS} (left out of the JSON then, and 0 when absent);
 *                         unused on a grid quadrature
 * @param periodic         the problem lives on the torus [−box, box)^d: the Fourier features are its harmonics
 *                         ({@link org.opsvd.solver.neural.MlpSpec.FourierFeatures}; left out of the JSON when false)
 * @param centre           c (bohr, d values): the solve runs in y = x − c ({@link StatesCentre}), the network
 *                         and the density see y; null for the origin (left out of the JSON then)
 * @param samplerShape     a Gaussian sampler's per-axis factors a_j ≤ 1 (standard deviations samplerScale·a_j,
 *                         {@link SamplerChoice}), or null for an isotropic one (left out of the JSON then)
 * @param sequence         how each batch's points are drawn: sobol (randomised quasi-Monte Carlo) or random
 *                         (independent draws; configurations written before the choice, which lack the field)
 * @param wells            the wells sampler's wells, each a centre and the harmonic widths that the scale multiplies
 *                         ({@link Wells}), in the solve's coordinates y; null for the other samplers (left out of the
 *                         JSON then, and absent in configurations written before the wells sampler)
 * @param mask             the Dirichlet mask's factor when it is not the exponential one ({@link MaskShape}; left
 *                         out of the JSON then, as in configurations written before the choice): see {@link
 *                         #maskShape}
 * @param gramBatch        M, points drawn besides each batch and evaluated forward only for the Gram factor of the
 *                         NeuralSVD gradient ({@link org.opsvd.solver.loss.NestedLoraLoss}: pooled with the other half
 *                         batch), or 0 for the half batches alone (left out of the JSON then, and 0 when absent)
 * @param outputRitz       after training, set the output layer by Rayleigh–Ritz over the last hidden layer's
 *                         features ({@link OutputLayerRitz}), kept where it lowers the held-out Ritz values; shared
 *                         networks only (left out of the JSON when false, and false when absent)
 */
public record SolveConfig(String operator, String potential, int dimension, double kinetic, int outputs,
    int steps, int batch, double learningRate, OptimizerSpec.Kind optimizer, boolean cosineSchedule, double emaDecay,
    @com.fasterxml.jackson.annotation.JsonAlias("nesting") Method method, double spinDecay, int spinMemoryMb,
    LaplacianMethod laplacian, double fdStep, Precision precision, SessionOptions.Device device,
    List<Integer> hidden, Activation activation, Parametrisation parametrisation, int fourierFeatures,
    double fourierScale, Double envelopeScale, CuspFactor cusp, boolean boxMask, double box, SamplingDensity.Kind sampler,
    double samplerScale, double operatorScale, double operatorShift, long seed, int evalGrid, int evalEvery,
    Precision evalPrecision, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int guard,
    @JsonInclude(JsonInclude.Include.NON_NULL) ConvergenceRule convergence,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int adaptEvery,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int evalPoints,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean periodic,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> centre,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> samplerShape, PointSequence sequence,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<SamplingDensity.WellMixture.Component> wells,
    @JsonInclude(JsonInclude.Include.NON_NULL) MaskShape mask,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int gramBatch,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean outputRitz) {

  public SolveConfig {
    mask = !boxMask || mask == MaskShape.EXPONENTIAL ? null : mask; // old checkpoints (no field) stay resumable
    sequence = sequence == null ? PointSequence.RANDOM : sequence;
    hidden = List.copyOf(hidden);
    centre = centre == null ? null : List.copyOf(centre);
    samplerShape = samplerShape == null ? null : List.copyOf(samplerShape);
    wells = wells == null ? null : List.copyOf(wells);
    if (centre != null && centre.size() != dimension) {
      throw new IllegalArgumentException("a centre of " + centre.size() + " coordinates in " + dimension + "D");
    }
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(laplacian, "laplacian");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(parametrisation, "parametrisation");
    Objects.requireNonNull(sampler, "sampler");
    Objects.requireNonNull(evalPrecision, "evalPrecision");
    if (outputs < 1) throw new IllegalArgumentException("--L must be at least 1, got " + outputs);
    TrainingChecks.guard(guard, outputs);
    if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
    if (batch < 2 || batch % 2 != 0) {
      throw new IllegalArgumentException("--batch must be even and at least 2 (the unbiased Gram estimate splits "
          + "the batch into two halves), got " + batch);
    }
    if (evalGrid < 2) throw new IllegalArgumentException("--eval-grid must be at least 2, got " + evalGrid);
    if (adaptEvery < 0) {
      throw new IllegalArgumentException("--adapt-every must be 0 (a fixed density) or a number of steps, got "
          + adaptEvery);
    }
    if (periodic && (fourierFeatures < dimension || fourierFeatures % dimension != 0)) {
      throw new IllegalArgumentException("a periodic problem learns on the harmonics of its torus: --fourier must be a"
          + " positive multiple of d = " + dimension + " (harmonics per axis × d), got " + fourierFeatures);
    }
    if (evalPoints != 0 && evalPoints < 2) {
      throw new IllegalArgumentException("--eval-points must be at least 2, got " + evalPoints);
    }
    if (evalEvery < 1) throw new IllegalArgumentException("--eval-every must be at least 1, got " + evalEvery);
    TrainingChecks.gramBatch(gramBatch, method);
    if (outputRitz && parametrisation == Parametrisation.DISJOINT) {
      throw new IllegalArgumentException("--output-ritz needs --network shared: a disjoint network has no shared last"
          + " hidden layer whose features the outputs combine");
    }
    if (method == Method.SPIN) {
      if (!(spinDecay > 0 && spinDecay <= 1)) {
        throw new IllegalArgumentException("--spin-decay must be in (0, 1], got " + spinDecay);
      }
      if (spinMemoryMb < 0) throw new IllegalArgumentException("--spin-memory-mb must be >= 0, got " + spinMemoryMb);
    }
    SamplingDensity.of(sampler, dimension, samplerScale, samplerShapeArray(), wells); // checks them before any work
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("--lr must be positive and finite, got " + learningRate);
    }
    TrainingChecks.emaDecay(emaDecay);
    TrainingChecks.hidden(hidden);
    TrainingChecks.fourier(fourierFeatures, fourierScale);
    if (laplacian == LaplacianMethod.FINITE_DIFFERENCE) TrainingChecks.positive("--fd-eps", fdStep);
    TrainingChecks.positive("--envelope", envelopeScale);
    if (cusp != null) cusp.requireDimension(dimension);
    TrainingChecks.finite("--scale", operatorScale);
    TrainingChecks.finite("--shift", operatorShift);
    if (dimension <= 3) {
      long points = MemoryBudget.power(evalGrid, dimension);
      int trained = outputs + guard;
      String what = "--eval-grid " + evalGrid + " in " + dimension + "D with --L " + outputs
          + (guard > 0 ? " and --guard " + guard : "");
      MemoryBudget.requireIndexable(MemoryBudget.times(points, Math.max(dimension, trained)), what);
      // points, weights, the learned and the reference functions, and the evaluation's work arrays
      MemoryBudget.require(MemoryBudget.times(points, 8L * (dimension + 2 + 4L * trained)), what + " ("
          + points + " points)");
    }
    TrainingChecks.memory(dimension, hidden, outputs + guard, parametrisation, fourierFeatures, batch, dimension + 2,
        1);
  }

  /** The Dirichlet mask's factor: {@code mask}, or the exponential one when it is null; null without a mask. */
  public MaskShape maskShape() {
    return !boxMask ? null : mask == null ? MaskShape.EXPONENTIAL : mask;
  }

  /** Monte Carlo points of the final evaluation: {@code evalPoints}, or the default when 0. */
  public int finalMonteCarloPoints() {
    return evalPoints == 0 ? SolveReference.FINAL_MONTE_CARLO_POINTS : evalPoints;
  }

  /** L + G, the functions the network learns (its outputs). */
  public int trainedOutputs() {
    return outputs + guard;
  }

  /** {@link #samplerShape} as an array, or null. */
  public double[] samplerShapeArray() {
    return samplerShape == null ? null : samplerShape.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Points (row-major [N, d]) moved from the solve's coordinates y to x = y + c, in place. */
  public double[] toOriginal(double[] points) {
    return move(points, +1);
  }

  /** Points (row-major [N, d]) moved from x to the solve's coordinates y = x − c, in place. */
  public double[] toSolve(double[] points) {
    return move(points, -1);
  }

  private double[] move(double[] points, int sign) {
    if (centre == null) return points;
    for (int i = 0; i < points.length; i++) points[i] += sign * centre.get(i % dimension);
    return points;
  }
}
