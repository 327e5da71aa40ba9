package org.opsvd.solver.train;

import org.opsvd.operators.MemoryBudget;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.opsvd.solver.loss.Nesting;
import org.opsvd.solver.neural.Activation;
import org.opsvd.solver.neural.Parametrisation;
import org.opsvd.solver.neural.Precision;

/**
 * The resolved settings of one operator-SVD solve, as written to {@code config.json} and {@code summary.json}
 * (each choice an enum, written by its command-line name); {@code SvdBuilder} makes it from {@link SvdDefaults}.
 *
 * @param operator        built-in operator name, {@code kernel} for an expression, {@code pairs} for data
 * @param kernel          kernel expression, or null
 * @param outputs         L, learned singular pairs (after the constant mode, if any)
 * @param steps           optimiser steps
 * @param batch           samples of x and of y per step (pairs in the paired form)
 * @param learningRate    initial learning rate
 * @param optimizer       adam or rmsprop
 * @param cosineSchedule  cosine decay to 0
 * @param emaDecay        parameter moving average for evaluation
 * @param nesting         sequential or joint
 * @param precision       float32 or float64 training
 * @param device          cpu or gpu
 * @param hidden          hidden widths of f and of g
 * @param activation      activation
 * @param parametrisation shared or disjoint
 * @param fourierFeatures random Fourier frequencies (0 = raw input)
 * @param fourierScale    their scale σ
 * @param seed            seed (f uses it, g uses seed + 1, sampling uses it)
 * @param evalPoints      quadrature points per side (1D grid) or Monte Carlo points (d &gt; 1)
 * @param evalEvery       evaluate every this many steps
 * @param guard           G, guard pairs trained after the L reported ones (each network has L + G outputs, the nested
 *                        loss covers all of them, everything reported covers the first L); left out of the JSON when
 *                        0, and 0 when absent (configurations written before guard modes)
 * @param modeBalance     p of {@link SvdModeBalance}, the last pairs' larger share of each step; left out of the
 *                        JSON when 0, and 0 when absent (configurations written before it)
 */
public record SvdConfig(String operator, String kernel, int outputs, int steps, int batch, double learningRate,
    OptimizerSpec.Kind optimizer, boolean cosineSchedule, double emaDecay, Nesting nesting, Precision precision,
    SessionOptions.Device device, List<Integer> hidden, Activation activation, Parametrisation parametrisation,
    int fourierFeatures, double fourierScale, long seed, int evalPoints, int evalEvery,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int guard,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) double modeBalance) {

  public SvdConfig {
    hidden = List.copyOf(hidden);
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(nesting, "nesting");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(parametrisation, "parametrisation");
    if (outputs < 1) throw new IllegalArgumentException("--L must be at least 1, got " + outputs);
    TrainingChecks.guard(guard, outputs);
    new SvdModeBalance(modeBalance); // its check
    if (steps < 1) throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
    if (batch < 2 || batch % 2 != 0) {
      throw new IllegalArgumentException("--batch must be even and at least 2, got " + batch);
    }
    if (evalPoints < 2) throw new IllegalArgumentException("--eval-points must be at least 2, got " + evalPoints);
    if (evalEvery < 1) throw new IllegalArgumentException("--eval-every must be at least 1, got " + evalEvery);
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("--lr must be positive and finite, got " + learningRate);
    }
    TrainingChecks.emaDecay(emaDecay);
    TrainingChecks.hidden(hidden);
    TrainingChecks.fourier(fourierFeatures, fourierScale);
    // the evaluation holds, per side, the points, weights, learned and exact function values on evalPoints
    // points (the operator term streams the kernel, SvdSolver.OPERATOR_TERM_LIMIT): linear in evalPoints
    long perSide = MemoryBudget.times(evalPoints, 4L * (outputs + guard) + 16);
    MemoryBudget.requireIndexable(perSide, "--eval-points " + evalPoints);
    MemoryBudget.require(MemoryBudget.times(perSide, 8 * 2), "--eval-points " + evalPoints);
    TrainingChecks.memory(1, hidden, outputs + guard, parametrisation, fourierFeatures, batch, 1, 2);
  }

  /** L + G, the pairs each network learns (its outputs). */
  public int trainedOutputs() {
    return outputs + guard;
  }

  /** The pairs' weights in each step. */
  public SvdModeBalance balance() {
    return new SvdModeBalance(modeBalance);
  }
}
