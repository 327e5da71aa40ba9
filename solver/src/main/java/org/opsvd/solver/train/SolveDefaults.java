package org.opsvd.solver.train;

import java.util.List;
import org.opsvd.operators.CellAveragedPotential;
import org.opsvd.operators.Problem;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.solver.loss.Method;
import org.opsvd.solver.loss.OperatorShift;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.LaplacianMethod;
import org.opsvd.solver.neural.Laplacians;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;

/**
 * Defaults of a NeuralSVD solve, chosen per operator so that a first solve works:
 * <ul>
 *   <li>L: the states of the lowest complete shells, at least 10 (exact spectrum known), else 8;</li>
 *   <li>sampler, cusp factor, network, Fourier features and learning rate: derived from the problem by the
 *       {@link Recipe} (which reads Rayleigh–Ritz estimates of its states, {@link GalerkinLevels});</li>
 *   <li>operator mapping T = a·(−H) + b with b/a = E_next, the first reference level above the L-th
 *       state, and a = 1/(E_next − E_L): the L wanted levels map to λ ∈ [1, a(E_next − E_1)] and every
 *       other level to λ ≤ 0, which LoRA ignores; with G guard functions (the {@link Recipe}'s rule), L + G
 *       in place of L;</li>
 *   <li>steps: 3000·L, clamped to [10 000, 60 000] (the 2D oscillator with L = 15 reaches a mean relative
 *       eigenvalue error of 3e-4 and a subspace distance of 1e-4 in 40 000 steps, measured);</li>
 *   <li>evaluation grid: 2000 points in 1D, 200² in 2D (400² for potentials singular at points, {@link
 *       CellAveragedPotential}: Coulomb), 48³ in 3D;</li>
 *   <li>everything else: the constants below, the settings {@code opsvd solve} and {@code SolveBuilder} start
 *       from (the command's help shows them).</li>
 * </ul>
 */
public final class SolveDefaults {

  /** Batch size B. */
  public static final int BATCH = 512;
  /** Initial learning rate. */
  public static final double LEARNING_RATE = 1e-3;
  /** The update rule. */
  public static final OptimizerSpec.Kind OPTIMIZER = OptimizerSpec.Kind.ADAM;
  /** Cosine annealing of the learning rate to 0. */
  public static final boolean COSINE_SCHEDULE = true;
  /** Parameter moving-average decay for evaluation. */
  public static final double EMA_DECAY = 0.995;
  /** The training method. */
  public static final Method METHOD = Method.NEURALSVD_SEQ;
  /** SpIN's moving-average rate β. */
  public static final double SPIN_DECAY = 0.01;
  /** SpIN's cap on the memory of its Jacobian moving average (MiB). */
  public static final int SPIN_MEMORY_MB = 2048;
  /** The Laplacian of the network. */
  public static final LaplacianMethod LAPLACIAN = LaplacianMethod.FORWARD;
  /** Step of the finite-difference Laplacian. */
  public static final double FD_STEP = Laplacians.DEFAULT_STEP;
  /** Hidden-layer widths. */
  public static final List<Integer> HIDDEN = List.of(128, 128, 128);
  /** Activation of the hidden layers. */
  public static final Activation ACTIVATION = Activation.SOFTPLUS;
  /** One network with L outputs. */
  public static final Parametrisation PARAMETRISATION = Parametrisation.SHARED;
  /** Random Fourier frequencies (0: the raw input). */
  public static final int FOURIER_FEATURES = 0;
  /** Scale σ of the Fourier frequencies. */
  public static final double FOURIER_SCALE = 1;
  /** Seed of the initialisation, the sampler and Monte Carlo points. */
  public static final long SEED = 0;
  /** Training precision. */
  public static final Precision PRECISION = Precision.FLOAT32;
  /** Precision of the network in evaluation (sums are float64 either way). */
  public static final Precision EVAL_PRECISION = Precision.FLOAT64;
  /** Compute device. */
  public static final SessionOptions.Device DEVICE = SessionOptions.Device.CPU;
  /** What a solve is checked against. */
  public static final ReferenceMode REFERENCE = ReferenceMode.AUTO;

