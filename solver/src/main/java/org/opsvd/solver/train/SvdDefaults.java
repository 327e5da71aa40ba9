package org.opsvd.solver.train;

import java.util.List;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;

/**
 * Defaults of an operator-SVD solve ({@code opsvd svd} and {@code SvdBuilder} start from these; the command's
 * help shows them): two networks of two hidden layers with 32 random Fourier features, Adam at 10⁻³
 * cosine-annealed over 24 000 steps of 512 samples, sequential nesting, no guard pairs, no mode balance, 4000
 * evaluation points per side.
 */
public final class SvdDefaults {

  /** L, the singular pairs learned. */
  public static final int OUTPUTS = 8;
  /**
   * Optimiser steps. The nested loss learns the pairs one after the other, each leaving zero once the earlier ones
   * stand, and the last ones slowest; 12 000 steps (the former default) ended with Volterra's σ₇ still growing for
   * seeds 1 and 2 (relative errors 0.58, 0.33). 24 000 steps at the learning rate below: every σ within 2.2e-4
   * for seeds 0–2 (benchmarks/RESULTS.md, "The last singular pairs").
   */
  public static final int STEPS = 24_000;
  /** Samples of x and of y per step. */
  public static final int BATCH = 512;
  /**
   * Initial learning rate. With 2·10⁻³ over 24 000 steps one of three Volterra seeds (0) lost every learned pair
   * but the first around step 7450 and ended at 2.1e-2; with 10⁻³ none of the three did (cause not established).
   */
  public static final double LEARNING_RATE = 1e-3;
  /** The update rule. */
  public static final OptimizerSpec.Kind OPTIMIZER = OptimizerSpec.Kind.ADAM;
  /** Cosine annealing of the learning rate to 0. */
  public static final boolean COSINE_SCHEDULE = true;
  /** Parameter moving-average decay for evaluation. */
  public static final double EMA_DECAY = 0.995;
  /** The nesting of the LoRA loss. */
  public static final Nesting NESTING = Nesting.SEQUENTIAL;
  /** Training precision. */
  public static final Precision PRECISION = Precision.FLOAT32;
  /** Compute device. */
  public static final SessionOptions.Device DEVICE = SessionOptions.Device.CPU;
  /** Hidden widths of each network. */
  public static final List<Integer> HIDDEN = List.of(128, 128);
  /** Activation of the hidden layers. */
  public static final Activation ACTIVATION = Activation.SOFTPLUS;
  /** One network per side with L outputs. */
  public static final Parametrisation PARAMETRISATION = Parametrisation.SHARED;
  /** Random Fourier frequencies. */
  public static final int FOURIER_FEATURES = 32;
  /** Their scale σ. */
  public static final double FOURIER_SCALE = 1;
  /** Seed of the networks (g: seed + 1), the sampler and the evaluation points. */
  public static final long SEED = 0;
  /** Quadrature points per side (1D) or Monte Carlo points. */
  public static final int EVAL_POINTS = 4000;
  /** The rule of {@link #GUARD}, in words. */
  public static final String GUARD_RULE = "0: in an SVD no shift of the operator changes with guards, and with "
      + "sequential nesting pair l's gradient does not depend on later pairs; guards measured no better on Volterra";
  /**
   * G, guard pairs: none. Guards help a solve through the operator mapping they widen (the last
   * wanted level's eigenvalue of T grows against the first's, {@link Recipe#guard}); an SVD has no mapping, and with
   * sequential nesting the population gradient of pair l does not involve later pairs, so guards only share the
   * hidden layers. Measured on Volterra, L = 8, 12 000 steps (benchmarks/RESULTS.md, "Guard modes"): G = 1, 2, 4
   * no better than G = 0 for seeds 0–2 (the last pairs' errors vary from 5e-3 to 0.6 between seeds either way).
   */
  public static final int GUARD = 0;
  /**
   * p of {@link SvdModeBalance}: column l of each step's output gradients weighted by (s_max/s_l)^p; off. Measured
   * on Volterra, L = 8, 12 000 steps (benchmarks/RESULTS.md, "The last singular pairs"): p = 1 cut seeds 1 and 2's
   * worst σ from 0.58 to 1.2e-2 and from 0.33 to 0.15 but made seed 0's worse (4.9e-3 to 0.45); p = 2 oscillated.
   */
  public static final double MODE_BALANCE = 0;

  private SvdDefaults() {
  }
}
