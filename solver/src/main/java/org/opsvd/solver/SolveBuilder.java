package org.opsvd.solver;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.opsvd.operators.PotentialAtInfinity;
import org.opsvd.operators.Problem;
import org.opsvd.solver.loss.Method;
import org.opsvd.solver.loss.OperatorShift;
import org.opsvd.solver.neural.CuspFactor;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.run.RunTarget;
import org.opsvd.solver.run.SolveRunWriter;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.train.Checkpoint;
import org.opsvd.solver.train.ConvergenceRule;
import org.opsvd.solver.train.GalerkinLevels;
import org.opsvd.solver.train.StatesCentre;
import org.opsvd.solver.train.PointSequence;
import org.opsvd.solver.train.Recipe;
import org.opsvd.solver.train.SamplerChoice;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.ReferenceMode;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SolveConfig;
import org.opsvd.solver.train.SolveDefaults;
import org.opsvd.solver.train.SolveReference;
import org.opsvd.solver.train.StopMode;
import org.opsvd.solver.train.Trainer;
import org.opsvd.solver.train.Wells;

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
 * <p>With {@link #writeTo} the solve also writes a run directory as {@code opsvd solve} does (config,
 * history and evaluation logs, summary, functions as NPY, figures, checkpoints; {@link SolveRunWriter}), and
 * {@link #resumeFrom} continues such a run from its checkpoint bit for bit.
 *
 * <p>The operator mapping T = a(−H) + b is taken from the reference ({@link SolveDefaults#shift}) unless
 * {@link #mapping} sets it. Only the settings a notebook usually changes have setters; {@link #config()}
 * gives the full {@link SolveConfig} for anything else (records are immutable: rebuild it and call
 * {@link NeuralSolver#solve} directly). A builder is not thread-safe; the reference is computed on the
 * first call of {@link #reference()}, {@link #config()} or {@link #solve()} and reused after that (the
 * setters that change it — outputs, evaluation grid, sampler, seed — are refused afterwards).
 */
public final class SolveBuilder extends TrainingBuilder<SolveBuilder> {

  private final Problem problem;
  private Integer outputs;
  private Integer guard;
  private Integer adaptEvery;
  private PointSequence sequence;
  private org.opsvd.solver.neural.MaskShape mask;
  private Integer gramBatch;
  private Boolean outputRitz;
  private Method method = SolveDefaults.METHOD;
  private double spinDecay = SolveDefaults.SPIN_DECAY;
  private int spinMemoryMb = SolveDefaults.SPIN_MEMORY_MB;
  private LaplacianMethod laplacian = SolveDefaults.LAPLACIAN;
  private double fdStep = SolveDefaults.FD_STEP;
  private Double envelope;
  private Double cusp;
  private SamplingDensity.Kind sampler;
  private Double samplerScale;
  private Double scale;
  private Double shift;
  private Integer evalGrid;
  private Integer evalPoints;
  private PotentialAtInfinity farField;
  private Precision evalPrecision = SolveDefaults.EVAL_PRECISION;
  private ReferenceMode referenceMode = SolveDefaults.REFERENCE;
  private StopMode stopMode;
  private double stopTolerance = ConvergenceRule.TOLERANCE;
  private SolveReference reference;

  /** Settings only the final evaluation reads: a finished run resumed with other values is re-read with them. */
  private static final java.util.Set<String> FINAL_ONLY = java.util.Set.of("evalPoints", "outputRitz");

  private SolveBuilder(Problem problem) {
    if (problem == null) throw new IllegalArgumentException("problem must not be null");
    this.problem = problem;
    run.resumeMayChange(FINAL_ONLY); // only the final evaluation reads them: a run can be re-read with other values
    batch = SolveDefaults.BATCH;
    optimizer = SolveDefaults.OPTIMIZER;
    cosineSchedule = SolveDefaults.COSINE_SCHEDULE;
    emaDecay = SolveDefaults.EMA_DECAY;
    precision = SolveDefaults.PRECISION;
    device = SolveDefaults.DEVICE;
    activation = null; // the recipe's (Recipe.activation)
    seed = SolveDefaults.SEED;
  }

  @Override
  protected SolveBuilder self() {
    return this;
  }

  /** A builder with every setting at the {@code opsvd solve} default. */
  public static SolveBuilder of(Problem problem) {
    return new SolveBuilder(problem);
  }

  /** L, the number of eigenfunctions (default {@link SolveDefaults#outputs}); null for the default. */
  public SolveBuilder outputs(Integer l) {
    unlocked("outputs");
    this.outputs = l;
    return this;
  }

  /**
   * G, guard functions trained after the L wanted ones and not reported (default: the {@link Recipe}'s rule for
   * NeuralSVD, 0 for the other methods); null for the default.
   */
  public SolveBuilder guard(Integer g) {
    unlocked("guard");
    this.guard = g;
    return this;
  }

  /**
   * Steps between refits of the training density to the learned functions ({@link
   * org.opsvd.solver.train.AdaptiveDensity}), 0 for a fixed density (the default; see {@link Recipe}); null for the
   * default.
   */
  public SolveBuilder adaptEvery(Integer steps) {
    this.adaptEvery = steps;
    return this;
  }

  /**
   * How each training batch's points are drawn ({@link PointSequence}): Sobol (randomised quasi-Monte Carlo, the
   * default; see {@link Recipe}) or independent draws; null for the default.
   */
  public SolveBuilder sequence(PointSequence s) {
    this.sequence = s;
    return this;
  }

  /**
   * The Dirichlet mask's per-axis factor ({@link org.opsvd.solver.neural.MaskShape}), for boxes whose walls belong to
   * the operator; null for the rule's ({@link Recipe#mask}).
   */
  public SolveBuilder mask(org.opsvd.solver.neural.MaskShape m) {
    this.mask = m;
    return this;
  }

  /**
   * M points drawn besides each batch, evaluated forward only, whose Gram is pooled into the NeuralSVD gradient's
   * Gram factor ({@link SolveConfig#gramBatch}); 0 for none; null for the default (none).
   */
  public SolveBuilder gramBatch(Integer m) {
    this.gramBatch = m;
    return this;
  }

  /**
   * Whether the output layer is set by Rayleigh–Ritz after training ({@link SolveConfig#outputRitz}); null for the
   * default ({@link Recipe#outputRitz}).
   */
  public SolveBuilder outputRitz(Boolean on) {
    this.outputRitz = on;
    return this;
  }

  /** The training method (default {@link Method#NEURALSVD_SEQ}). */
  public SolveBuilder method(Method m) {
    this.method = m;
    return this;
  }

  /** SpIN: moving-average rate β (default 0.01) and the memory cap of its Jacobian average (default 2048 MB). */
  public SolveBuilder spin(double decay, int memoryMb) {
    this.spinDecay = decay;
    this.spinMemoryMb = memoryMb;
    return this;
  }

  /** The network Laplacian (default forward), with the finite-difference step (default 0.01). */
  public SolveBuilder laplacian(LaplacianMethod m, double step) {
    this.laplacian = m;
    this.fdStep = step;
    return this;
  }

  /**
   * Coulomb cusp factor exp(−κr/(1+κr)) at the origin on every output, κ = Z/(c(d−1)); 0 for none; null for the
   * default (the {@link Recipe}'s: a term at every Coulomb centre of the potential, else none).
   */
  public SolveBuilder cusp(Double kappa) {
    this.cusp = kappa;
    return this;
  }

  /**
   * How training ends: {@link StopMode#CONVERGED} (the {@link ConvergenceRule} with this tolerance, the steps as its
   * cap) or {@link StopMode#STEPS} (exactly the steps); null mode: converged when the steps are left unset, else
   * the steps (the default of {@code opsvd solve} without a config file).
   */
  public SolveBuilder stop(StopMode mode, double tolerance) {
    this.stopMode = mode;
    this.stopTolerance = tolerance;
    return this;
  }

  /** Network precision in evaluation (default float64). */
  public SolveBuilder evalPrecision(Precision p) {
    this.evalPrecision = p;
    return this;
  }

  /** A learnable envelope exp(−|x|/s) with initial s (default none). */
  public SolveBuilder envelope(Double s) {
    this.envelope = s;
    return this;
  }

  /**
   * Training density and its scale (Gaussian std, the mixture's widest std, or the uniform half-width); either may
   * be null: both null take the {@link Recipe}'s; a scale alone is a Gaussian's std (uniform: half-width, for
   * operators with walls); a kind alone takes that kind's best scale ({@link SamplerChoice}).
   */
  public SolveBuilder sampler(SamplingDensity.Kind kind, Double scale) {
    unlocked("sampler");
    if (kind == SamplingDensity.Kind.WELLS) { // input-validation: the wells come from the problem, not an option
      throw new IllegalArgumentException("--sampler wells is the recipe's own choice (see --explain), taken when the "
          + "potential has two or more wells in d ≥ 4; it cannot be asked for");
    }
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

  /** Points per axis of the evaluation grid (default {@link SolveDefaults#evalGrid}); null for the default. */
  public SolveBuilder evalGrid(Integer n) {
    unlocked("evalGrid");
    this.evalGrid = n;
    return this;
  }

  /**
   * Monte Carlo points of the final evaluation (default {@link SolveReference#FINAL_MONTE_CARLO_POINTS}; the
   * evaluations during training keep their own), or for a Gauss–Legendre evaluation (a Dirichlet box in 4 ≤ d ≤ 6)
   * the point budget of its final rule, ⌊N^{1/d}⌋ points per axis; null for the default.
   */
  public SolveBuilder evalPoints(Integer n) {
    unlocked("evalPoints");
    this.evalPoints = n;
    return this;
  }

  public Problem problem() {
    return problem;
  }

  /**
   * What the solve is checked against (default auto: exact when known, finite differences when d ≤ 3, else none);
   * validation only — without a reference the operator mapping comes from level estimates ({@link
   * SolveDefaults#shift(Problem, SolveReference, int, long)}).
   */
  public SolveBuilder referenceMode(ReferenceMode mode) {
    unlocked("referenceMode");
    this.referenceMode = mode;
    return this;
  }

  /** The L in use. */
  public int resolvedOutputs() {
    return outputs != null ? outputs : SolveDefaults.outputs(problem);
  }

  /** The reference the solve is checked against (computed on first use, as {@code opsvd solve} does). */
  public SolveReference reference() {
    if (reference == null) {
      SolveConfig draft = resolve(null);
      reference = SolveReference.compute(frame(), draft.outputs(), draft.evalGrid(), evalGrid != null,
          NeuralSolver.density(draft), draft.seed(), referenceMode);
      if (evalGrid != null && !reference.quadrature().startsWith("uniform grid")) { // input-validation: not ignored
        throw new IllegalArgumentException("--eval-grid " + evalGrid + " does not apply: this solve evaluates on the "
            + reference.quadrature() + ", not a grid; leave --eval-grid out");
      }
      if (evalPoints != null && evalPoints < 2) {
        throw new IllegalArgumentException("--eval-points must be at least 2, got " + evalPoints);
      }
      if (evalPoints != null && !reference.monteCarlo() && reference.checkPoints() == null) { // input-validation
        throw new IllegalArgumentException("--eval-points " + evalPoints + " does not apply: this solve evaluates on"
            + " the " + reference.quadrature() + ", not by Monte Carlo; use --eval-grid, or leave --eval-points out");
      }
    }
    return reference;
  }

  /** The fully resolved configuration, as {@code opsvd solve} would write it to {@code config.json}. */
  public SolveConfig config() {
    return resolve(reference());
  }

  /**
   * The checkpoint a {@link #resumeFrom} run continues from (read and checked against {@link #config()} on first
   * use), or null for a new run.
   *
   * @throws IllegalArgumentException when the checkpoint is missing, corrupt or belongs to other settings
   */
  public Checkpoint checkpoint() {
    if (run.directory() == null) return null;
    // With a fixed step count the evaluations during training steer nothing, so their precision may change too
    java.util.Set<String> mayChange = new java.util.HashSet<>(FINAL_ONLY);
    if (convergence() == null) mayChange.add("evalPrecision");
    run.resumeMayChange(mayChange);
    return run.checkpoint(RunTarget.json(config()));
  }

  /** Trains and evaluates, silently (writing the run directory when one is set). */
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
    SolveConfig config = config();
    if (run.directory() == null) {
      return NeuralSolver.solve(frame(), config, reference(), observer, run.stop());
    }
    String json = RunTarget.json(config);
    try (SolveRunWriter writer = new SolveRunWriter(run.directory(), frame(), config, reference(),
        run.resumeStep(json), observer)) {
      NeuralSolver.Result result;
      try {
        result = NeuralSolver.solve(frame(), config, reference(), writer, run.stop(),
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

  // defaults that take a level estimate, computed once (the settings they depend on are locked by then)
  private GalerkinLevels.States states;
  private StatesCentre centreRule;
  private Problem frame;
  private double[] givenCentre;
  private boolean fitBox;
  private Recipe recipe;
  private OperatorShift fittedShift;

  /**
   * Rayleigh–Ritz estimates of the lowest 2L + 2 states (L + G + 2 if more, for a given G; {@link GalerkinLevels}),
   * computed once.
   */
  private GalerkinLevels.States states() {
    if (states == null) {
      StatesCentre c = centreRule();
      states = c.states() != null && cuspInUse() == null ? c.states()
          : GalerkinLevels.states(frame(), statesCount(), seed, cuspInUse());
    }
    return states;
  }

  /** How many states the Rayleigh–Ritz fits estimate: 2L + 2, or L + G + 2 if more. */
  private int statesCount() {
    int l = resolvedOutputs();
    return Math.min(Math.max(2 * l + 2, l + (guard == null ? 0 : guard) + 2), GalerkinLevels.MAX_STATES);
  }

  /** The centre for the configuration: null while the draft is resolved before any estimate, or at the origin. */
  private java.util.List<Double> centreInConfig() {
    double[] c = centreRule == null && givenCentre == null ? null : centreRule().centre();
    return c == null ? null : java.util.Arrays.stream(c).boxed().toList();
  }

  /**
   * Where the solve puts its origin ({@link StatesCentre}): the one given by {@link #centre(double[])}, else the
   * rule's when it applies and no cusp factor is given; computed once.
   */
  private StatesCentre centreRule() {
    if (centreRule == null) {
      centreRule = givenCentre != null ? StatesCentre.given(givenCentre)
          : cusp == null && StatesCentre.applies(problem) ? StatesCentre.of(problem, statesCount(), resolvedOutputs(), seed)
          : new StatesCentre(null, 0, "the origin", null);
    }
    return centreRule;
  }

  /**
   * The problem the solve runs on: the given one, or it in coordinates y = x − c ({@link #centre()}); with {@link
   * #fitBox()} on a box of at least {@value #BOX_WIDTHS} root-mean-square radii of the widest wanted state.
   */
  private Problem frame() {
    if (frame == null) {
      double[] c = centreRule().centre();
      Problem centred = c == null ? problem : problem.translated(c);
      frame = fitBox ? centred.withHalfWidth(fittedHalfWidth(centred)) : centred;
    }
    return frame;
  }

  /** The wanted states' root-mean-square radii that the fitted box's half-width holds at least ({@link #fitBox()}). */
  public static final double BOX_WIDTHS = 4;

  /**
   * max(h, {@value #BOX_WIDTHS}·w): w the largest root-mean-square radius √(Σ_j ∫|u_l|²y_j²) of the wanted states'
   * Rayleigh–Ritz estimates u_l in the solve's frame (a radius, not a per-axis width: the members of a degenerate
   * level come out of Rayleigh–Ritz in any rotation, and a rotation moves per-axis widths between the axes).
   */
  private double fittedHalfWidth(Problem centred) {
    GalerkinLevels.States s = centreRule().states() != null ? centreRule().states()
        : GalerkinLevels.states(centred, statesCount(), seed, null);
    double widest = 0;
    for (int l = 0; l < Math.min(resolvedOutputs(), s.levels().length); l++) {
      double square = 0;
      for (int j = 0; j < centred.dimension(); j++) square += s.axisWidth(l, j) * s.axisWidth(l, j);
      widest = Math.max(widest, Math.sqrt(square));
    }
    return Double.isFinite(widest) ? Math.max(centred.halfWidth(), BOX_WIDTHS * widest) : centred.halfWidth();
  }

  /**
   * Lets the box of the grids (reference and evaluation, d ≤ 3) grow to hold the wanted states: the half-width
   * becomes max(h, {@value #BOX_WIDTHS}·w), w the widest wanted state's root-mean-square radius, as Rayleigh–Ritz
   * estimates it. For a problem whose box was not given (a formula potential's default [−8, 8]^d is no
   * length of the problem's own: 0.005|x|² in 2D has states of rms radius 5.5 bohr, truncated there). Only in d ≤ 3,
   * where grids are laid; never on walls or a torus, which belong to the operator.
   */
  public SolveBuilder fitBox() {
    unlocked("fitBox");
    if (problem.translatable() && problem.dimension() <= 3) fitBox = true; // d ≥ 4 lays no grid
    return this;
  }

  /**
   * The centre c of the solve's coordinates y = x − c, or null for the origin: learned functions, points and the
   * reference of {@link #solve()} and {@link #reference()} are in y; the run directory's points are in x.
   */
  public double[] centre() {
    return centreRule().centre();
  }

  /**
   * Centres the solve's coordinates at {@code c} (bohr, length d) instead of the rule's choice ({@link
   * StatesCentre}); the origin, all zeros, turns the rule off.
   */
  public SolveBuilder centre(double[] c) {
    unlocked("centre");
    if (c != null && c.length != problem.dimension()) {
      throw new IllegalArgumentException("--centre needs " + problem.dimension() + " coordinate"
          + (problem.dimension() == 1 ? "" : "s") + " (one per axis), got " + c.length);
    }
    if (c != null && !java.util.Arrays.stream(c).allMatch(Double::isFinite)) {
      throw new IllegalArgumentException("--centre must be finite coordinates, got " + java.util.Arrays.toString(c));
    }
    if (c != null && !problem.translatable()) {
      throw new IllegalArgumentException("--centre does not apply to " + problem.name() + ": only a Hamiltonian "
          + "without walls or a periodic box can be centred elsewhere");
    }
    this.givenCentre = c == null ? null : c.clone();
    return this;
  }

  /**
   * The default step count (the cap under {@code --stop converged}): {@link SolveDefaults#steps}, twice that when a
   * cusp factor is in use. Coulomb problems converge slower: 3D hydrogen, L = 5, read a mean relative eigenvalue
   * error of 1.6e-3 after 15 000 steps and 6.2e-4 after 30 000 (2^20 evaluation points), and 2D hydrogen's recipe
   * needs 90 000 steps for L = 16 (here 96 000).
   */
  int defaultSteps(int l) {
    return SolveDefaults.steps(l) * (cuspInUse() != null ? COULOMB_STEPS : 1);
  }

  /** The factor on the default step count with a cusp factor. */
  static final int COULOMB_STEPS = 2;

  /** The cusp factor in use, or null for none. */
  private CuspFactor cuspInUse() {
    // the rule's centres never move a Coulomb problem (StatesCentre.applies); a given centre moves its nuclei
    return cusp == null ? Recipe.cusp(givenCentre != null ? frame() : problem).factor()
        : cusp == 0 ? null : CuspFactor.atOrigin(cusp);
  }

  /**
   * The settings this problem takes when they are left unset, with the rule behind each ({@link Recipe}); computed
   * on first use from Rayleigh–Ritz estimates of its states, without any reference.
   */
  public Recipe recipe() {
    if (recipe == null) {
      int l = resolvedOutputs();
      recipe = Recipe.of(frame(), l, states(), SolveDefaults.shift(states().levels(), l));
    }
    return recipe;
  }

  /**
   * One line per setting the {@link Recipe} decides: the value in use and the rule behind it, or, where this
   * builder sets the value, that it overrides the rule (what {@code opsvd solve} prints at the start).
   */
  public java.util.List<String> explain() {
    SolveConfig c = resolve(null);
    java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
    if (sampler != null) given.put("--sampler", sampler.toString());
    if (samplerScale != null || sampler != null) given.put("--sampler-scale", format(c.samplerScale()));
    if (cusp != null) given.put("--cusp", cusp == 0 ? "none" : format(cusp));
    if (parametrisation != null) given.put("--network", parametrisation.toString());
    if (hidden != null || parametrisation != null) given.put("--hidden", widths(c.hidden()));
    if (fourierFeatures != null) given.put("--fourier", fourierFeatures.toString());
    if (fourierScale != null) given.put("--fourier-scale", format(fourierScale));
    if (learningRate != null) given.put("--lr", format(learningRate));
    if (guard != null) given.put("--guard", guard.toString());
    if (adaptEvery != null) given.put("--adapt-every", adaptEvery.toString());
    if (sequence != null) given.put("--sequence", sequence.toString());
    if (mask != null) given.put("--mask", mask.toString());
    if (activation != null) given.put("--activation", activation.toString());
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (Recipe.Choice rule : recipe().choices()) {
      Recipe.Choice choice = rule.option().equals("--guard") && !method.isNeuralSvd() && guard == null
          ? new Recipe.Choice("--guard", "0", "no guards for " + method + " (the rule is for the nested loss: "
              + rule.value() + ", " + rule.rule() + ")") : rule;
      String mine = given.get(choice.option());
      if (mine == null && choice.option().equals("--lr")) { // the rule follows the network and input in use
        lines.add("--lr " + format(c.learningRate()) + ": " + Recipe.learningRateRule(c.parametrisation(),
            c.fourierFeatures(), c.boxMask()));
      } else if (mine == null) {
        lines.add(choice.option() + " " + choice.value() + ": " + choice.rule());
      } else if (mine.equals(choice.value())) {
        lines.add(choice.option() + " " + mine + ": given, as the rule would choose (" + choice.rule() + ")");
      } else {
        lines.add(choice.option() + " " + mine + ": given, overrides the rule's " + choice.value() + " ("
            + choice.rule() + ")");
      }
    }
    if (steps == null) {
      lines.add("--steps " + c.steps() + (cuspInUse() != null ? ": " + COULOMB_STEPS + "×" + SolveDefaults.steps(c.outputs())
          + ", Coulomb problems (a cusp factor) converge slower" : ": 3000·L between 10000 and 60000")
          + (c.convergence() != null ? ", the cap of --stop converged" : ""));
    }
    StatesCentre centre = centreRule();
    if (givenCentre != null) {
      lines.add("--centre " + StatesCentre.format(givenCentre) + ": given");
    } else if (centre.centre() != null) {
      lines.add("--centre " + StatesCentre.format(centre.centre()) + ": " + centre.reason());
    } else if (centre.iterations() > 0) {
      lines.add("--centre none: " + centre.reason());
    }
    if (fitBox) {
      double h = frame().halfWidth();
      lines.add("--box " + format(h) + (h > problem.halfWidth() ? ": " + format(BOX_WIDTHS) + " root-mean-square radii"
          + " of the widest wanted state (Rayleigh–Ritz), wider than the default " + format(problem.halfWidth())
          : ": the default, which holds " + format(BOX_WIDTHS) + " root-mean-square radii of every wanted state")
          + "; the grids of the reference and the evaluation lie on it");
    }
    String warning = continuumWarning();
    if (warning != null) lines.add(warning);
    return lines;
  }

  private static String format(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  private static String widths(java.util.List<Integer> w) {
    return w.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
  }

  /** The mapping capturing the first {@code l} levels (the wanted and the guard ones). */
  private OperatorShift defaultShift(SolveReference ref, int l) {
    if (fittedShift == null) {
      fittedShift = listsAbove(ref, l) ? SolveDefaults.shift(ref, l) : SolveDefaults.shift(states().levels(), l);
    }
    return fittedShift;
  }

  /** Whether {@code ref} lists a level above its {@code l}-th state. */
  private static boolean listsAbove(SolveReference ref, int l) {
    return ref.hasEnergies() && l <= ref.energies().length && Double.isFinite(ref.nextLevelAbove(l - 1));
  }

  /** G in use: the one given, else the rule's for NeuralSVD and 0 for the other methods. */
  private int guardInUse(Recipe rules) {
    return guard != null ? guard : method.isNeuralSvd() ? rules.guard() : 0;
  }

  /** The training density: the recipe's, or the user's kind and/or scale (see {@link #sampler}). */
  private SamplingDensity.Kind samplerKind(Recipe rules) {
    if (sampler != null) return sampler;
    return samplerScale != null ? SolveDefaults.sampler(problem) : rules.sampler();
  }

  /** The recipe's wells when its wells sampler is in use (no --sampler or --sampler-scale given), else null. */
  private java.util.List<SamplingDensity.WellMixture.Component> samplerWellsInUse(Recipe rules) {
    Wells wells = sampler == null && samplerScale == null ? rules.samplerWells() : null;
    return wells == null ? null : wells.density(rules.samplerScale()).components();
  }

  /** The recipe's per-axis shape when its sampler is in use (no --sampler or --sampler-scale given), else null. */
  private java.util.List<Double> samplerShapeInUse(Recipe rules) {
    double[] shape = sampler == null && samplerScale == null ? rules.samplerShape() : null;
    return shape == null ? null : java.util.Arrays.stream(shape).boxed().toList();
  }

  private double samplerScaleInUse(int l, Recipe rules) {
    if (samplerScale != null) return samplerScale;
    if (sampler == null || sampler == rules.sampler()) return rules.samplerScale();
    if (rules.choices().isEmpty()) return SolveDefaults.samplerScale(problem); // the base rules: no estimate yet
    if (sampler == SamplingDensity.Kind.UNIFORM) return problem.halfWidth();
    return SamplerChoice.of(states(), l, sampler).scale();
  }

  @Override
  protected void unlocked(String what) {
    if (reference != null) {
      throw new IllegalStateException(what + " cannot change after the reference was computed; make a new builder");
    }
  }

  /**
   * The configuration with every unset value at its default, the operator mapping taken from
   * {@code ref} ({@link SolveDefaults#shift}); a null {@code ref} gives a draft with the mapping at (1, 0),
   * good only for building the reference.
   */
  private SolveConfig resolve(SolveReference ref) {
    if (recipe == null) { // every check of the settings and the problem before any estimate
      resolve(null, Recipe.base(problem));
      requireBoundedBelow();
    }
    return resolve(ref, recipe());
  }

  /**
   * The far-field probe of the potential ({@link PotentialAtInfinity}), or null when walls confine the problem or
   * its operator is not a Schrödinger operator.
   */
  private PotentialAtInfinity farField() {
    if (farField == null && !problem.boxIsPhysical() && problem.operator() == problem.hamiltonian()) {
      farField = PotentialAtInfinity.probe(problem.hamiltonian(), seed);
    }
    return farField;
  }

  private void requireBoundedBelow() {
    PotentialAtInfinity far = farField();
    if (far != null && far.unboundedBelow()) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the potential %s is not bounded below:"
          + " V = %.3g at x = %s and still falling along that ray, so H has no lowest eigenvalue to learn",
          problem.hamiltonian().potential().describe(), far.value(), point(far.point())));
    }
  }

  /**
   * A warning when the potential levels off far out (a continuum from Σ up: V far out plus the zero-point energy of
   * the motion across the escape direction, {@link PotentialAtInfinity}) and the Rayleigh–Ritz estimates put fewer
   * than L levels below Σ, also the lowest upper bounds of 2× as many states over every basis scale ({@link
   * GalerkinLevels#upperBounds}; weakly bound levels need wide bases), or null.
   */
  private String continuumWarning() {
    PotentialAtInfinity far = farField();
    int l = resolvedOutputs();
    double[] levels = states().levels();
    if (far == null || l > levels.length || levels[l - 1] < far.threshold()) return null;
    int below = 0;
    while (below < l && levels[below] < far.threshold()) below++;
    // before warning, the lowest upper bounds of twice as many states, each level over every basis scale
    double[] bounds = GalerkinLevels.upperBounds(frame(), Math.min(2 * statesCount(), GalerkinLevels.MAX_STATES),
        seed, cuspInUse());
    int confirmed = 0;
    while (confirmed < Math.min(l, bounds.length) && bounds[confirmed] < far.threshold()) confirmed++;
    below = Math.max(below, confirmed);
    if (below >= l) return null;
    String where = far.transverse() < TRANSVERSE_NEGLIGIBLE
        ? String.format(java.util.Locale.ROOT, "the potential levels off at about %.3g far out (at x = %s),"
            + " where the continuous spectrum of H begins,", far.threshold() + 0.0, point(far.point()))
        : String.format(java.util.Locale.ROOT, "the potential levels off at %.3g far out (at x = %s); with the"
            + " zero-point energy %.3g of the motion across that direction the continuous spectrum of H begins at"
            + " about Σ = %.3g,", far.value() + 0.0, point(far.point()), far.transverse(), far.threshold());
    return String.format(java.util.Locale.ROOT, "warning: %s and Rayleigh–Ritz puts only %d of the L = %d wanted"
        + " levels below it (upper bounds: at least %d bound states exist). Levels above it are not bound states:"
        + " what is learned there depends on the sampler's reach; consider --L %d", where, below, l, below,
        Math.max(1, below));
  }

  /** A transverse zero-point energy below which the warning names only the potential's value far out (hartree). */
  private static final double TRANSVERSE_NEGLIGIBLE = 1e-6;

  private static String point(double[] x) {
    return java.util.Arrays.stream(x).mapToObj(v -> String.format(java.util.Locale.ROOT, "%.3g", v))
        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }

  /** The stop rule in use, or null for a fixed step count (see {@link #stop}). */
  private ConvergenceRule convergence() {
    ConvergenceRule rule = ConvergenceRule.withTolerance(stopTolerance); // checks the tolerance in either mode
    boolean converged = stopMode != null ? stopMode == StopMode.CONVERGED : steps == null;
    return converged ? rule : null;
  }

  /** The mask's factor given, or the rule's; null without a Dirichlet mask (refusing one given then). */
  private org.opsvd.solver.neural.MaskShape maskInUse() {
    if (!SolveDefaults.boxMask(problem)) {
      if (mask != null) {
        throw new IllegalArgumentException("--mask " + mask + " does not apply: only a box whose Dirichlet walls belong"
            + " to the operator (e.g. --operator box) has a mask");
      }
      return null;
    }
    return mask != null ? mask : Recipe.mask(problem);
  }

  /** As {@link #resolve(SolveReference)}, unset settings from {@code rules}. */
  private SolveConfig resolve(SolveReference ref, Recipe rules) {
    if (fourierScale != null && problem.boundary() == org.opsvd.operators.grid.Boundary.PERIODIC) {
      throw new IllegalArgumentException("--fourier-scale " + fourierScale + " does not apply: a periodic"
          + " problem learns on its torus's harmonics kπ/h (choose how many with --fourier, a multiple of d)");
    }
    int l = resolvedOutputs();
    if (l < 1) throw new IllegalArgumentException("--L must be at least 1, got " + l); // before any estimate uses it
    int n = steps != null ? steps : defaultSteps(l);
    int g = guardInUse(rules);
    int trained = l + g;
    double a = 1;
    double b = 0;
    if (ref != null) {
      OperatorShift auto = scale == null || shift == null ? defaultShift(ref, trained) : null;
      double next = listsAbove(ref, trained) ? ref.nextLevelAbove(trained - 1)
          : auto == null ? Double.NaN : auto.shift() / auto.scale();
      a = scale != null ? scale : auto.scale();
      b = shift != null ? shift : scale != null ? a * next : auto.shift();
    }
    boolean expression = problem.name().equals("expression");
    Parametrisation network = parametrisation != null ? parametrisation : rules.parametrisation();
    int fourier = fourierFeatures != null ? fourierFeatures : rules.fourierFeatures();
    return new SolveConfig(expression ? null : problem.name(),
        expression ? problem.hamiltonian().potential().describe() : null,
        problem.dimension(), problem.hamiltonian().kinetic(), l, n, batch,
        learningRate != null ? learningRate : rules.choices().isEmpty() ? rules.learningRate()
            : Recipe.learningRate(network, fourier, SolveDefaults.boxMask(problem)), optimizer, cosineSchedule,
        emaDecay, method, spinDecay, spinMemoryMb, laplacian, fdStep, precision, device,
        hidden != null ? hidden : network == rules.parametrisation() ? rules.hidden()
            : network == Parametrisation.DISJOINT ? java.util.List.of(64, 64) : SolveDefaults.HIDDEN,
        activation != null ? activation : Recipe.activation(problem), network,
        fourier, fourierScale != null ? fourierScale : rules.fourierScale(), envelope,
        cuspInUse(), SolveDefaults.boxMask(problem),
        fitBox && frame != null ? frame.halfWidth() : problem.halfWidth(), samplerKind(rules),
        samplerScaleInUse(l, rules),
        a, b, seed, evalGrid != null ? evalGrid : SolveDefaults.evalGrid(problem),
        evalEvery != null ? evalEvery : Math.max(1, n / 10), evalPrecision, g, convergence(),
        adaptEvery != null ? adaptEvery : 0, evalPoints != null ? evalPoints : 0,
        problem.boundary() == org.opsvd.operators.grid.Boundary.PERIODIC, centreInConfig(), samplerShapeInUse(rules),
        sequence != null ? sequence : Recipe.SEQUENCE, samplerWellsInUse(rules), maskInUse(),
        gramBatch != null ? gramBatch : 0, outputRitz != null ? outputRitz : Recipe.outputRitz(network, envelope));
  }
}
