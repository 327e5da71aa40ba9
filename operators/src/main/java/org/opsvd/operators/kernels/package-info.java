/**
 * Integral (kernel) operators (Tg)(x) = ∫ k(x,y) g(y) dρ₁(y) from L²(ρ₁) to L²(ρ₀), the SVD targets of
 * NeuralSVD (method.md §1.1, §6): the measures they act under, built-ins with exact singular systems
 * (Volterra, Gaussian/Mehler, the canonical dependence kernel of a Gaussian pair), user kernels from a
 * formula, and paired samples (x_i, y_i) from files.
 *
 * <p>Conventions: singular values are indexed k = 0, 1, … in descending order (ties allowed, exposed as
 * {@link org.opsvd.operators.spectra.DegeneracyGroups}); singular functions are normalised in L² of
 * their measure, ∫ left_k² dρ₀ = ∫ right_k² dρ₁ = 1, and T right_k = σ_k left_k with σ_k ≥ 0.
 * Points are double[] of length d; batches are row-major [count, d].
 */
package org.opsvd.operators.kernels;
