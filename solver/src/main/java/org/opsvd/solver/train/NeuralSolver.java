package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.opsvd.operators.Problem;
import org.opsvd.operators.action.LocalOperator;
import org.opsvd.solver.eval.EigenvalueInterval;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.eval.SpectralEstimate;
import org.opsvd.solver.eval.RayleighRitz;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.eval.SpectralMetrics;
import org.opsvd.solver.loss.Method;
import org.opsvd.solver.loss.NestedLoraLoss;
import org.opsvd.solver.loss.NeuralEfLoss;
import org.opsvd.solver.loss.OmmLoss;
import org.opsvd.solver.loss.SpinLoss;
import org.opsvd.solver.loss.TrainingLoss;
import org.opsvd.solver.loss.OperatorShift;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.MlpSpec;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.tensorflow.types.family.TFloating;

/**
 * NeuralSVD (or a baseline: NeuralEF, SpIN; {@link Method}) for a Schrödinger operator, end to end: builds the
 * network and the training graph from a {@link SolveConfig}, trains, and evaluates the moving-average
 * parameters in float64 on the reference's quadrature — eigenvalues by Rayleigh quotients
 * E_l = ⟨ψ_l, Hψ_l⟩/⟨ψ_l, ψ_l⟩ (scale-free, so valid for every method) and, for NeuralSVD only, by squared
 * norms E_l = −(‖ψ_l‖² − b)/a, and the NeuralSVD metrics against the reference functions.
 *
 * <p>SpIN's functions are defined up to the Cholesky mixing: its ψ are evaluated as L⁻¹ψ with L the Cholesky
 * factor of the exact evaluation Gram C = ⟨ψ, ψ⟩ on the quadrature (Gram–Schmidt in order), not of the
 * training average Σ̄: the quadrature Gram belongs to the evaluated (moving-average) parameters and is exact,
 * while Σ̄ is a noisy average over past parameters (and includes the ridge).
 */
public final class NeuralSolver {

  /**
   * One evaluation of the learned functions.
   *
   * @param step          steps completed
   * @param seconds       training wall time so far
   * @param rayleigh      Rayleigh-quotient eigenvalues (L), as the operator {@linkplain LocalOperator#reported
   *                      reports} them
   * @param normEnergies  squared-norm eigenvalues (L); null for the baselines, whose norms carry no eigenvalue
   * @param relErrors     |E_l − E_l^ref| / |E_l^ref| of the Rayleigh eigenvalues (L); NaN where E_l^ref = 0
   * @param absErrors     |E_l − E_l^ref| (L)
   * @param metrics       NeuralSVD metrics over the comparable modes, or null without reference functions
   * @param psi           the learned ψ_l = √p·f_l on the evaluation quadrature (not normalised)
   * @param spectral      Ritz values, residuals and local-energy variances of the learned span with standard
   *                      errors (0 on a deterministic quadrature), in the operator's own units; null when the
   *                      learned functions are numerically dependent
   * @param intervals     (or null, as spectral) an interval per mode for the l-th eigenvalue as reported (Weinstein/Lehmann lower end,
   *                      min–max upper end, statistical error folded in at z = {@value EigenvalueInterval#DEFAULT_Z})
   * @param evaluatedOn   the reference on whose quadrature this evaluation ran: the solve's own, or for Monte Carlo
   *                      with an adapted training density, points drawn from it ({@link SolveReference#drawnFrom})
   */
  public record Evaluation(int step, double seconds, double[] rayleigh, double[] normEnergies, double[] relErrors,
      double[] absErrors, MetricReport metrics, SampledFunctions psi, SpectralEstimate spectral,
      List<EigenvalueInterval> intervals, SolveReference evaluatedOn) {

    /** Mean relative eigenvalue error over the modes whose reference is not 0 (all L modes for a Hamiltonian). */
    public double meanRelativeError() {
      return java.util.Arrays.stream(relErrors).filter(e -> !Double.isNaN(e)).average().orElse(Double.NaN);
    }

    /** Mean absolute eigenvalue error over all L modes. */
    public double meanAbsoluteError() {
      return java.util.Arrays.stream(absErrors).average().orElse(Double.NaN);
    }
  }