  private SolveDefaults() {
  }

  /** Default number of optimiser steps for L outputs. */
  public static int steps(int outputs) {
    return Math.max(10_000, Math.min(60_000, 3000 * outputs));
  }

  /** Default L. */
  public static int outputs(Problem problem) {
    return problem.exact() != null ? problem.exact().completeShellCount(10) : 8;
  }

  /** Uniform on the box when the walls belong to the operator, else Gaussian. */
  public static SamplingDensity.Kind sampler(Problem problem) {
    return problem.boxIsPhysical() ? SamplingDensity.Kind.UNIFORM : SamplingDensity.Kind.GAUSSIAN;
  }

  /** The problem's fixed scale: the uniform half-width in a box, else box/3 (the {@link Recipe} chooses better). */
  public static double samplerScale(Problem problem) {
    return problem.boxIsPhysical() ? problem.halfWidth() : problem.halfWidth() / 3;
  }

  /** A Dirichlet mask when the walls belong to the operator. */
  public static boolean boxMask(Problem problem) {
    return problem.boxIsPhysical() && problem.boundary() == Boundary.DIRICHLET;
  }

  /** Points per axis of the evaluation grid. */
  public static int evalGrid(Problem problem) {
    return switch (problem.dimension()) {
      case 1 -> 2000;
      case 2 -> problem.hamiltonian().potential() instanceof CellAveragedPotential ? 400 : 200; // Coulomb
      case 3 -> 48;
      default -> 2;
    };
  }

  /**
   * The mapping T = a(−H) + b described above, from the reference energies when they list a level above the L-th;
   * otherwise (no reference, or a finite-difference list that ends in the L-th level) from upper estimates of the
   * levels by Rayleigh–Ritz ({@link GalerkinLevels}): E_L ← θ_L and E_next ← the first estimate clearly above it.
   * Estimates are upper bounds for the exact integrals, so θ_next ≥ E_next &gt; E_L and the L wanted levels stay
   * positive; any extra level that becomes positive is only not learned.
   */
  public static OperatorShift shift(Problem problem, SolveReference reference, int outputs, long seed) {
    if (reference.hasEnergies() && Double.isFinite(reference.nextLevelAbove(outputs - 1))) {
      return shift(reference, outputs);
    }
    return shift(GalerkinLevels.estimate(problem, 2 * outputs + 2, seed), outputs);
  }

  /**
   * The mapping from estimated levels θ (ascending, more than L of them): E_L = θ_{L−1}; E_next = the first θ_k,
   * k ≥ L, above E_L by more than a tenth of the mean level spacing (estimates of a degenerate level differ a little),
   * else E_L plus that spacing.
   */
  public static OperatorShift shift(double[] levels, int outputs) {
    int n = levels.length;
    if (n <= outputs) {
      throw new IllegalArgumentException("no level estimate above state " + outputs + " (Rayleigh–Ritz estimates "
          + n + " levels at most); give --scale and --shift, or a reference");
    }
    double last = levels[outputs - 1];
    double spacing = Math.max((levels[n - 1] - levels[0]) / n, 1e-9 * Math.max(1, Math.abs(last)));
    double next = last + spacing;
    for (int k = outputs; k < n; k++) {
      if (levels[k] > last + 0.1 * spacing) {
        next = levels[k];
        break;
      }
    }
    double a = 1 / (next - last);
    return new OperatorShift(a, a * next);
  }

  /** The mapping T = a(−H) + b described above, from the reference energies. */
  public static OperatorShift shift(SolveReference reference, int outputs) {
    double last = reference.energies()[outputs - 1];
    double next = reference.nextLevelAbove(outputs - 1);
    if (!Double.isFinite(next)) {
      throw new IllegalStateException("the reference lists no level above state " + outputs + "; give --scale and --shift");
    }
    double a = 1 / (next - last);
    return new OperatorShift(a, a * next);
  }
}
