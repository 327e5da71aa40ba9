package org.opsvd.solver.eval;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Rayleigh–Ritz from second moments taken in a fixed reference basis, so that residual norms come out without
 * cancellation. The reference basis is the Ritz basis φ = ψR (L functions) of one Rayleigh–Ritz solve on the
 * full sample, with values Θ₀ = diag(θ⁰) and residual functions r = Hφ − φΘ₀ (small where ψ is good). Given
 * the moment matrix (2L×2L, any positive multiple of the weighted sums)
 * <pre>
 *   G = [[P, X], [Xᵀ, S]],   P = ⟨φ, φ⟩,  X_jm = ⟨φ_j, r_m⟩,  S = ⟨r, r⟩,
 * </pre>
 * everything follows from L×L algebra: ⟨φ, Hφ⟩ = X + PΘ₀ (as sampled, not symmetrised); the Ritz values θ_k and
 * coefficients c_k solve (X + PΘ₀)c = θPc ({@link RitzPencil}); and for any coefficient vector c and number μ the residual of u = φc is
 * <pre>
 *   ‖(H − μ)u‖² = ‖rc + φy‖² = cᵀSc + 2·Σ_jm c_j X_mj y_m + yᵀPy,   y = (Θ₀ − μ)c,
 * </pre>
 * a sum of small terms when r is small (the textbook cᵀ⟨Hψ, Hψ⟩c − θ² would cancel to ~1e-16·θ², i.e. lose
 * half the digits of ρ). The learned functions are ψ_l = φ·t_l with t_l the columns of R⁻¹.
 */
final class RitzMoments {

    /** What one moment matrix determines; all ratios, so invariant under G → sG. */
    record Values(double[] ritzValues, double[] residualSquares, double[] rayleighQuotients,
                  double[] learnedResidualSquares) {
    }

    private final double[] theta0;
    private final DMatrixRMaj learned;

    /** θ⁰, the reference Ritz values (a copy). */
    double[] shifts() {
        return theta0.clone();
    }

    /**
     * @param theta0  θ⁰ (L), the reference Ritz values
     * @param learned R⁻¹ (L×L), column l gives ψ_l in the basis φ
     */
    RitzMoments(double[] theta0, DMatrixRMaj learned) {
        this.theta0 = theta0.clone();
        this.learned = learned.copy();
    }

    Values evaluate(DMatrixRMaj g) {
        int l = theta0.length;
        DMatrixRMaj p = CommonOps_DDRM.extract(g, 0, l, 0, l);
        DMatrixRMaj x = CommonOps_DDRM.extract(g, 0, l, l, 2 * l);
        DMatrixRMaj s = CommonOps_DDRM.extract(g, l, 2 * l, l, 2 * l);
        DMatrixRMaj a = new DMatrixRMaj(l, l);
        for (int j = 0; j < l; j++) {
            for (int m = 0; m < l; m++) {
                a.unsafe_set(j, m, x.unsafe_get(j, m) + p.unsafe_get(j, m) * theta0[m]);
            }
        }
        RitzPencil.Solution rr = RitzPencil.solve(p, a);
        double[] theta = rr.values();
        DMatrixRMaj c = rr.vectors();
        double[] rho2 = new double[l];
        double[] q = new double[l];
        double[] learnedRho2 = new double[l];
        double[] v = new double[l];
        for (int k = 0; k < l; k++) {
            column(c, k, v);
            rho2[k] = residualSquare(p, x, s, v, theta[k]);
            column(learned, k, v);
            double norm = quadratic(p, v, v);
            q[k] = quadratic(a, v, v) / norm;
            learnedRho2[k] = residualSquare(p, x, s, v, q[k]);
        }
        return new Values(theta, rho2, q, learnedRho2);
    }

    /**
     * Lehmann's lower bounds for λ_0 … λ_{m−1} from the trial functions φ_0 … φ_{m−1} and a number ρ with exactly
     * m eigenvalues of H below it (see {@link SpectralEstimate#lehmannLowerBounds}). On the leading m×m blocks,
     * with d_j = θ⁰_j − ρ,
     * <pre>
     *   C_ij = (ρ⟨φ, φ⟩ − ⟨φ, Hφ⟩)_ij = −½(d_i + d_j)P_ij − ½(X_ij + X_ji)   (symmetrised),
     *   N_ij = ⟨(H − ρ)φ_i, (H − ρ)φ_j⟩ = S_ij + d_i X_ij + d_j X_ji + d_i d_j P_ij,
     * </pre>
     * (C is positive definite when every trial Ritz value lies below ρ)
     * the generalised eigenvalues ν_0 ≤ … ≤ ν_{m−1} of N v = ν C v give λ_k ≥ ρ − ν_{m−1−k}. N is a sum of small
     * terms where φ is good (no cancellation, as for the residuals).
     *
     * @return the m bounds (hartree), ascending in k; all NaN when C is not positive definite on this moment matrix
     */
    double[] lehmann(DMatrixRMaj g, int m, double rho) {
        int l = theta0.length;
        double[] d = new double[m];
        for (int j = 0; j < m; j++) {
            d[j] = theta0[j] - rho;
        }
        DMatrixRMaj c = new DMatrixRMaj(m, m);
        DMatrixRMaj n = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double p = g.unsafe_get(i, j);
                double xij = g.unsafe_get(i, l + j);
                double xji = g.unsafe_get(j, l + i);
                c.unsafe_set(i, j, -0.5 * (d[i] + d[j]) * p - 0.5 * (xij + xji));
                n.unsafe_set(i, j, g.unsafe_get(l + i, l + j) + d[j] * xji + d[i] * xij + d[i] * d[j] * p);
            }
        }
        double[] out = new double[m];
        SymmetricEigen ce = SymmetricEigen.of(c);
        if (!(ce.values()[0] > SymmetricEigen.CUTOFF * Math.abs(ce.values()[m - 1]))) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        DMatrixRMaj w = ce.inverseSqrt(false);
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj reduced = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(w, n, tmp);
        CommonOps_DDRM.mult(tmp, w, reduced);
        double[] nu = SymmetricEigen.of(reduced).values();
        for (int k = 0; k < m; k++) {
            out[k] = rho - nu[m - 1 - k];
        }
        return out;
    }

    /** ‖(H − μ)φc‖² / ‖φc‖², clamped at 0 against round-off. */
    private double residualSquare(DMatrixRMaj p, DMatrixRMaj x, DMatrixRMaj s, double[] c, double mu) {
        int l = c.length;
        double[] y = new double[l];
        for (int j = 0; j < l; j++) {
            y[j] = (theta0[j] - mu) * c[j];
        }
        double cross = 0;
        for (int j = 0; j < l; j++) {
            for (int m = 0; m < l; m++) {
                cross += c[j] * x.unsafe_get(m, j) * y[m];
            }
        }
        double num = quadratic(s, c, c) + 2 * cross + quadratic(p, y, y);
        return Math.max(0, num / quadratic(p, c, c));
    }

    private static double quadratic(DMatrixRMaj m, double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            double row = 0;
            for (int j = 0; j < v.length; j++) {
                row += m.unsafe_get(i, j) * v[j];
            }
            sum += u[i] * row;
        }
        return sum;
    }

    private static void column(DMatrixRMaj m, int k, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = m.unsafe_get(i, k);
        }
    }
}