  /** Receives training steps and evaluations as they happen. */
  public interface Observer {
    void onStep(Trainer.StepRecord step, double[] energies);

    void onEvaluation(Evaluation evaluation);

    /**
     * A checkpoint after {@code steps} steps is about to be written: logs written now cover at least the
     * steps it holds, so a run killed at any moment can be resumed with complete logs.
     */
    default void beforeCheckpoint(int steps) {
    }
  }

  /**
   * The outcome of a solve.
   *
   * @param outcome    how training ended
   * @param evaluation the final evaluation (moving-average parameters)
   * @param shift      T = a(−H) + b used
   * @param parameters final moving-average parameter values, one array per network parameter
   * @param network    the network (architecture and initial values)
   * @param sampler    the training density at the end (an adapted one with its last fit)
   * @param refinement what the output layer's Rayleigh–Ritz refinement did ({@link OutputLayerRitz}), or null when
   *                   it was off
   */
  public record Result(Trainer.Outcome outcome, Evaluation evaluation, OperatorShift shift, List<double[]> parameters,
      Mlp network, String sampler, OutputLayerRitz.Outcome refinement) {}

  private NeuralSolver() {
  }

  /** The network a configuration describes: L + G outputs, the wanted functions first, then the guards. */
  public static Mlp network(SolveConfig c) {
    MlpSpec spec = new MlpSpec(c.dimension(), c.hidden(), c.trainedOutputs(), c.activation(),
        c.parametrisation(),
        c.fourierFeatures() > 0 ? new MlpSpec.FourierFeatures(c.fourierFeatures(), c.fourierScale(),
            c.periodic() ? c.box() : 0) : null,
        c.envelopeScale() != null ? new MlpSpec.Envelope(c.envelopeScale()) : null,
        c.boxMask() ? new MlpSpec.BoxMask(c.box(), c.maskShape()) : null, c.cusp());
    return new Mlp(spec, c.seed());
  }

  /** The training density a configuration describes. */
  public static SamplingDensity density(SolveConfig c) {
    return SamplingDensity.of(c.sampler(), c.dimension(), c.samplerScale(), c.samplerShapeArray(), c.wells());
  }

  /**
   * Trains and evaluates.
   *
   * @param stop polled every step; true ends training early (results are still evaluated)
   */
  public static Result solve(Problem problem, SolveConfig config, SolveReference reference, Observer observer,
      BooleanSupplier stop) {
    return solve(problem, config, reference, observer, stop, null);
  }

  /**
   * Checkpointing of a run: where, how often, the configuration JSON stored with each checkpoint, and
   * the checkpoint to resume from (null for a fresh start).
   */
  public record Checkpointing(java.nio.file.Path directory, int every, String configJson, Checkpoint resume) {}

