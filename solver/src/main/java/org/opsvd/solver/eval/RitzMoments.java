package org.opsvd.solver.eval;

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
