package org.opsvd.solver.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsvd.operators.CoulombCentre;
import org.opsvd.operators.Problem;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.solver.loss.OperatorShift;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.CuspFactor;
import org.opsvd.solver.neural.MaskShape;
import org.opsvd.solver.neural.Parametrisation;

/**
 * The settings a solve derives from its problem when they are left unset, each with the rule that chose it
 * ({@link #choices}, printed at the start of a solve and by {@code opsvd solve --explain}). The rules read the
 * problem, never its name:
 * <ul>
 *   <li><b>sampler</b>: uniform on the box when the walls belong to the operator (a Dirichlet mask's factors then
 *       have unit mean square under it, {@link org.opsvd.solver.neural.MlpSpec.BoxMask}: unscaled, the 5-D box
 *       learned one of its five-fold level's five states in 18 000 steps; scaled, all six in 1000); otherwise the
 *       Gaussian or
 *       three-scale mixture under which the wanted states, as Rayleigh–Ritz estimates them, are best sampled
 *       ({@link SamplerChoice}); with a Coulomb cusp (below), a three-scale mixture whose narrowest component is
 *       at most 2/κ whenever the best Gaussian is wider than that (the smooth trial states that the choice reads
 *       cannot resolve the nucleus, where the lowest state lives: 2D hydrogen estimates E₁ = −0.55 for −2); in
 *       d ≥ 4 without walls or Coulomb centres, when the potential has two or more wells below the wanted levels
 *       ({@link Wells}, searched from the density chosen so far), the mixture of Gaussians at the wells joins the
 *       candidates and is taken when it is best sampled (under the same energy cap);</li>
 *   <li><b>cusp</b>: in d ≥ 2, every attractive Coulomb centre a_c of the potential ({@link
 *       org.opsvd.operators.Potential#coulombCentres()}) gets its term exp(−κ_c u_c), u_c = r_c/(1+κ_c r_c),
 *       r_c = |x − a_c|, with κ_c = Z_c/(c(d−1)), which cancels the −Z_c/r_c singularity of the local energy
 *       ({@link CuspFactor}); an expression potential is probed at the origin only (numerically), so a centre
 *       elsewhere gets none, and the explanation says so;</li>
 *   <li><b>network</b>: one network per mode (64-64) when T's wanted eigenvalues span more than {@value
 *       #DISJOINT_SPREAD}:1 (λ_1/λ_L = (E_next − E_1)/(E_next − E_L)): with one shared network the largest modes'
 *       gradients dominate the hidden layers (2D hydrogen, L = 16: 122:1, mean error 2.2 shared vs 4.8e-3
 *       disjoint); else one shared 128-128-128 network;</li>
 *   <li><b>activation</b>: sin under a Dirichlet mask (the box's states are products of sines; 5-D box, L = 6, 18 000
 *       steps: softplus 2.2e-4, sin 3.3–4.9e-5 on three seeds; 1-D to 3-D boxes 4–41× lower; benchmarks/RESULTS.md
 *       "The 5-D box, continued"), else softplus;
 *       <b>mask</b>: the exponential factor ({@link MaskShape}; the cosine, the free box's ground state, measured
 *       worse);</li>
 *   <li><b>Fourier features</b>: in d ≤ 3 without walls, 32 random Fourier pairs of scale σ = 0.2/s̄ (s̄: the
 *       Gaussian's std, or the mixture's middle scale), wavelengths of about five sampler widths: they remove
 *       the small-scale ripple that limited the energies (2D oscillator L = 15: 1.1e-4 → 3.2e-5; 3D anharmonic
 *       L = 4: 2.8e-4 → 1.8e-4). Not in d ≥ 4 (not measured there) nor in boxes;</li>
 *   <li><b>learning rate</b>: 2e-3 for a shared network on Fourier features (measured with the 2D oscillator:
 *       1e-3 1.5e-4, 2e-3 1.1e-4, 4e-3 1.2e-4) or under a Dirichlet mask (boxes, seed 0, 1e-3 → 2e-3: 5-D L = 6
 *       7.3e-4 → 5.4e-4 at 18 000 steps, 4e-3 4.9e-4; 2-D L = 10 2.6e-4 → 1.8e-4; 3-D L = 4 2.0e-4 both), else 1e-3;</li>
 *   <li><b>guard functions</b> (NeuralSVD only): trained after the L wanted ones and not reported, when the last
 *       wanted level's eigenvalue of T is under {@value #GUARD_RATIO} of the ground state's: the fewest (at most
 *       ⌈L/4⌉) that lift it there ({@link #guard}; 2D box, L = 10, seed 0: last mode 2.3e-2 → 1.5e-3 with one);</li>
 *   <li><b>adaptive sampling</b> ({@link AdaptiveDensity}, {@code --adapt-every}): off. Measured in 16-D (oscillator,
 *       L = 17, 15 300 steps): with the sampler above, refitting every 1000 steps ended at 1.04e-3 against 9.0e-4
 *       fixed; under a Gaussian of std 1.0 (whose √p starts where T ≤ 0) at 2.6e-2 against 2.1e-2. What limits a
 *       high-dimensional solve is where training starts, not where the points fall;</li>
 *   <li><b>point sequence</b> ({@link PointSequence}, {@code --sequence}): Sobol, randomly shifted each step
 *       ({@link QuasiRandomDraws}), each half of a batch under its own shift; measured against independent draws
 *       at equal steps (benchmarks/RESULTS.md, "Quasi-random batches"): 2D oscillator, L = 15, seeds 0, 2, 3:
 *       2.6–2.8e-5 → 3.6–4.4e-6, subspace distance (all) 4.4–4.7e-6 → 4.5–5.3e-7;</li>
 *   <li><b>Gram points</b> ({@code --gram-batch}): none ({@link #GRAM_BATCH_RULE}: better at equal steps, not at equal
 *       time on the 2D oscillator; benchmarks/RESULTS.md, "Gram noise").</li>
 * </ul>
 *
 * @param sampler         training density kind
 * @param samplerScale    its scale (Gaussian std, along its widest axis when shaped; the mixture's widest std; or the
 *                        box half-width; bohr)
 * @param cusp            the cusp factor (a term per Coulomb centre), or null
 * @param parametrisation shared or disjoint networks
 * @param hidden          hidden widths
 * @param fourierFeatures random Fourier pairs (0: the raw input)
 * @param fourierScale    their scale σ (1/bohr)
 * @param learningRate    initial learning rate
 * @param guard           G, guard functions trained after the L wanted ones
 * @param choices         each setting with its value and rule, in the order above
 * @param samplerShape    a shaped Gaussian's per-axis factors ({@link SamplerChoice}), or null
 * @param samplerWells    the wells of a {@link SamplingDensity.Kind#WELLS} sampler, or null
 */