  /** As {@link #solve(Problem, SolveConfig, SolveReference, Observer, BooleanSupplier)}, with checkpoints. */
  public static Result solve(Problem problem, SolveConfig config, SolveReference reference, Observer observer,
      BooleanSupplier stop, Checkpointing checkpoints) {
    Mlp network = network(config);
    SamplingDensity density = density(config);
    OperatorShift shift = new OperatorShift(config.operatorScale(), config.operatorShift());
    if (reference.hasEnergies()) { // the guards' levels too, as far as the reference lists them
      shift.requireCapturable(Math.min(config.trainedOutputs(), reference.energies().length), reference.energies());
    }
    Precision precision = config.precision();
    SessionOptions session = SessionOptions.forDevice(config.device());
    TrainingLoss loss = loss(config, network, precision);
    CosineSchedule cosine = new CosineSchedule(config.learningRate(), config.steps(), config.cosineSchedule());
    ConvergenceStop convergence = config.convergence() == null ? null
        : new ConvergenceStop(config.convergence(), cosine, config.steps());
    Trainer.Settings settings = new Trainer.Settings(config.batch(), config.steps(),
        convergence == null ? cosine : convergence, new ParameterAverage(config.emaDecay()), config.seed());
    AdaptiveDensity sampler = new AdaptiveDensity(density, config.sequence());
    boolean adaptive = config.adaptEvery() > 0;
    try (TrainingGraph<TFloating> graph = new TrainingGraph<>(network, loss,
        config.laplacian(), config.fdStep(), problem.operator(), shift.scale(),
        shift.shift(), config.optimizer().spec(), precision, session, adaptive, config.gramBatch());
         LearnedEigenfunctions learned = new LearnedEigenfunctions(network, config.evalPrecision(),
             config.outputs());
         NetworkEvaluator<?> fitter = adaptive ? new NetworkEvaluator<>(network, false, config.evalPrecision()) : null) {
      int firstStep = 0;
      org.hipparchus.random.RandomGenerator rng = new org.hipparchus.random.Well19937c(config.seed());
      Checkpoint resume = checkpoints == null ? null : checkpoints.resume();
      if (resume != null) {
        Trainer.load(graph.session(), precision, allVariables(graph), resume.allValues());
        firstStep = resume.step();
        rng = resume.generator();
        sampler.restore(resume.sampler());
      } else {
        List<double[]> initial = new ArrayList<>();
        network.parameters().forEach(p -> initial.add(p.initial()));
        Trainer.initialise(graph, initial);
      }
      Trainer.CheckpointSink sink = checkpoints == null ? null : (done, generator) -> {
        observer.beforeCheckpoint(done);
        List<double[]> values = Trainer.read(graph.session(), allVariables(graph));
        int n = graph.parameters().size();
        try {
          new Checkpoint(done, Checkpoint.saveGenerator(generator), checkpoints.configJson(), values.subList(0, n),
              values.subList(n, 2 * n), values.subList(2 * n, values.size()), sampler.state())
              .write(checkpoints.directory());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e.getMessage(), e); // names the file and what survived
        }
      };
      Trainer.Outcome outcome = Trainer.train(graph, sampler, settings, step -> {
        double[] energies = new double[config.outputs()]; // the guards' energies are not reported
        for (int l = 0; l < energies.length; l++) {
          energies[l] = problem.operator().reported(shift.energyOf(step.rayleigh()[l]));
        }
        observer.onStep(step, energies);
        int done = step.step() + 1;
        if (convergence != null) convergence.stepsDone(done);
        boolean finalStep = done == config.steps() || convergence != null && convergence.getAsBoolean(); // evaluated below
        if (adaptive && done % config.adaptEvery() == 0 && !finalStep) {
          adapt(sampler, fitter, Trainer.read(graph.session(), graph.parameters()), config, done);
        }
        if (done % config.evalEvery() == 0 && !finalStep) {
          Evaluation e = evaluate(learned, Trainer.read(graph.session(), graph.averages()), done, step.seconds(),
              problem, config, reference.drawnFrom(sampler, problem, config.seed(), done), density, shift);
          if (convergence != null) convergence.evaluated(snapshot(problem, e, shift));
          observer.onEvaluation(e);
        }
      }, convergence == null ? stop : StopCondition.any(stop, convergence), firstStep, rng, sink,
          checkpoints == null ? 0 : checkpoints.every());
      if (convergence != null && outcome.stopReason() == null) {
        outcome = new Trainer.Outcome(outcome.steps(), outcome.seconds(), convergence.capReason(outcome.steps()), true,
            outcome.last());
      }
      List<double[]> params = Trainer.read(graph.session(), graph.averages());
      int finalPoints = config.evalPoints() == 0 && reference.checkPoints() != null
          ? SolveReference.FINAL_GAUSS_LEGENDRE_POINTS : config.finalMonteCarloPoints();
      SolveReference finalReference = reference.withMonteCarloPoints(finalPoints, problem, density,
          config.seed()).drawnFrom(sampler, problem, config.seed(), outcome.steps());
      OutputLayerRitz.Outcome refinement = null;
      if (config.outputRitz()) {
        refinement = OutputLayerRitz.refine(network, params, problem.operator(), density,
            finalReference.refitRules(problem, density, adaptive ? sampler : null, config.seed()), shift,
            config.evalPrecision());
        if (refinement.kept()) {
          params = refinement.parameters();
          if (checkpoints != null) refitCheckpoint(checkpoints.directory(), network.outputLayer(params));
        }
      }
      Evaluation last = evaluate(learned, params, outcome.steps(), outcome.seconds(), problem, config, finalReference,
          density, shift);
      observer.onEvaluation(last);
      return new Result(outcome, last, shift, params, network, adaptive ? sampler.describe() : density.describe(),
          refinement);
    }
  }

  /**
   * Adds the refined output layer to the run's last checkpoint, which {@code eval} and {@code export} read ({@link
   * Checkpoint#evaluated}); its training state stays as trained, so a resumed run trains on bit for bit.
   */
  private static void refitCheckpoint(java.nio.file.Path dir, double[] outputLayer) {
    try {
      Checkpoint.read(dir).withOutputLayer(outputLayer).write(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Points drawn to refit an {@link AdaptiveDensity}: enough for a d×d covariance up to d = 64 at a fit of 5 %. */
  static final int ADAPT_POINTS = 8192;

  /**
   * Refits the training density to the learned functions of the current parameters after {@code done} steps, from
   * {@value #ADAPT_POINTS} points of its own generator (seeded by the run's seed and the step, so the training batches'
   * stream is untouched and a resumed run refits identically).
   */
  static void adapt(AdaptiveDensity sampler, NetworkEvaluator<?> fitter, List<double[]> params, SolveConfig config,
      int done) {
    int d = config.dimension();
    double[] points = new double[ADAPT_POINTS * d];
    sampler.sample(new org.hipparchus.random.Well19937c(new int[] {(int) config.seed(), (int) (config.seed() >>> 32),
        done, 0x5A4D}), points, ADAPT_POINTS);
    double[] values = fitter.values(params, points).values();
    sampler.fit(points, values, config.trainedOutputs(), ADAPT_POINTS);
  }

  /**
   * What the {@link ConvergenceRule} reads of an evaluation: the reported Ritz values and, as widths, the widths of
   * their intervals (NaN if none), except where an interval's lower end is Weinstein's (the last cluster, with no
   * certified gap above it): there the second-order width θ⁺ − θ⁻ + (ρ⁺)²/(β − θ⁻), with β = b/a the energy the
   * mapping T = a(−H) + b sends to 0 (the next level as estimated when the mapping was chosen), when β − θ⁺ &gt; ρ⁺. β
   * is an estimate, not a bound, so it only judges convergence and never enters a reported interval. Without it the
   * rule compared the last modes' second-order movements with first-order widths 10–100× larger and stopped early:
   * h2plus, L = 2, stopped at 6 250 of 10 000 steps with E₁ 1.5e-3 off (1.1e-3 at 10 000).
   */
  static ConvergenceRule.Snapshot snapshot(Problem problem, Evaluation e, OperatorShift shift) {
    int l = e.rayleigh().length;
    double[] ritz = new double[l];
    double[] widths = new double[l];
    java.util.Arrays.fill(ritz, Double.NaN);
    java.util.Arrays.fill(widths, Double.NaN);
    if (e.spectral() != null && e.intervals() != null) {
      double z = EigenvalueInterval.DEFAULT_Z;
      double beta = shift.energyOf(0);
      for (int k = 0; k < l; k++) {
        org.opsvd.solver.eval.Estimate theta = e.spectral().ritzValue(k);
        ritz[k] = problem.operator().reported(theta.value());
        EigenvalueInterval interval = e.intervals().get(k);
        widths[k] = interval.width();
        double rho = e.spectral().residualNorm(k).upper(z);
        if (interval.lowerBound() == EigenvalueInterval.LowerBound.WEINSTEIN && beta - theta.upper(z) > rho) {
          double width = theta.upper(z) - theta.lower(z) + rho * rho / (beta - theta.lower(z));
          widths[k] = Math.min(widths[k], Math.abs(problem.operator().reported(theta.upper(z))
              - problem.operator().reported(theta.upper(z) - width)));
        }
      }
    }
    return new ConvergenceRule.Snapshot(e.step(), ritz, widths);
  }

  /**
   * The loss a configuration describes. SpIN with β &lt; 1 first checks that its Jacobian moving average,
   * L(L+1)/2·P numbers, fits under {@code spinMemoryMb}.
   *
   * @throws IllegalArgumentException when it does not
   */
  public static TrainingLoss loss(SolveConfig config, Mlp network, Precision precision) {
    Method method = config.method();
    int l = config.trainedOutputs();
    return switch (method) {
      case NEURALSVD_SEQ, NEURALSVD_JOINT -> new NestedLoraLoss(method.nesting(), l);
      case NEURALEF -> new NeuralEfLoss(false, l);
      case NEURALEF_UNBIASED -> new NeuralEfLoss(true, l);
      case OMM -> new OmmLoss(false, l);
      case SANGER_OMM -> new OmmLoss(true, l);
      case SPIN -> {
        if (config.spinDecay() < 1) {
          long p = 0;
          for (var parameter : network.parameters()) p += parameter.initial().length;
          SpinLoss.requireMemory(l, p, precision == Precision.FLOAT32 ? 4 : 8, config.spinMemoryMb());
        }
        yield new SpinLoss(l, config.spinDecay(), SpinLoss.DEFAULT_RIDGE);
      }
    };
  }

  /** Parameters, moving averages, optimiser slots and loss state (SpIN's averages), in checkpoint order. */
  private static <T extends TFloating> List<ResourceVariable<T>> allVariables(TrainingGraph<T> graph) {
    List<ResourceVariable<T>> all = new ArrayList<>(graph.parameters());
    all.addAll(graph.averages());
    all.addAll(graph.optimizer().slots());
    all.addAll(graph.state());
    return all;
  }

  /** References below this magnitude count as 0 for relative errors (e.g. 2e-16 from rounding an exact 0). */
  private static final double ZERO = 1e-12;

  /** Intervals of the learned operator's eigenvalues as it reports them (ends swapped when the map reverses order). */
  static List<EigenvalueInterval> reported(Problem problem, List<EigenvalueInterval> intervals) {
    List<EigenvalueInterval> out = new ArrayList<>();
    for (EigenvalueInterval i : intervals) {
      double a = problem.operator().reported(i.lower());
      double b = problem.operator().reported(i.upper());
      out.add(new EigenvalueInterval(Math.min(a, b), Math.max(a, b), i.lowerBound()));
    }
    return List.copyOf(out);
  }

  /** Eigenvalues of the problem's learned operator as it reports them ({@link LocalOperator#reported}); null stays null. */
  public static double[] reported(Problem problem, double[] eigenvalues) {
    if (eigenvalues == null) return null;
    double[] out = new double[eigenvalues.length];
    for (int k = 0; k < out.length; k++) out[k] = problem.operator().reported(eigenvalues[k]);
    return out;
  }

  static Evaluation evaluate(LearnedEigenfunctions learned, List<double[]> params, int step, double seconds,
      Problem problem, SolveConfig config, SolveReference reference, SamplingDensity density, OperatorShift shift) {
    LearnedEigenfunctions.Sampled s = learned.sample(params, reference.points(), reference.weights(), density,
        problem.operator());
    LearnedEigenfunctions.Sampled offset = reference.offsetPoints() == null ? null : learned.sample(params,
        reference.offsetPoints(), reference.weights(), density, problem.operator());
    // a Gauss–Legendre rule's coarser check rule: only for the error estimate, never in the reported values
    LearnedEigenfunctions.Sampled check = reference.checkPoints() == null ? null : learned.sample(params,
        reference.checkPoints(), reference.checkWeights(), density, problem.operator());
    // integrals on the grid together with its offset copy (a rule of twice the points, whose aliasing errors largely
    // cancel), the subspace metrics and the exported functions on the grid itself
    LearnedEigenfunctions.Sampled all = offset == null ? s : new LearnedEigenfunctions.Sampled(
        SampledFunctions.union(s.psi(), offset.psi()), SampledFunctions.union(s.hamiltonianPsi(), offset.hamiltonianPsi()));
    Method method = config.method();
    if (method == Method.SPIN) { // one demixing for both grids, from the joint Gram matrix
      org.ejml.data.DMatrixRMaj r = demixing(all);
      s = s.times(r);
      offset = offset == null ? null : offset.times(r);
      check = check == null ? null : check.times(r);
      all = all.times(r);
    }
    RayleighRitz rr = RayleighRitz.of(all.psi(), all.hamiltonianPsi());
    double[] rayleigh = rr.rayleighQuotients();
    double[] norms = rr.squaredNorms();
    int l = rayleigh.length;
    double[] normEnergies = method.isNeuralSvd() ? new double[l] : null;
    double[] reported = reported(problem, rayleigh);
    double[] referenceReported = reference.hasEnergies() ? reported(problem, reference.energies()) : null;
    double[] errors = new double[l];
    double[] absErrors = new double[l];
    for (int k = 0; k < l; k++) {
      if (normEnergies != null) normEnergies[k] = problem.operator().reported(shift.energyOf(norms[k]));
      if (referenceReported == null) { // no reference: nothing to compare with
        absErrors[k] = Double.NaN;
        errors[k] = Double.NaN;
        continue;
      }
      absErrors[k] = Math.abs(reported[k] - referenceReported[k]);
      // relative to a reference of 0 (a Markov generator's ν₀) the error is undefined: NaN, absolute error only
      errors[k] = Math.abs(referenceReported[k]) > ZERO ? absErrors[k] / Math.abs(referenceReported[k]) : Double.NaN;
    }
    MetricReport metrics = null;
    int m = reference.comparable();
    if (reference.functions() != null && m > 0) {
      SampledFunctions learnedM = m == l ? s.psi() : s.psi().leading(m);
      int[] starts = java.util.Arrays.stream(reference.groups().starts()).filter(g -> g < m).toArray();
      metrics = SpectralMetrics.evaluate(learnedM, reference.functions(), starts,
          java.util.Arrays.copyOf(rayleigh, m), java.util.Arrays.copyOf(reference.energies(), m));
    }
    SpectralEstimate spectral = null;
    List<EigenvalueInterval> intervals = null;
    try {
      spectral = check != null
          ? SpectralEstimate.againstCoarserRule(s.psi(), s.hamiltonianPsi(), check.psi(), check.hamiltonianPsi())
          : offset == null ? SpectralEstimate.monteCarlo(s.psi(), s.hamiltonianPsi())
          : SpectralEstimate.interleaved(s.psi(), s.hamiltonianPsi(), offset.psi(), offset.hamiltonianPsi());
      intervals = reported(problem, EigenvalueInterval.of(spectral, EigenvalueInterval.DEFAULT_Z));
    } catch (IllegalArgumentException degenerate) {
      // early in training the learned functions can be (numerically) dependent: no estimate this time
    }
    return new Evaluation(step, seconds, reported, normEnergies, errors, absErrors, metrics, s.psi(), spectral,
        intervals, reference);
  }

  /**
   * SpIN's demixing R = L⁻ᵀ with C = ⟨ψ, ψ⟩ = LLᵀ on the quadrature: ψ' = ψR and Hψ' = HψR, so ψ'_k is ψ_k
   * orthogonalised against ψ_1..ψ_{k−1} and normalised (⟨ψ', ψ'⟩ = I).
   *
   * @throws org.opsvd.solver.NumericalFailure when C is not positive definite (linearly dependent functions)
   */
  static org.ejml.data.DMatrixRMaj demixing(LearnedEigenfunctions.Sampled s) {
    org.ejml.data.DMatrixRMaj c = s.psi().gram();
    int l = c.numRows;
    var chol = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(l, true);
    if (!chol.decompose(c.copy())) {
      throw new org.opsvd.solver.NumericalFailure("SpIN evaluation: the Gram matrix of the learned functions is not positive"
          + " definite (the functions are linearly dependent), so they cannot be orthonormalised");
    }
    org.ejml.data.DMatrixRMaj lower = chol.getT(null);
    org.ejml.data.DMatrixRMaj inverse = new org.ejml.data.DMatrixRMaj(l, l);
    if (!org.ejml.dense.row.CommonOps_DDRM.invert(lower, inverse)) {
      throw new org.opsvd.solver.NumericalFailure("SpIN evaluation: singular Cholesky factor");
    }
    org.ejml.data.DMatrixRMaj r = new org.ejml.data.DMatrixRMaj(l, l);
    org.ejml.dense.row.CommonOps_DDRM.transpose(inverse, r);
    return r;
  }
}
