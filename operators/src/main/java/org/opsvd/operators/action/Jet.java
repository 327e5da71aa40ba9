package org.opsvd.operators.action;

import org.tensorflow.Operand;
import org.tensorflow.types.family.TFloating;

/**
 * Value, gradient and Laplacian of L functions f_1..f_L at a batch of B points x ∈ R^d, as graph
 * operands: {@code value} [B, L], {@code gradient} [B, d, L] (∂f_l/∂x_i), {@code laplacian} [B, L]
 * (Σ_i ∂²f_l/∂x_i²). The gradient may be null for a strategy that does not produce it.
 */
public record Jet<T extends TFloating>(Operand<T> value, Operand<T> gradient, Operand<T> laplacian) {}