public record Recipe(SamplingDensity.Kind sampler, double samplerScale, CuspFactor cusp, Parametrisation parametrisation,
    List<Integer> hidden, int fourierFeatures, double fourierScale, double learningRate, int guard,
    List<Choice> choices, double[] samplerShape, Wells samplerWells) {

  /**
   * The Dirichlet mask's factor, for every box whose walls belong to the operator: the exponential one. The free
   * box's ground state cos(πx_j/2ℓ) as the factor (so that ψ/mask is a polynomial in sin(πx_j/2ℓ) for every box
   * state) was measured worse ({@link #MASK_RULE}).
   */
  public static final MaskShape MASK = MaskShape.EXPONENTIAL;

  /** {@link #MASK} when the problem has a Dirichlet mask ({@link SolveDefaults#boxMask}), else null. */
  public static MaskShape mask(Problem problem) {
    return SolveDefaults.boxMask(problem) ? MASK : null;
  }

  /** The activation under a Dirichlet mask ({@link #ACTIVATION_RULE}). */
  public static final Activation BOX_ACTIVATION = Activation.SIN;

  /** sin when the problem has a Dirichlet mask, else {@link SolveDefaults#ACTIVATION}. */
  public static Activation activation(Problem problem) {
    return SolveDefaults.boxMask(problem) ? BOX_ACTIVATION : SolveDefaults.ACTIVATION;
  }

  /** Why no Gram points by default ({@code --gram-batch}, {@link SolveConfig#gramBatch}). */
  static final String GRAM_BATCH_RULE = "none: forward-only Gram points lower the error at equal steps (2D oscillator "
      + "L = 15: 3.6e-6 → 1.1e-6 with 4096; 5-D box L = 6: 3.7e-5 → 1.5e-5) but cost 1.75–2.6× a step here, and at "
      + "equal time 2.6× the steps did as well on the oscillator (1.1e-6); they pay where more steps stopped paying "
      + "(5-D box, B = 2048, 60 000 steps: 6.7e-6 → 2.3e-6 with 8192)";

  /**
   * Whether the output layer is set by Rayleigh–Ritz after training ({@link OutputLayerRitz}): for every shared
   * network without an envelope (whose learnable scales differ between outputs, so the outputs share no features).
   */
  public static boolean outputRitz(Parametrisation network, Double envelope) {
    return network == Parametrisation.SHARED && envelope == null;
  }

  /** Why the output layer is refined by default ({@code --output-ritz}). */
  static final String OUTPUT_RITZ_RULE = "on for a shared network without an envelope: Rayleigh–Ritz over the last"
      + " hidden layer's features, kept only where it lowers the Ritz values on a held-out quadrature";

  /** The point sequence of every solve's batches (a constant rule, listed with the others). */
  public static final PointSequence SEQUENCE = PointSequence.SOBOL;

  @Override
  public double[] samplerShape() {
    return samplerShape == null ? null : samplerShape.clone();
  }

  /** Why {@link #MASK}. */
  static final String MASK_RULE = "Dirichlet walls belong to the operator: (1−e^{−(ℓ−x_j)})(1−e^{−(x_j+ℓ)}) per axis; "
      + "the free box's ground state cos(πx_j/2ℓ), under which ψ/mask is a polynomial in sin(πx_j/2ℓ) for every box "
      + "state, measured worse (5-D box L = 6, seed 0, 18 000 steps: softplus 2.2e-4 → 2.6e-4, sin 3.7e-5 → 1.5e-4); "
      + "with the output layer set by Rayleigh–Ritz it wins in 2-D and 5-D but not in 1-D and 3-D (defaults, seed 0, "
      + "exponential → cosine: 1.0e-10 → 1.7e-10, 2.2e-6 → 1.4e-6, 5.6e-6 → 7.0e-6, 3.2e-5 → 9.8e-6), so no rule by "
      + "dimension is drawn from one family of boxes";

  /** Why {@link #BOX_ACTIVATION}. */
  static final String ACTIVATION_RULE = "under a Dirichlet mask: the box's states are products of sines, and a sine "
      + "network's functions are band-limited sums of them, where softplus leaves high-frequency error (mean errors, "
      + "softplus → sin: 5-D box L = 6, 18 000 steps, 2.2e-4 → 3.7e-5, 3.3e-5, 4.9e-5 on seeds 0, 1, 2; default "
      + "1-D, 2-D, 3-D boxes L = 10, seed 0: 8.7e-5 → 2.1e-6, 2.5e-5 → 4.2e-6, 3.4e-5 → 7.9e-6)";

  /** The spread λ_1/λ_L of T's wanted eigenvalues above which each mode gets its own network. */
  public static final double DISJOINT_SPREAD = 20;
  /**
   * The least λ_L/λ_1 the guard rule lifts the last wanted mode's eigenvalue of T to: between the 2D box's 1/16 at
   * L = 10 (last mode 10× worse than the others; one guard, ratio 1/6, brings it in line) and the 1D oscillator's
   * 1/10 at L = 10 (mean error 1.8e-5 without guards); guards made the 2D oscillator (1/4) and the 1D oscillator at
   * L = 5 (1/5) worse.
   */
  public static final double GUARD_RATIO = 0.08;
  /** Random Fourier pairs in d ≤ 3. */
  public static final int FOURIER_PAIRS = 32;

  /**
   * One setting: the option that sets it, the value the rule chose and why.
   *
   * @param option the command-line option, e.g. {@code --sampler-scale}
   * @param value  the chosen value as the option would take it
   * @param rule   the rule and what it read off the problem
   */
  public record Choice(String option, String value, String rule) {}

  public Recipe {
    hidden = List.copyOf(hidden);
    choices = List.copyOf(choices);
  }

  /**
   * The recipe for learning the lowest {@code outputs} states of {@code problem}, from Rayleigh–Ritz estimates of
   * its states ({@link GalerkinLevels#states}, with the cusp factor in use; at least L of them) and the operator
   * mapping they give.
   */
  public static Recipe of(Problem problem, int outputs, GalerkinLevels.States states, OperatorShift mapping) {
    List<Choice> choices = new ArrayList<>();
    int d = problem.dimension();

    SamplingDensity.Kind sampler;
    double samplerScale;
    double[] samplerShape = null;
    Wells samplerWells = null;
    if (problem.boxIsPhysical()) {
      sampler = SamplingDensity.Kind.UNIFORM;
      samplerScale = problem.halfWidth();
      choices.add(new Choice("--sampler", "uniform", "the walls belong to the operator: uniform on the box"
          + (SolveDefaults.boxMask(problem) ? "; the Dirichlet mask Π g(x_i)/n has unit mean square under it, so the "
              + "network's outputs stay O(1) in any d" : "")));
      choices.add(new Choice("--sampler-scale", format(samplerScale), "the box's half-width"));
    } else {
      CuspFactor factor = cusp(problem).factor();
      SamplerChoice.EnergyCap cap = energyCap(problem, factor, states.levels(), mapping);
      SamplerChoice best = SamplerChoice.of(states, outputs, cap, SamplingDensity.Kind.GAUSSIAN,
          SamplingDensity.Kind.MIXTURE);
      sampler = best.kind();
      samplerScale = best.scale();
      samplerShape = best.shape();
      String wellsNote = "";
      if (Wells.applies(problem)) {
        Wells wells = Wells.find(problem, states, best.density(d), outputs);
        if (wells.wells().size() >= 2) {
          Judged judged = judged(problem, states, outputs, wells);
          SamplerChoice mixture = SamplerChoice.of(judged.states(), outputs, cap, wells);
          SamplerChoice all = SamplerChoice.of(judged.states(), outputs, cap, wells, SamplingDensity.Kind.GAUSSIAN,
              SamplingDensity.Kind.MIXTURE);
          boolean chosen = all.kind() == SamplingDensity.Kind.WELLS;
          SamplerChoice rest = SamplerChoice.of(judged.states(), outputs, cap, SamplingDensity.Kind.GAUSSIAN,
              SamplingDensity.Kind.MIXTURE);
          wellsNote = "; wells: " + wells.reason() + "; " + judged.note() + "; their mixture, best at "
              + mixture.describe() + energy(cap, mixture, d) + (chosen ? ", is chosen over " : ", loses to ")
              + rest.describe() + energy(cap, rest, d) + (chosen ? "" : " (the choice above, from the solve's states)");
          if (chosen) {
            best = all;
            sampler = best.kind();
            samplerScale = best.scale();
            samplerShape = null;
            samplerWells = wells;
          }
        } else {
          wellsNote = "; wells: " + wells.reason() + " (a mixture at the wells needs two)";
        }
      }
      String why = "best sampled wanted states: " + best.describe();
      if (cap != null) {
        double e = cap.energy().applyAsDouble(best.density(d));
        why += String.format(Locale.ROOT, "; the energy of √p, %.4g, %s the cap %.4g = E₁ + (b/a − E₁)/4, %s", e,
            e <= cap.most() ? "is within" : "exceeds (no Gaussian down to the ground state's width meets)", cap.most(),
            e <= cap.most() ? "so the starting functions lie where T > 0"
                : "so training may start where T ≤ 0 and stall (consider --sampler-scale or --shift)");
      }
      why += wellsNote;
      Double kappa = factor == null ? null : factor.originKappa();
      if (kappa != null && sampler == SamplingDensity.Kind.GAUSSIAN && samplerScale > 2 / kappa) {
        SamplerChoice mixture = SamplerChoice.of(states, outputs, SamplingDensity.Kind.MIXTURE);
        sampler = SamplingDensity.Kind.MIXTURE;
        samplerScale = Math.min(mixture.scale(), 32 / kappa);
        samplerShape = null;
        why = "Coulomb centre: smooth trial states miss the nucleus, where the lowest state lives within ~1/κ; "
            + "the best Gaussian (" + format(best.scale()) + ") is wider than 2/κ, so the best mixture, its narrowest "
            + "component s/16 at most 2/κ: " + mixture.describe();
      }
      choices.add(new Choice("--sampler", sampler.toString(), why));
      choices.add(new Choice("--sampler-scale", format(samplerScale), "as above"));
    }

    Cusp cusp = cusp(problem);
    choices.add(cusp.choice());

    double spread = spread(states.levels(), outputs, mapping);
    boolean disjoint = spread > DISJOINT_SPREAD;
    Parametrisation parametrisation = disjoint ? Parametrisation.DISJOINT : Parametrisation.SHARED;
    List<Integer> hidden = disjoint ? List.of(64, 64) : SolveDefaults.HIDDEN;
    String spreadText = Double.isFinite(spread) ? String.format(Locale.ROOT, "%.3g:1", spread) : "unknown";
    choices.add(new Choice("--network", parametrisation.toString(), "T's wanted eigenvalues span " + spreadText
        + (disjoint ? " > " : " ≤ ") + format(DISJOINT_SPREAD) + ":1"));
    choices.add(new Choice("--hidden", hidden.toString().replaceAll("[\\[\\] ]", ""),
        disjoint ? "64-64 per mode" : "one 128-128-128 network"));
    choices.add(new Choice("--activation", activation(problem).toString(), SolveDefaults.boxMask(problem)
        ? ACTIVATION_RULE : "the base activation (sin is chosen under a Dirichlet mask only, where it was measured)"));

    int fourier = 0;
    double fourierScale = SolveDefaults.FOURIER_SCALE;
    if (periodicFeatures(problem) > 0) {
      fourier = periodicFeatures(problem);
      choices.add(new Choice("--fourier", Integer.toString(fourier), "a torus: the harmonics cos(kπx_j/h), sin(kπx_j/h),"
          + " k = 1…" + PERIODIC_HARMONICS + " per axis, so every learned function is periodic (the raw input, or random"
          + " Fourier features, are not: on the 1D cosine torus they learned levels below the periodic ground state)"));
    } else if (d <= 3 && !problem.boxIsPhysical()) {
      double middle = sampler == SamplingDensity.Kind.MIXTURE ? samplerScale / 4 : samplerScale;
      fourier = FOURIER_PAIRS;
      fourierScale = 0.2 / middle;
      choices.add(new Choice("--fourier", Integer.toString(fourier), "d ≤ 3 without walls: random Fourier pairs"));
      choices.add(new Choice("--fourier-scale", format(fourierScale), "0.2/s̄, s̄ = " + format(middle)
          + " (the sampler's " + (sampler == SamplingDensity.Kind.MIXTURE ? "middle scale" : "std") + ")"));
    } else {
      choices.add(new Choice("--fourier", "0", problem.boxIsPhysical() ? "walls: the raw input"
          : "d ≥ 4: the raw input (Fourier features not measured there)"));
    }

    if (SolveDefaults.boxMask(problem)) {
      choices.add(new Choice("--mask", MASK.toString(), MASK_RULE));
    }
    boolean walls = SolveDefaults.boxMask(problem);
    double lr = learningRate(parametrisation, fourier, walls);
    choices.add(new Choice("--lr", format(lr), learningRateRule(parametrisation, fourier, walls)));
    Guard guard = guard(states.levels(), outputs);
    choices.add(guard.choice());
    choices.add(new Choice("--adapt-every", "0", "a fixed density: refitting it to the learned functions (exact "
        + "weights) measured no gain in 16-D once √p starts where T > 0 (1.04e-3 adapted, 9.0e-4 fixed)"));
    choices.add(new Choice("--sequence", SEQUENCE.toString(), "randomised quasi-Monte Carlo batches: unbiased, with "
        + "less gradient noise than independent draws (2D oscillator L = 15: 2.8e-5 → 3.6e-6 at equal steps)"));
    choices.add(new Choice("--gram-batch", "0", GRAM_BATCH_RULE));
    choices.add(new Choice("--output-ritz", String.valueOf(outputRitz(parametrisation, null)), OUTPUT_RITZ_RULE));
    return new Recipe(sampler, samplerScale, cusp.factor(), parametrisation, hidden, fourier, fourierScale, lr,
        guard.count(), choices, samplerShape, samplerWells);
  }

  /** " with E(√p) …" of a choice under an energy cap, or nothing. */
  private static String energy(SamplerChoice.EnergyCap cap, SamplerChoice c, int d) {
    return cap == null ? "" : String.format(Locale.ROOT, " with E(√p) %.4g", cap.energy().applyAsDouble(c.density(d)));
  }

  /** Seed of the Rayleigh–Ritz fits on the wells' basis (fixed: the same recipe for the same problem). */
  private static final long WELLS_SEED = 0x57454C4CL;

  /**
   * The states the candidates are judged on once wells are found, and why.
   *
   * @param states the Rayleigh–Ritz states
   * @param note   which fit and its wanted levels' sum, for {@code --explain}
   */
  record Judged(GalerkinLevels.States states, String note) {}

  /**
   * The states of the basis that spans the wanted states best (Ky Fan: the smallest sum of the wanted Ritz values)
   * among the solve's own fit and fits on √q·polynomials ({@link GalerkinLevels#statesUnder}) for q the wells mixture
   * at s = 1 (each well's harmonic ground state) and s = c_d (the candidates' floor): a Hermite basis centred between
   * the wells resolves their states poorly (5-D double well ¼(x₁² − 4)² + ½(x₂² + … + x₅²), L = 6: sum 30.9 for the
   * exact 24.0), and the criterion G read on such estimates misjudges the densities.
   */
  static Judged judged(Problem problem, GalerkinLevels.States states, int outputs, Wells wells) {
    int l = Math.min(outputs, states.levels().length);
    double own = kyFan(states, l);
    GalerkinLevels.States best = states;
    double bestSum = own;
    double bestScale = 0;
    for (double s : new double[] {1, SamplerChoice.floorFactor(problem.dimension())}) {
      GalerkinLevels.States fit = GalerkinLevels.statesUnder(problem, states.levels().length, WELLS_SEED,
          wells.density(s));
      double sum = kyFan(fit, l);
      if (sum < bestSum) {
        best = fit;
        bestSum = sum;
        bestScale = s;
      }
    }
    return new Judged(best, bestScale == 0
        ? String.format(Locale.ROOT, "judged on the solve's Rayleigh–Ritz states (wanted levels' sum %.4g; no smaller"
            + " on the wells' basis)", own)
        : String.format(Locale.ROOT, "judged on Rayleigh–Ritz states on the wells' basis, √q·polynomials with q their "
            + "mixture at s = %.3g (wanted levels' sum %.4g against %.4g on the solve's basis)", bestScale, bestSum,
            own));
  }

  /** Σ_{l<L} of the Ritz values. */
  private static double kyFan(GalerkinLevels.States states, int l) {
    double sum = 0;
    for (int k = 0; k < l; k++) sum += states.levels()[k];
    return sum;
  }

  /**
   * The cap on the sampler's E(√p) ({@link EnvelopeEnergy}): a quarter of the way from the lowest estimated level E₁
   * to the mapping's b/a. None with a cusp factor (the starting functions are then √p·cusp·f, not √p·f) or without a
   * finite mapping.
   */
  static SamplerChoice.EnergyCap energyCap(Problem problem, CuspFactor cusp, double[] levels, OperatorShift mapping) {
    double top = mapping.shift() / mapping.scale();
    if (cusp != null || levels.length == 0 || !Double.isFinite(top) || !(top > levels[0])) return null;
    return new SamplerChoice.EnergyCap(p -> EnvelopeEnergy.of(problem.operator(), p), levels[0]
        + (top - levels[0]) / 4);
  }

  /** Harmonics per axis of the periodic input on a torus. */
  public static final int PERIODIC_HARMONICS = 8;

  /** On a torus, the {@value #PERIODIC_HARMONICS}·d harmonic features every solve learns on; else 0. */
  static int periodicFeatures(Problem problem) {
    return problem.boundary() == Boundary.PERIODIC ? PERIODIC_HARMONICS * problem.dimension() : 0;
  }

  /**
   * The learning-rate rule for the network and input in use (also when they were given rather than chosen here),
   * without walls: 2e-3 for a shared network on Fourier features, else {@link SolveDefaults#LEARNING_RATE}.
   */
  public static double learningRate(Parametrisation network, int fourierPairs) {
    return learningRate(network, fourierPairs, false);
  }

  /**
   * The learning-rate rule: 2e-3 for a shared network on Fourier features or under a Dirichlet mask ({@code
   * walls}), else {@link SolveDefaults#LEARNING_RATE}.
   */
  public static double learningRate(Parametrisation network, int fourierPairs, boolean walls) {
    return network == Parametrisation.SHARED && (fourierPairs > 0 || walls) ? 2e-3 : SolveDefaults.LEARNING_RATE;
  }

  /** Why {@link #learningRate} gives its value. */
  public static String learningRateRule(Parametrisation network, int fourierPairs) {
    return learningRateRule(network, fourierPairs, false);
  }

  /** Why {@link #learningRate(Parametrisation, int, boolean)} gives its value. */
  public static String learningRateRule(Parametrisation network, int fourierPairs, boolean walls) {
    if (network == Parametrisation.SHARED && fourierPairs > 0) return "shared network on Fourier features";
    if (network == Parametrisation.SHARED && walls) {
      return "shared network under a Dirichlet mask (measured, 1e-3 → 2e-3: 5-D box L = 6 7.3e-4 → 5.4e-4, 2-D box "
          + "L = 10 2.6e-4 → 1.8e-4, 3-D box L = 4 level at 2.0e-4)";
    }
    return "the base rate (" + (fourierPairs > 0 ? "disjoint networks" : "raw input") + ")";
  }

  /**
   * The fixed settings of a solve before its problem is read (uniform on a box, else Gaussian of box/3; no cusp; one
   * 128³ network on the raw input, or on a torus's harmonics; Adam 1e-3): what the settings are checked with before any estimate is made.
   */
  public static Recipe base(Problem problem) {
    int fourier = periodicFeatures(problem) > 0 ? periodicFeatures(problem) : SolveDefaults.FOURIER_FEATURES;
    return new Recipe(SolveDefaults.sampler(problem), SolveDefaults.samplerScale(problem), null,
        SolveDefaults.PARAMETRISATION, SolveDefaults.HIDDEN, fourier, SolveDefaults.FOURIER_SCALE,
        SolveDefaults.LEARNING_RATE, 0, List.of(), null, null);
  }

  /**
   * The cusp rule alone (the Rayleigh–Ritz estimates the other rules read carry the cusp factor in use).
   *
   * @param factor the factor, or null for none
   * @param choice the rule's choice
   */
  public record Cusp(CuspFactor factor, Choice choice) {}

  /**
   * The cusp factor for {@code problem}: in d ≥ 2 a term with κ_c = Z_c/(c(d−1)) at every Coulomb centre its
   * potential lists, else none.
   */
  public static Cusp cusp(Problem problem) {
    int d = problem.dimension();
    List<CoulombCentre> centres = problem.hamiltonian().potential().coulombCentres();
    if (centres.isEmpty()) {
      String why = problem.name().equals("expression")
          ? "no Coulomb centre could be found in the expression (only the origin is probed, numerically: −εV(εn) → "
              + "Z > 0 along every direction; centres elsewhere are not searched for): no cusp factor"
          : "no Coulomb centre known in the potential";
      return new Cusp(null, new Choice("--cusp", "none", why));
    }
    if (d < 2) {
      return new Cusp(null, new Choice("--cusp", "none", "Coulomb centre in 1D: no cusp factor (d ≥ 2 only)"));
    }
    double c = problem.hamiltonian().kinetic();
    List<CuspFactor.Centre> terms = new ArrayList<>();
    List<String> charges = new ArrayList<>();
    for (CoulombCentre centre : centres) {
      terms.add(new CuspFactor.Centre(centre.position(), centre.charge() / (c * (d - 1))));
      charges.add(format(centre.charge()));
    }
    CuspFactor factor = new CuspFactor(terms);
    Double origin = factor.originKappa();
    String value = origin != null ? format(origin) : factor.describe();
    String rule = centres.size() == 1
        ? "Coulomb centre of charge " + charges.get(0) + ": κ = Z/(c(d−1)) cancels −Z/r in the local energy"
        : centres.size() + " Coulomb centres of charges " + String.join(", ", charges) + ": a term exp(−κ_c r_c/(1+κ_c "
            + "r_c)) at each, κ_c = Z_c/(c(d−1)) cancels −Z_c/r_c in the local energy";
    return new Cusp(factor, new Choice("--cusp", value, rule));
  }

  /**
   * The guard rule alone.
   *
   * @param count  G
   * @param choice the rule's choice
   */
  public record Guard(int count, Choice choice) {}

  /**
   * G for learning the lowest {@code outputs} of the estimated {@code levels} (ascending). With T = a(−H) + b mapping
   * the first level above state L + g to 0, the last wanted mode's eigenvalue relative to the ground state's is
   * λ_L/λ_1 = (E_next − E_L)/(E_next − E_1), its signal-to-noise ratio in a batch; guards raise E_next and with it
   * that ratio. G is the fewest g ≤ ⌈L/4⌉ with λ_L/λ_1 ≥ {@value #GUARD_RATIO}, and 0 when the ratio is reached
   * without guards or cannot be reached within ⌈L/4⌉.
   */
  public static Guard guard(double[] levels, int outputs) {
    int cap = Math.min((outputs + 3) / 4, levels.length - outputs - 1);
    double without = lastToFirst(levels, outputs, 0);
    if (!(without < GUARD_RATIO)) {
      return new Guard(0, new Choice("--guard", "0", String.format(Locale.ROOT, "the last wanted level's eigenvalue "
          + "of T is %.3g of the ground state's without guards (≥ %s)", without, format(GUARD_RATIO))));
    }
    for (int g = 1; g <= cap; g++) {
      double ratio = lastToFirst(levels, outputs, g);
      if (ratio >= GUARD_RATIO) {
        return new Guard(g, new Choice("--guard", Integer.toString(g), String.format(Locale.ROOT, "the last wanted "
            + "level's eigenvalue of T is %.3g of the ground state's without guards, %.3g with %d (the fewest "
            + "reaching %s)", without, ratio, g, format(GUARD_RATIO))));
      }
    }
    return new Guard(0, new Choice("--guard", "0", String.format(Locale.ROOT, "the last wanted level's eigenvalue of "
        + "T is %.3g of the ground state's, and %d guard(s) (at most ⌈L/4⌉) cannot lift it to %s", without,
        Math.max(cap, 0), format(GUARD_RATIO))));
  }

  /** λ_L/λ_1 with the mapping capturing L + g estimated levels; 1 for L = 1. */
  private static double lastToFirst(double[] levels, int outputs, int g) {
    if (outputs == 1) return 1;
    OperatorShift mapping = SolveDefaults.shift(levels, outputs + g);
    double next = mapping.shift() / mapping.scale();
    return (next - levels[outputs - 1]) / (next - levels[0]);
  }

  /** λ_1/λ_L = (E_next − E_1)/(E_next − E_L) for T = a(−H) + b with E_next = b/a; NaN when not positive. */
  static double spread(double[] levels, int outputs, OperatorShift mapping) {
    if (levels.length < outputs) return Double.NaN;
    double next = mapping.shift() / mapping.scale();
    double ratio = (next - levels[0]) / (next - levels[outputs - 1]);
    return ratio > 0 ? ratio : Double.NaN;
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
