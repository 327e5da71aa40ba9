package org.opsvd.operators.spectra;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The radial (ξ) equation of a one-electron two-centre problem in prolate spheroidal coordinates,
 * d/dξ[(ξ² − 1)X′] + (−A + bξ − p²ξ² − m²/(ξ² − 1))X = 0 on ξ ∈ [1, ∞), X bounded at 1 and decaying at ∞, with
 * b = R(Z_A + Z_B): the separation constant A = −λ_n for the n-th eigenvalue λ_n of the Sturm–Liouville operator
 * −d/dξ[(ξ² − 1)d/dξ] + p²ξ² − bξ + m²/(ξ² − 1) (n = n_ξ, the number of nodes of X in (1, ∞)).
 *
 * <p>Method (a Rayleigh–Ritz scheme in the spirit of Hylleraas's Laguerre expansion). With X = (ξ² − 1)^{m/2}u the
 * equation becomes ((ξ² − 1)^{m+1}u′)′ + (ξ² − 1)^m(m(m + 1) − A + bξ − p²ξ²)u = 0, whose weak form has the
 * polynomial weight w = (ξ² − 1)^m and no singular term. Trial functions u_k = e^{−s/2}ℓ_k(s), s = 2p(ξ − 1), with
 * ℓ_k the associated Laguerre polynomials L_k^{(m)} normalised against s^m e^{−s}, decay exactly like the
 * solutions (e^{−pξ}), so the basis scales with p. The stiffness matrix
 * K_jk = ∫ [(ξ² − 1)^{m+1}u_j′u_k′ + w(p²ξ² − bξ − m(m + 1))u_j u_k] dξ and the Gram matrix M_jk = ∫ w u_j u_k dξ
 * have integrands e^{−s}·(polynomial of degree ≤ 2K + 2m), integrated exactly by K + m + 2 Gauss–Laguerre
 * points in exact arithmetic (Hipparchus; we take K/4 more, because its rules' weights carry errors of ~1e-11 that
 * grow with the degree). The pencil (K, M) is reduced by M's Cholesky factor (M = I for m = 0; its
 * condition number grows with m and 1/p), or by canonical orthogonalisation if M is not numerically positive
 * definite. The Ritz values are upper bounds on λ; they converge fast in K at p ≳ 1 and more slowly at small p, where
 * the structure near the nuclei (ξ − 1 ≲ 1) is fine on the basis's scale 1/p: K = min(160, 40 + 8n + ⌈min(60, 2/p)⌉),
 * which gives energies within 1e-10 relative of those with larger bases for 0.1 ≤ R ≤ 30 (tested; the
 * noise in A is ~1e-11 absolute, from the quadrature weights). Past K ≈ 200 the rules' errors produce spurious
 * Ritz values (measured at K = 220, m = 3), hence the cap; states with n_ξ ≳ 15 would need a better rule.
 */
final class SpheroidalRadialEquation {

    /** The largest default basis: Hipparchus's Gauss–Laguerre rules past ~250 points spoil the matrices. */
    static final int MAX_BASIS = 160;

    private static final Map<Integer, GaussIntegrator> RULES = new ConcurrentHashMap<>();

    private SpheroidalRadialEquation() {
    }

    /**
     * @param p      the spheroidal parameter p &gt; 0 (p² = −E·R²/2 for H = −½Δ + V in atomic units)
     * @param b      R(Z_A + Z_B), the attraction in the ξ equation
     * @param m      |m| ≥ 0
     * @param n      the number of nodes n_ξ ≥ 0
     * @return the separation constant A, with the basis size K above
     */
    static double separationConstant(double p, double b, int m, int n) {
        return separationConstant(p, b, m, n, Math.min(MAX_BASIS, 40 + 8 * n + (int) Math.ceil(Math.min(60, 2 / p))));
    }

