package org.opsvd.operators.spectra;

import org.ejml.data.DMatrixRMaj;

/**
 * The angular (η) equation of a homonuclear one-electron two-centre problem in prolate spheroidal coordinates,
 * d/dη[(1 − η²)Y′] + (A + p²η² − m²/(1 − η²))Y = 0 on η ∈ [−1, 1], Y bounded at ±1: the separation constant
 * A as the n-th eigenvalue of a Sturm–Liouville problem (n = n_η, the number of nodes of Y in (−1, 1)).
 *
 * <p>Method: Y = Σ_l c_l P̄_l^m(η), l = m … m + N − 1, with P̄_l^m the associated Legendre functions normalised on
 * [−1, 1]. The Legendre operator gives −l(l + 1) and η² is exact in this basis, η² = a_{l−1}² + a_l² on the
 * diagonal and a_l·a_{l+1} two places off it, with a_l = ⟨l+1|η|l⟩ = √(((l+1)² − m²)/((2l+1)(2l+3))). So A is the
 * n-th lowest eigenvalue of the symmetric banded matrix diag(l(l + 1)) − p²·[η²] (EJML, float64). The basis grows
 * with p (the solutions concentrate near η = ±1 at large p): N = n + 32 + ⌈3p⌉; the eigenvalues then agree with
 * a basis of 200 to ~1e-12 (measured up to p ≈ 30, R = 60).
 */
final class SpheroidalAngularEquation {

    private SpheroidalAngularEquation() {
    }

    /**
     * @param p the spheroidal parameter p ≥ 0 (p² = −E·R²/2 for H = −½Δ + V in atomic units)
     * @param m the magnitude |m| of the azimuthal quantum number, ≥ 0
     * @param n the number of nodes n_η ≥ 0
     * @return the separation constant A
     */
    static double separationConstant(double p, int m, int n) {
        return separationConstant(p, m, n, n + 32 + (int) Math.ceil(3 * p));
    }

    /** As {@link #separationConstant(double, int, int)} with an explicit basis size N &gt; n. */
    static double separationConstant(double p, int m, int n, int size) {
        if (m < 0 || n < 0 || size <= n || !(p >= 0)) {
            throw new IllegalArgumentException("invalid angular problem: p = " + p + ", m = " + m + ", n = " + n
                    + ", basis " + size);
        }
        double[] a = new double[size + 1];
        for (int i = 0; i <= size; i++) {
            double l = m + i;
            a[i] = Math.sqrt(((l + 1) * (l + 1) - (double) m * m) / ((2 * l + 1) * (2 * l + 3)));
        }
        double p2 = p * p;
        DMatrixRMaj matrix = new DMatrixRMaj(size, size);
        for (int i = 0; i < size; i++) {
            double l = m + i;
            double eta2 = a[i] * a[i] + (i > 0 ? a[i - 1] * a[i - 1] : 0);
            matrix.set(i, i, l * (l + 1) - p2 * eta2);
            if (i + 2 < size) {
                double off = -p2 * a[i] * a[i + 1];
                matrix.set(i, i + 2, off);
                matrix.set(i + 2, i, off);
            }
        }
        return SymmetricEigenvalues.ascending(matrix)[n];
    }
}
