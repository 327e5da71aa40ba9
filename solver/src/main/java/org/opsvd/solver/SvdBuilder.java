package org.opsvd.solver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.opsvd.operators.kernels.KernelCatalog;
import org.opsvd.operators.kernels.KernelRequest;
import org.opsvd.operators.kernels.SvdProblem;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.run.RunTarget;
import org.opsvd.solver.run.SvdRunWriter;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.SvdConfig;
import org.opsvd.solver.train.SvdDefaults;
import org.opsvd.solver.train.SvdSolver;
import org.opsvd.solver.train.SvdTrainer;

/**
 * An operator-SVD solve from Java code, with the same defaults as {@code opsvd svd} ({@link SvdDefaults}) for
 * every setting left unset:
 *
 * <pre>{@code
 * SvdSolver.Result r = SvdBuilder.of(KernelRequest.named("volterra")).outputs(8).steps(4000).solve();
 * double[] sigma = r.evaluation().singularValues();
 * }</pre>
 *
 * <p>The problem comes from the kernel catalog ({@link KernelCatalog}, built when the solve starts, with this
 * builder's L, evaluation points and seed) or is given ready-made ({@link #of(SvdProblem)}). With
 * {@link #writeTo} the solve writes a run directory as {@code opsvd svd} does ({@link SvdRunWriter}), and
 * {@link #resumeFrom} continues one from its checkpoint bit for bit. Not thread-safe.
 */
public final class SvdBuilder extends TrainingBuilder<SvdBuilder> {

  private final KernelRequest request;
  private final SvdProblem given;
  private int outputs = SvdDefaults.OUTPUTS;
  private int guard = SvdDefaults.GUARD;
  private double modeBalance = SvdDefaults.MODE_BALANCE;
  private Nesting nesting = SvdDefaults.NESTING;
  private int evalPoints = SvdDefaults.EVAL_POINTS;
  private SvdProblem problem;

  private SvdBuilder(KernelRequest request, SvdProblem given) {
    this.request = request;
    this.given = given;
    steps = SvdDefaults.STEPS;
    batch = SvdDefaults.BATCH;
    learningRate = SvdDefaults.LEARNING_RATE;
    optimizer = SvdDefaults.OPTIMIZER;
    cosineSchedule = SvdDefaults.COSINE_SCHEDULE;
    emaDecay = SvdDefaults.EMA_DECAY;
    precision = SvdDefaults.PRECISION;
    device = SvdDefaults.DEVICE;
    hidden = SvdDefaults.HIDDEN;
    activation = SvdDefaults.ACTIVATION;
    parametrisation = SvdDefaults.PARAMETRISATION;
    fourierFeatures = SvdDefaults.FOURIER_FEATURES;
    fourierScale = SvdDefaults.FOURIER_SCALE;
    seed = SvdDefaults.SEED;
  }

  @Override
  protected SvdBuilder self() {
    return this;
  }

  /** A solve of the catalog's problem for {@code request}. */
  public static SvdBuilder of(KernelRequest request) {
    if (request == null) throw new IllegalArgumentException("request must not be null");
    return new SvdBuilder(request, null);
  }

  /** A solve of a ready-made problem (e.g. a kernel of one's own). */
  public static SvdBuilder of(SvdProblem problem) {
    if (problem == null) throw new IllegalArgumentException("problem must not be null");
    return new SvdBuilder(null, problem);
  }

  /** L, the singular pairs learned (default {@value SvdDefaults#OUTPUTS}). */
  public SvdBuilder outputs(int l) {
    unlocked("outputs");
    this.outputs = l;
    return this;
  }

  /**
   * G, guard pairs trained after the L wanted ones and not reported (default {@value SvdDefaults#GUARD}); null for the
   * default.
   */
  public SvdBuilder guard(Integer g) {
    this.guard = g != null ? g : SvdDefaults.GUARD;
    return this;
  }

  /**
   * p of {@link org.opsvd.solver.train.SvdModeBalance}, the last pairs' larger share of each step (default
   * {@value SvdDefaults#MODE_BALANCE}; 0: the plain nested loss); null for the default.
   */
  public SvdBuilder modeBalance(Double p) {
    this.modeBalance = p != null ? p : SvdDefaults.MODE_BALANCE;
    return this;
  }

