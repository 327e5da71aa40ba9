package org.opsvd.operators.kernels;

import org.opsvd.operators.spectra.DegeneracyGroups;

/**
 * A closed-form singular system of a kernel operator: T v_k = σ_k u_k, T* u_k = σ_k v_k, with
 * σ_0 ≥ σ_1 ≥ … ≥ 0 (ties allowed) and ∫ u_k² dρ₀ = ∫ v_k² dρ₁ = 1. For a self-adjoint PSD operator
 * u_k = v_k are its eigenfunctions and σ_k its eigenvalues. Within a group of equal σ the functions are one
 * orthonormal basis of the singular subspace, not the only one.
 */
public interface SingularSystem {

    /** σ_k, k = 0, 1, … descending. */
    double singularValue(int k);

    /** u_k(x), the left function (on ρ₀). */
    double left(int k, double[] x);

    /** v_k(y), the right function (on ρ₁). */
    double right(int k, double[] y);

    /** (σ_0, …, σ_{count−1}). */
    default double[] singularValues(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative, got " + count);
        }
        double[] s = new double[count];
        for (int k = 0; k < count; k++) {
            s[k] = singularValue(k);
        }
        return s;
    }

    /**
     * The first {@code count} singular values grouped into ties (relative tolerance 1e-12), e.g. sizes
     * [1, 2, 3] for the 2D Gaussian kernel. The last group may be cut by {@code count}.
     */
    default DegeneracyGroups groups(int count) {
        double[] s = singularValues(count);
        double[] ascendingNegated = new double[count];
        for (int k = 0; k < count; k++) {
            ascendingNegated[k] = -s[k];
        }
        return DegeneracyGroups.of(ascendingNegated, 1e-12);
    }

    /** Checks a mode index k ≥ 0. */
    static int requireIndex(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("singular index must be non-negative, got " + k);
        }
        return k;
    }
}
