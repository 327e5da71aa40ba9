package org.opsvd.solver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.opsvd.operators.kernels.KernelCatalog;
import org.opsvd.operators.kernels.KernelRequest;
import org.opsvd.operators.kernels.SvdProblem;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.run.RunTarget;
import org.opsvd.solver.run.SvdRunWriter;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.OptimizerSpec;
import org.opsvd.solver.train.SessionOptions;
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
public final class SvdBuilder {

  private final KernelRequest request;
  private final SvdProblem given;
  private int outputs = SvdDefaults.OUTPUTS;
  private int steps = SvdDefaults.STEPS;
  private int batch = SvdDefaults.BATCH;
  private double learningRate = SvdDefaults.LEARNING_RATE;
  private OptimizerSpec.Kind optimizer = SvdDefaults.OPTIMIZER;
  private boolean cosineSchedule = SvdDefaults.COSINE_SCHEDULE;
  private double emaDecay = SvdDefaults.EMA_DECAY;
  private Nesting nesting = SvdDefaults.NESTING;
  private Precision precision = SvdDefaults.PRECISION;
  private SessionOptions.Device device = SvdDefaults.DEVICE;
  private List<Integer> hidden = SvdDefaults.HIDDEN;
  private Activation activation = SvdDefaults.ACTIVATION;
  private Parametrisation parametrisation = SvdDefaults.PARAMETRISATION;
  private int fourierFeatures = SvdDefaults.FOURIER_FEATURES;
  private double fourierScale = SvdDefaults.FOURIER_SCALE;
  private long seed = SvdDefaults.SEED;
  private int evalPoints = SvdDefaults.EVAL_POINTS;
  private Integer evalEvery;
  private final RunTarget run = new RunTarget();
  private SvdProblem problem;
  private Map<String, Object> summary;

  private SvdBuilder(KernelRequest request, SvdProblem given) {
    this.request = request;
    this.given = given;
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

  /** Optimiser steps (default {@value SvdDefaults#STEPS}). */
  public SvdBuilder steps(int n) {
    this.steps = n;
    return this;
  }

  /** Samples of x and of y per step, even (default {@value SvdDefaults#BATCH}). */
  public SvdBuilder batch(int b) {
    this.batch = b;
    return this;
  }

  /** Initial learning rate (default {@value SvdDefaults#LEARNING_RATE}). */
  public SvdBuilder learningRate(double lr) {
    this.learningRate = lr;
    return this;
  }

  /** The update rule (default Adam). */
  public SvdBuilder optimizer(OptimizerSpec.Kind kind) {
    this.optimizer = kind;
    return this;
  }

  /** Cosine annealing of the learning rate to 0 (default) or a constant rate. */
  public SvdBuilder cosineSchedule(boolean on) {
    this.cosineSchedule = on;
    return this;
  }

  /** Parameter moving-average decay for evaluation (default {@value SvdDefaults#EMA_DECAY}). */
  public SvdBuilder emaDecay(double decay) {
    this.emaDecay = decay;
    return this;
  }

  /** Sequential (default) or joint nesting. */
  public SvdBuilder nesting(Nesting n) {
    this.nesting = n;
    return this;
  }

  /** Training precision (default float32). */
  public SvdBuilder precision(Precision p) {
    this.precision = p;
    return this;
  }

  /** Compute device (default CPU). */
  public SvdBuilder device(SessionOptions.Device d) {
    this.device = d;
    return this;
  }

  /** Hidden widths of each network (default 128, 128). */
  public SvdBuilder hidden(List<Integer> widths) {
    this.hidden = List.copyOf(widths);
    return this;
  }

  /** Activation of the hidden layers (default softplus). */
  public SvdBuilder activation(Activation a) {
    this.activation = a;
    return this;
  }

  /** One network per side (default) or one per singular function. */
  public SvdBuilder parametrisation(Parametrisation p) {
    this.parametrisation = p;
    return this;
  }

  /** m random Fourier frequencies of scale σ (default 32 of scale 1). */
  public SvdBuilder fourier(int frequencies, double scale) {
    this.fourierFeatures = frequencies;
    this.fourierScale = scale;
    return this;
  }

  /** Seed of the networks (g: seed + 1), sampling and evaluation points (default 0). */
  public SvdBuilder seed(long s) {
    unlocked("seed");
    this.seed = s;
    return this;
  }

  /** Quadrature points per side, or Monte Carlo / data points (default {@value SvdDefaults#EVAL_POINTS}). */
  public SvdBuilder evalPoints(int n) {
    unlocked("evalPoints");
    this.evalPoints = n;
    return this;
  }

  /** Evaluate every n steps (default steps/10); null for the default. */
  public SvdBuilder evalEvery(Integer n) {
    this.evalEvery = n;
    return this;
  }

  /** Write a run directory while solving (created now) ({@link SvdRunWriter}). */
  public SvdBuilder writeTo(Path dir) {
    run.writeTo(dir);
    return this;
  }

  /** Continue the run in {@code dir} from its checkpoint, bit for bit (the same settings are required). */
  public SvdBuilder resumeFrom(Path dir) {
    run.resumeFrom(dir);
    return this;
  }

  /** Checkpoint every n steps and at the end (default: as {@link #evalEvery}; 0 = only at the end). */
  public SvdBuilder checkpointEvery(Integer n) {
    run.checkpointEvery(n);
    return this;
  }

  /** Draw {@code figures/*.png} at the end of a run written with {@link #writeTo} (default true). */
  public SvdBuilder figures(boolean on) {
    run.figures(on);
    return this;
  }

  /** Polled every step; true ends training early. */
  public SvdBuilder stopWhen(BooleanSupplier condition) {
    run.stopWhen(condition);
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
    return new SvdConfig(name, kernel, outputs, steps, batch, learningRate, optimizer, cosineSchedule, emaDecay,
        nesting, precision, device, hidden, activation, parametrisation, fourierFeatures, fourierScale, seed,
        evalPoints, evalEvery != null ? evalEvery : Math.max(1, steps / 10));
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
      SvdSolver.Result result = SvdSolver.solve(problem(), config, writer, run.stop(),
          run.checkpointing(json, config.evalEvery()));
      summary = writer.finish(result);
      run.finish();
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** The content of {@code summary.json} of the last solve that wrote a run directory, or null. */
  public Map<String, Object> summary() {
    return summary;
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

  private void unlocked(String what) {
    if (problem != null && given == null) {
      throw new IllegalStateException(what + " cannot change after the problem was built; make a new builder");
    }
  }
}
