package org.opsvd.operators.kernels;

import java.util.Arrays;
import java.util.Optional;

/**
 * An integral operator T : L²(ρ₁) → L²(ρ₀), (Tg)(x) = ∫ k(x,y) g(y) dρ₁(y).
 *
 * <p>Its adjoint is (T*f)(y) = ∫ k(x,y) f(x) dρ₀(x). In the SVD T = Σ_k σ_k u_k ⊗ v_k the left
 * functions u_k (the f side of NeuralSVD) live on ρ₀ and the right functions v_k (the g side) on ρ₁.
 */
public interface KernelOperator {

    /** ρ₀, the measure of the output space, where f (the left singular functions) live. */
    Measure left();

    /** ρ₁, the measure of the input space, where g (the right singular functions) live. */
    Measure right();

    /**
     * k(x, y).
     *
     * @param x a point of length {@code left().dimension()}
     * @param y a point of length {@code right().dimension()}
     */
    double kernel(double[] x, double[] y);

    /** A short identifier, e.g. {@code "volterra"}. */
    String name();

    /** The kernel and measures in words and formulas. */
    String describe();

    /** True when ρ₀ = ρ₁ and k(x,y) = k(y,x), so T is self-adjoint on L²(ρ₀). */
    boolean selfAdjoint();

    /** The exact singular system, when known in closed form. */
    default Optional<SingularSystem> exact() {
        return Optional.empty();
    }

    /**
     * Returns {@code value} if finite, else throws an IllegalArgumentException that names the operator and the
     * point (x, y), for callers that evaluate user kernels.
     */
    static double requireFinite(KernelOperator operator, double[] x, double[] y, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("kernel " + operator.name() + " (" + operator.describe()
                    + ") is not finite at x = " + Arrays.toString(x) + ", y = " + Arrays.toString(y) + ": " + value);
        }
        return value;
    }
}
