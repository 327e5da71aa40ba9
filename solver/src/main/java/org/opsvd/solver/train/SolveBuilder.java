package org.opsvd.solver.train;

import java.util.List;
import org.opsvd.operators.Problem;
import org.opsvd.solver.loss.OperatorShift;
import org.opsvd.solver.neural.Laplacians;

/**
 * A NeuralSVD solve from Java code (notebooks, scripts) in three lines, with the same defaults as
 * {@code opsvd solve} ({@link SolveDefaults}) for every setting left unset:
 *
 * <pre>{@code
 * SolveBuilder b = SolveBuilder.of(problem).outputs(6).steps(3000).hidden(64, 64);
 * SolveReference reference = b.reference();  // exact / finite-difference reference, built once
 * NeuralSolver.Result result = b.solve();    // trains, then evaluates on the reference's quadrature
 * }</pre>
 *
 * <p>The operator mapping T = a(−H) + b is taken from the reference ({@link SolveDefaults#shift}) unless
 * {@link #mapping} sets it. Only the settings a notebook usually changes have setters; {@link #config()}
 * gives the full {@link SolveConfig} for anything else (records are immutable: rebuild it and call
 * {@link NeuralSolver#solve} directly). A builder is not thread-safe; the reference is computed on the
 * first call of {@link #reference()}, {@link #config()} or {@link #solve()} and reused after that (the
 * setters that change it — outputs, evaluation grid, sampler, seed — are refused afterwards).
 */
public final class SolveBuilder {

  private final Problem problem;
  private Integer outputs;
  private Integer steps;
  private int batch = SolveDefaults.BATCH;
  private double learningRate = SolveDefaults.LEARNING_RATE;
  private String optimizer = "adam";
  private boolean cosineSchedule = true;
  private double emaDecay = 0.995;
  private String method = "neuralsvd-seq";
  private double spinDecay = 0.01;
  private int spinMemoryMb = 2048;
  private String laplacian = "forward";
  private double fdStep = Laplacians.DEFAULT_STEP;
  private List<Integer> hidden = List.of(128, 128, 128);
  private String activation = "softplus";
  private String parametrisation = "shared";
  private int fourierFeatures;
  private double fourierScale = 1;
  private Double envelope;
  private Double cusp;
  private String sampler;
  private Double samplerScale;
  private Double scale;
  private Double shift;
  private long seed;
  private Integer evalGrid;
  private Integer evalEvery;
  private String evalPrecision = "float64";
  private String precision = "float32";
  private String device = "cpu";
  private SolveReference reference;

  private SolveBuilder(Problem problem) {
    if (problem == null) throw new IllegalArgumentException("problem must not be null");
    this.problem = problem;
  }

  /** A builder with every setting at the {@code opsvd solve} default. */
  public static SolveBuilder of(Problem problem) {
    return new SolveBuilder(problem);
  }

  /** L, the number of eigenfunctions (default {@link SolveDefaults#outputs}). */
  public SolveBuilder outputs(Integer l) {
    unlocked("outputs");
    this.outputs = l;
    return this;
  }

  /** Optimiser steps (default {@link SolveDefaults#steps}). */
  public SolveBuilder steps(Integer n) {
    this.steps = n;
    return this;
  }

  /** Batch size B, even (default {@value SolveDefaults#BATCH}). */
  public SolveBuilder batch(int b) {
    this.batch = b;
    return this;
  }

  /** Initial learning rate (default 1e-3, cosine-annealed to 0). */
  public SolveBuilder learningRate(double lr) {
    this.learningRate = lr;
    return this;
  }

  /** Hidden-layer widths (default 128, 128, 128). */
  public SolveBuilder hidden(int... widths) {
    return hidden(java.util.Arrays.stream(widths).boxed().toList());
  }

  /** Hidden-layer widths (default 128, 128, 128). */
  public SolveBuilder hidden(List<Integer> widths) {
    this.hidden = List.copyOf(widths);
    return this;
  }

  /** adam (default) or rmsprop. */
  public SolveBuilder optimizer(String name) {
    this.optimizer = name;
    return this;
  }

  /** Cosine annealing of the learning rate to 0 (default) or a constant rate. */
  public SolveBuilder cosineSchedule(boolean on) {
    this.cosineSchedule = on;
    return this;
  }

  /** Parameter moving-average decay for evaluation, 0 = off (default 0.995). */
  public SolveBuilder emaDecay(double decay) {
    this.emaDecay = decay;
    return this;
  }

  /** neuralsvd-seq (default), neuralsvd-joint, neuralef, neuralef-unbiased or spin. */
  public SolveBuilder method(String name) {
    this.method = name;
    return this;
  }

  /** SpIN: moving-average rate β (default 0.01) and the memory cap of its Jacobian average (default 2048 MB). */
  public SolveBuilder spin(double decay, int memoryMb) {
    this.spinDecay = decay;
    this.spinMemoryMb = memoryMb;
    return this;
  }

  /** forward (default), autodiff or fd, with the finite-difference step (default 0.01). */
  public SolveBuilder laplacian(String name, double step) {
    this.laplacian = name;
    this.fdStep = step;
    return this;
  }

  /** shared (default: one MLP with L outputs) or disjoint (L MLPs). */
  public SolveBuilder parametrisation(String name) {
    this.parametrisation = name;
    return this;
  }

  /** m random Gaussian Fourier frequencies of scale σ (default: none, raw input). */
  public SolveBuilder fourier(int frequencies, double scale) {
    this.fourierFeatures = frequencies;
    this.fourierScale = scale;
    return this;
  }