  /** Sequential (default) or joint nesting. */
  public SvdBuilder nesting(Nesting n) {
    this.nesting = n;
    return this;
  }

  /** Quadrature points per side, or Monte Carlo / data points (default {@value SvdDefaults#EVAL_POINTS}). */
  public SvdBuilder evalPoints(int n) {
    unlocked("evalPoints");
    this.evalPoints = n;
    return this;
  }

  /**
   * The problem (built from the catalog on first use with this builder's L, evaluation points and seed).
   *
   * @throws IllegalArgumentException for an unknown name, bad parameters or too little data
   */
  public SvdProblem problem() {
    if (problem == null) {
      try {
        problem = given != null ? given : KernelCatalog.build(request, outputs, evalPoints, seed);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    return problem;
  }

  /** The fully resolved configuration, as written to {@code config.json}. */
  public SvdConfig config() {
    String kernel = request == null ? null : request.kernel();
    String name = request == null ? problem().name() : request.sourceName();
    int n = steps != null ? steps : SvdDefaults.STEPS;
    return new SvdConfig(name, kernel, outputs, n, batch,
        learningRate != null ? learningRate : SvdDefaults.LEARNING_RATE, optimizer, cosineSchedule, emaDecay,
        nesting, precision, device, hidden != null ? hidden : SvdDefaults.HIDDEN, activation,
        parametrisation != null ? parametrisation : SvdDefaults.PARAMETRISATION,
        fourierFeatures != null ? fourierFeatures : SvdDefaults.FOURIER_FEATURES,
        fourierScale != null ? fourierScale : SvdDefaults.FOURIER_SCALE, seed,
        evalPoints, evalEvery != null ? evalEvery : Math.max(1, n / 10),
        guard, modeBalance);
  }

  /** The checkpoint a {@link #resumeFrom} run continues from (checked against the settings), or null. */
  public Checkpoint checkpoint() {
    return run.directory() == null ? null : run.checkpoint(checkpointConfig(config()));
  }

  /** Trains and evaluates, silently (writing the run directory when one is set). */
  public SvdSolver.Result solve() {
    return solve(new SvdSolver.Observer() {
      @Override
      public void onStep(SvdTrainer.StepRecord step) {
      }

      @Override
      public void onEvaluation(SvdSolver.Evaluation evaluation) {
      }
    });
  }

  /** Trains and evaluates, reporting steps and evaluations to {@code observer}. */
  public SvdSolver.Result solve(SvdSolver.Observer observer) {
    SvdConfig config = config();
    if (run.directory() == null) {
      return SvdSolver.solve(problem(), config, observer, run.stop());
    }
    String json = checkpointConfig(config);
    try (SvdRunWriter writer = new SvdRunWriter(run.directory(), problem(), config, run.resumeStep(json),
        observer)) {
      SvdSolver.Result result;
      try {
        result = SvdSolver.solve(problem(), config, writer, run.stop(),
            run.checkpointing(json, config.evalEvery()));
      } catch (NumericalFailure e) {
        writer.failed(e);
        throw e;
      }
      summary = writer.finish(result);
      run.finish();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * The configuration a checkpoint belongs to: the {@link SvdConfig} plus the request's parameters that define
   * the operator or data (measure, dimension, ρ, ℓ, σ, classes, sampling, pair files), keyed by option name.
   */
  private String checkpointConfig(SvdConfig config) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = mapper.valueToTree(config);
    if (request != null) {
      node.put("measure", request.measure());
      node.put("split", request.split());
      node.put("dim", request.dimension());
      node.put("rho", request.rho());
      node.put("length-scale", request.lengthScale());
      node.put("sigma", request.sigma());
      node.put("classes", request.classes());
      node.put("sampling", request.stratified() ? "stratified" : "iid");
      var files = node.putArray("pairs");
      if (request.pairs() != null) request.pairs().forEach(f -> files.add(f.toAbsolutePath().normalize().toString()));
    }
    return RunTarget.json(node);
  }

  @Override
  protected void unlocked(String what) {
    if (problem != null && given == null) {
      throw new IllegalStateException(what + " cannot change after the problem was built; make a new builder");
    }
  }
}
