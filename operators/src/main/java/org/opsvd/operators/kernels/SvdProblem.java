package org.opsvd.operators.kernels;

import java.util.Optional;

/**
 * An operator SVD ready to learn: the samples, the measures ρ₀ (left, where f lives) and ρ₁ (right,
 * where g lives) for evaluation, the exact singular system when known, and whether a constant mode
 * is fixed as mode 0 (dependence kernels, whose top singular pair is the constants with σ = 1).
 *
 * @param name         command-line name
 * @param data         where training samples come from
 * @param left         ρ₀
 * @param right        ρ₁
 * @param exact        exact singular system, or empty
 * @param constantMode prepend the constant mode; learned mode l is then exact mode l + 1
 * @param samples      for data without a known measure: evaluation pairs (x_i, y_i) (row-major; the
 *                     empirical measures, weights 1/N), else null to use quadratures of ρ₀ and ρ₁
 * @param kernel       the operator's kernel when known in closed form (for the operator term ⟨f, Tg⟩ of
 *                     the Ritz singular values on the quadratures), else null
 * @param labels       the labelled generator of the pairs (retrieval by class), else null
 */
public record SvdProblem(String name, SvdData data, Measure left, Measure right, Optional<SingularSystem> exact,
    boolean constantMode, Samples samples, KernelOperator kernel, ClassPairs labels) {

  /** Empirical evaluation pairs: row i of x and row i of y are one sample (x_i, y_i) ~ p(x, y). */
  public record Samples(double[] x, double[] y) {}

  /** A problem evaluated on quadratures of its measures; the kernel is the operator's for kernel data. */
  public SvdProblem(String name, SvdData data, Measure left, Measure right, Optional<SingularSystem> exact,
      boolean constantMode) {
    this(name, data, left, right, exact, constantMode, null,
        data instanceof SvdData.Kernel k ? k.operator() : null, null);
  }

  /** A problem known only through samples, evaluated on the empirical measures of {@code samples}. */
  public static SvdProblem fromSamples(String name, SvdData data, Samples samples) {
    return new SvdProblem(name, data, null, null, Optional.empty(), true, samples, null, null);
  }

  /** This problem with the closed-form kernel of its operator (e.g. a dependence kernel learned from pairs). */
  public SvdProblem withKernel(KernelOperator operatorKernel) {
    return new SvdProblem(name, data, left, right, exact, constantMode, samples, operatorKernel, labels);
  }

  /** This problem with the labelled generator of its pairs. */
  public SvdProblem withLabels(ClassPairs generator) {
    return new SvdProblem(name, data, left, right, exact, constantMode, samples, kernel, generator);
  }

  /** Index in the exact system of learned mode l. */
  public int exactIndex(int l) {
    return constantMode ? l + 1 : l;
  }
}