  /** Coulomb cusp factor exp(−κr/(1+κr)) on every output (default: none); κ = Z/(c(d−1)). */
  public SolveBuilder cusp(Double kappa) {
    this.cusp = kappa;
    return this;
  }

  /** Network precision in evaluation: float64 (default) or float32. */
  public SolveBuilder evalPrecision(String p) {
    this.evalPrecision = p;
    return this;
  }

  /** softplus, tanh, sin or gelu (default softplus). */
  public SolveBuilder activation(String name) {
    this.activation = name;
    return this;
  }

  /** A learnable envelope exp(−|x|/s) with initial s (default none). */
  public SolveBuilder envelope(Double s) {
    this.envelope = s;
    return this;
  }

  /**
   * Training density: {@code gaussian} (std), {@code mixture} (widest std) or {@code uniform} (half-width)
   * (default per operator); either may be null for the operator's default.
   */
  public SolveBuilder sampler(String kind, Double scale) {
    unlocked("sampler");
    this.sampler = kind;
    this.samplerScale = scale;
    return this;
  }

  /**
   * T = a(−H) + b explicitly, instead of the mapping derived from the reference; either may be null (a
   * given alone keeps b = a·E_next, the first reference level above the L-th).
   */
  public SolveBuilder mapping(Double a, Double b) {
    this.scale = a;
    this.shift = b;
    return this;
  }

  /** Seed of the initialisation, the sampler and Monte Carlo evaluation points (default 0). */
  public SolveBuilder seed(long s) {
    unlocked("seed");
    this.seed = s;
    return this;
  }

  /** Points per axis of the evaluation grid (default {@link SolveDefaults#evalGrid}). */
  public SolveBuilder evalGrid(Integer n) {
    unlocked("evalGrid");
    this.evalGrid = n;
    return this;
  }

  /** Evaluate every n steps (default steps/10); evaluations reach {@link NeuralSolver.Observer}s. */
  public SolveBuilder evalEvery(Integer n) {
    this.evalEvery = n;
    return this;
  }

  /** float32 (default) or float64 training. */
  public SolveBuilder precision(String p) {
    this.precision = p;
    return this;
  }

  /** cpu (default) or gpu (needs the CUDA build). */
  public SolveBuilder device(String d) {
    this.device = d;
    return this;
  }

  public Problem problem() {
    return problem;
  }

  /** The L in use. */
  public int resolvedOutputs() {
    return outputs != null ? outputs : SolveDefaults.outputs(problem);
  }

  /** The reference the solve is checked against (computed on first use, as {@code opsvd solve} does). */
  public SolveReference reference() {
    if (reference == null) {
      SolveConfig draft = resolve(null);
      reference = SolveReference.compute(problem, draft.outputs(), draft.evalGrid(), NeuralSolver.density(draft),
          draft.seed());
    }
    return reference;
  }

  /** The fully resolved configuration, as {@code opsvd solve} would write it to {@code config.json}. */
  public SolveConfig config() {
    return resolve(reference());
  }

  /** Trains and evaluates, silently. */
  public NeuralSolver.Result solve() {
    return solve(new NeuralSolver.Observer() {
      @Override
      public void onStep(Trainer.StepRecord step, double[] energies) {
      }

      @Override
      public void onEvaluation(NeuralSolver.Evaluation evaluation) {
      }
    });
  }

  /** Trains and evaluates, reporting steps and intermediate evaluations to {@code observer}. */
  public NeuralSolver.Result solve(NeuralSolver.Observer observer) {
    return NeuralSolver.solve(problem, config(), reference(), observer, () -> false);
  }

  private void unlocked(String what) {
    if (reference != null) {
      throw new IllegalStateException(what + " cannot change after the reference was computed; make a new builder");
    }
  }

  /**
   * The configuration with every unset value at its default, the operator mapping taken from
   * {@code ref} ({@link SolveDefaults#shift}); a null {@code ref} gives a draft with the mapping at (1, 0),
   * good only for building the reference. {@code opsvd solve} resolves its options here too.
   */
  public SolveConfig resolve(SolveReference ref) {
    int l = resolvedOutputs();
    int n = steps != null ? steps : SolveDefaults.steps(l);
    double a = 1;
    double b = 0;
    if (ref != null) {
      OperatorShift auto = scale == null || shift == null ? SolveDefaults.shift(ref, l) : null;
      a = scale != null ? scale : auto.scale();
      b = shift != null ? shift : scale != null ? a * ref.nextLevelAbove(l - 1) : auto.shift();
    }
    boolean expression = problem.name().equals("expression");
    return new SolveConfig(expression ? null : problem.name(),
        expression ? problem.hamiltonian().potential().describe() : null,
        problem.dimension(), problem.hamiltonian().kinetic(), l, n, batch, learningRate, optimizer, cosineSchedule,
        emaDecay, method, spinDecay, spinMemoryMb, laplacian, fdStep, precision, device, hidden, activation,
        parametrisation, fourierFeatures, fourierScale, envelope, cusp, SolveDefaults.boxMask(problem),
        problem.halfWidth(),
        sampler != null ? sampler : SolveDefaults.sampler(problem),
        samplerScale != null ? samplerScale : SolveDefaults.samplerScale(problem),
        a, b, seed, evalGrid != null ? evalGrid : SolveDefaults.evalGrid(problem),
        evalEvery != null ? evalEvery : Math.max(1, n / 10), evalPrecision);
  }
}
