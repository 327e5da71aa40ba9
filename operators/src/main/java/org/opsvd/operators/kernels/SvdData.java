package org.opsvd.operators.kernels;

import org.hipparchus.random.RandomGenerator;

/**
 * Where the samples of an operator SVD come from.
 * <ul>
 *   <li>{@link Kernel}: an integral operator (Tg)(x) = ∫k(x,y)g(y)dρ₁(y); x ~ ρ₀ and y ~ ρ₁ are drawn
 *       independently and the kernel matrix K_bc = k(x_b, y_c) is fed with them;</li>
 *   <li>{@link Paired}: paired samples (x, y) ~ p(x, y) only — the canonical dependence kernel
 *       k = p(x,y)/(p(x)p(y)), whose operator is (Tg)(x) = E[g(Y) | X = x].</li>
 * </ul>
 */
public sealed interface SvdData {

  /** Dimension of x (where f lives). */
  int leftDimension();

  /** Dimension of y (where g lives). */
  int rightDimension();

  /** A short description. */
  String describe();

  /** Draws paired samples (x_b, y_b), rows of [count, d]. */
  @FunctionalInterface
  interface PairSource {
    void sample(RandomGenerator rng, double[] x, double[] y, int count);
  }

  /**
   * Independent x ~ ρ₀, y ~ ρ₁ and the kernel between them.
   *
   * @param stratified draw x and y by Latin hypercube sampling ({@link
   *                   org.opsvd.operators.kernels.Measure#sampleStratified}) instead of i.i.d.
   */
  record Kernel(KernelOperator operator, boolean stratified) implements SvdData {
    @Override
    public int leftDimension() {
      return operator.left().dimension();
    }

    @Override
    public int rightDimension() {
      return operator.right().dimension();
    }

    @Override
    public String describe() {
      return operator.describe();
    }

    /** Fills x [b1, dx], y [b2, dy] and K [b1, b2]; a non-finite kernel value is an error naming the points. */
    public void batch(RandomGenerator rng, double[] x, double[] y, double[] k, int b1, int b2) {
      if (stratified) {
        operator.left().sampleStratified(rng, x, b1);
        operator.right().sampleStratified(rng, y, b2);
      } else {
        operator.left().sample(rng, x, b1);
        operator.right().sample(rng, y, b2);
      }
      int dx = leftDimension();
      int dy = rightDimension();
      double[][] ys = new double[b2][]; // each y row copied once, not once per (x, y) pair
      for (int j = 0; j < b2; j++) ys[j] = java.util.Arrays.copyOfRange(y, j * dy, (j + 1) * dy);
      double[] xi = new double[dx];
      for (int i = 0; i < b1; i++) {
        System.arraycopy(x, i * dx, xi, 0, dx);
        for (int j = 0; j < b2; j++) {
          double[] yj = ys[j];
          double v = operator.kernel(xi, yj);
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("kernel is not finite: k(" + java.util.Arrays.toString(xi) + ", "
                + java.util.Arrays.toString(yj) + ") = " + v);
          }
          k[i * b2 + j] = v;
        }
      }
    }
  }

  /** Paired samples from a source. */
  record Paired(PairSource source, int leftDimension, int rightDimension, String describe) implements SvdData {}
}