    /** As {@link #separationConstant(double, double, int, int)} with an explicit basis size K &gt; n. */
    static double separationConstant(double p, double b, int m, int n, int size) {
        if (m < 0 || n < 0 || size <= n || !(p > 0) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("invalid radial problem: p = " + p + ", m = " + m + ", n = " + n
                    + ", basis " + size);
        }
        GaussIntegrator rule = RULES.computeIfAbsent(size + m + 2 + size / 4, q -> new GaussIntegratorFactory().laguerre(q));
        DMatrixRMaj stiffness = new DMatrixRMaj(size, size);
        DMatrixRMaj gram = new DMatrixRMaj(size, size);
        double[] l = new double[size];
        double[] dl = new double[size];
        for (int q = 0; q < rule.getNumberOfPoints(); q++) {
            double s = rule.getPoint(q);
            double weight = rule.getWeight(q); // includes e^{-s}
            if (weight == 0) {
                continue;
            }
            double t = s / (2 * p);
            double xi = 1 + t;
            // w dξ = t^m (t+2)^m dt = s^m (t+2)^m ds / (2p)^{m+1}; the common factor (2p)^{-(m+1)} is dropped, and the
            // square root of the rest rides in the Laguerre values, so that e^{-s} times L_k(s)² cannot overflow.
            laguerre(s, m, Math.sqrt(weight * Math.pow(s * (t + 2), m)), l, dl);
            double potential = p * p * xi * xi - b * xi - m * (m + 1.0);
            double kinetic = t * (t + 2) * 4 * p * p; // (ξ²−1)·w·(du/dt)², du/dt = 2p e^{-s/2}(ℓ' − ℓ/2)
            for (int j = 0; j < size; j++) {
                double gj = dl[j] - 0.5 * l[j];
                for (int k = 0; k <= j; k++) {
                    double gk = dl[k] - 0.5 * l[k];
                    stiffness.add(j, k, kinetic * gj * gk + potential * l[j] * l[k]);
                    gram.add(j, k, l[j] * l[k]);
                }
            }
        }
        symmetrise(stiffness);
        symmetrise(gram);
        return -pencilEigenvalues(stiffness, gram)[n];
    }

    /**
     * c·ℓ_k(s) and c·ℓ_k′(s) at s &gt; 0 for the normalised associated Laguerre polynomials
     * ℓ_k = L_k^{(m)}/√((k+1)…(k+m)), by (k+1)L_{k+1} = (2k+1+m−s)L_k − (k+m)L_{k−1} (linear, so started at c) and
     * s·L_k′ = k·L_k − (k+m)·L_{k−1}.
     */
    private static void laguerre(double s, int m, double c, double[] l, double[] dl) {
        double previous = 0;
        double current = c;
        for (int k = 0; k < l.length; k++) {
            double norm = 1;
            for (int i = 1; i <= m; i++) {
                norm *= k + i;
            }
            norm = Math.sqrt(norm);
            l[k] = current / norm;
            dl[k] = (k * current - (k + m) * previous) / s / norm;
            double next = ((2 * k + 1 + m - s) * current - (k + m) * previous) / (k + 1);
            previous = current;
            current = next;
        }
    }

    private static void symmetrise(DMatrixRMaj lower) {
        for (int j = 0; j < lower.numRows; j++) {
            for (int k = 0; k < j; k++) {
                lower.set(k, j, lower.get(j, k));
            }
        }
    }

    /**
     * The eigenvalues of K c = λ M c, ascending: with M = GGᵀ (Cholesky), those of G⁻¹KG⁻ᵀ. If M is not
     * numerically positive definite (large m, small p), by canonical orthogonalisation instead: M's eigenvectors
     * scaled by λ^{-1/2}, those with eigenvalues below 1e-13 of the largest dropped.
     */
    private static double[] pencilEigenvalues(DMatrixRMaj stiffness, DMatrixRMaj gram) {
        int n = gram.numRows;
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
        DMatrixRMaj basis;
        if (cholesky.decompose(gram.copy())) {
            basis = cholesky.getT(null);
            TriangularSolver_DDRM.invertLower(basis.data, n);
            CommonOps_DDRM.transpose(basis);
        } else {
            SymmetricEigenvalues.Pairs g = SymmetricEigenvalues.decompose(gram, true);
            double largest = g.values()[n - 1];
            int first = 0;
            while (first < n && g.values()[first] <= 1e-13 * largest) {
                first++;
            }
            basis = new DMatrixRMaj(n, n - first);
            for (int k = first; k < n; k++) {
                double scale = 1 / Math.sqrt(g.values()[k]);
                for (int r = 0; r < n; r++) {
                    basis.set(r, k - first, g.vectors().get(r, k) * scale);
                }
            }
        }
        DMatrixRMaj kb = new DMatrixRMaj(n, basis.numCols);
        CommonOps_DDRM.mult(stiffness, basis, kb);
        DMatrixRMaj reduced = new DMatrixRMaj(basis.numCols, basis.numCols);
        CommonOps_DDRM.multTransA(basis, kb, reduced);
        symmetrise(reduced);
        return SymmetricEigenvalues.ascending(reduced);
    }
}
