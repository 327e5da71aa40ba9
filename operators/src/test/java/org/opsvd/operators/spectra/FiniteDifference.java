package org.opsvd.operators.spectra;

import java.util.function.ToDoubleFunction;

/**
 * Independent derivative checks for tests: 8th-order central differences,
 * f''(x) ≈ Σ_k c_k f(x + k h)/h², truncation O(h⁸), round-off about 6·ε·|f|/h².
 */
final class FiniteDifference {

    private static final double[] SECOND = {-205.0 / 72, 8.0 / 5, -1.0 / 5, 8.0 / 315, -1.0 / 560};
    private static final double[] FIRST = {0, 4.0 / 5, -1.0 / 5, 4.0 / 105, -1.0 / 280};

    private FiniteDifference() {
    }

    /** The Laplacian of f at x with step h along every axis. */
    static double laplacian(ToDoubleFunction<double[]> f, double[] x, double h) {
        double sum = 0;
        for (int axis = 0; axis < x.length; axis++) {
            sum += SECOND[0] * f.applyAsDouble(x);
            for (int k = 1; k < SECOND.length; k++) {
                sum += SECOND[k] * (f.applyAsDouble(shift(x, axis, k * h)) + f.applyAsDouble(shift(x, axis, -k * h)));
            }
        }
        return sum / (h * h);
    }

    /** The first derivative of a 1D function. */
    static double derivative(java.util.function.DoubleUnaryOperator f, double x, double h) {
        double sum = 0;
        for (int k = 1; k < FIRST.length; k++) {
            sum += FIRST[k] * (f.applyAsDouble(x + k * h) - f.applyAsDouble(x - k * h));
        }
        return sum / h;
    }

    private static double[] shift(double[] x, int axis, double by) {
        double[] y = x.clone();
        y[axis] += by;
        return y;
    }
}
