package org.opsvd.solver.train;

import org.opsvd.operators.grid.Boundary;
import org.opsvd.operators.Problem;
import org.opsvd.solver.loss.OperatorShift;

/**
 * Defaults of a NeuralSVD solve, chosen per operator so that a first solve works:
 * <ul>
 *   <li>L: the states of the lowest complete shells, at least 10 (exact spectrum known), else 8;</li>
 *   <li>sampler: uniform on the box when the box is part of the operator (particle in a box, torus),
 *       else Gaussian with standard deviation box/3 (box = the operator's default half-width, about
 *       where the wanted states have decayed);</li>
 *   <li>operator mapping T = a·(−H) + b with b/a = E_next, the first reference level above the L-th
 *       state, and a = 1/(E_next − E_L): the L wanted levels map to λ ∈ [1, a(E_next − E_1)] and every
 *       other level to λ ≤ 0, which LoRA ignores;</li>
 *   <li>steps: 3000·L, clamped to [10 000, 60 000] (the 2D oscillator with L = 15 reaches a mean relative
 *       eigenvalue error of 3e-4 and a subspace distance of 1e-4 in 40 000 steps, measured);</li>
 *   <li>evaluation grid: 2000 points in 1D, 200² in 2D (400² for Coulomb problems), 48³ in 3D.</li>
 * </ul>
 */
public final class SolveDefaults {

  public static final int BATCH = 512;
  public static final double LEARNING_RATE = 1e-3;

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

  /** {@code uniform} or {@code gaussian}. */
  public static String sampler(Problem problem) {
    return problem.boxIsPhysical() ? "uniform" : "gaussian";
  }

  /** Gaussian standard deviation or uniform half-width. */
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
      case 2 -> problem.name().equals("hydrogen") || problem.name().equals("h2plus") ? 400 : 200;
      case 3 -> 48;
      default -> 2;
    };
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
