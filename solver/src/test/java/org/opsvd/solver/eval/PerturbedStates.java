package org.opsvd.solver.eval;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.spectra.ExactEigenbasis;

/**
 * Test functions with exactly known integrals: ψ̃ = φF and Hψ̃ = φΛF for the M exact eigenfunctions φ of an
 * oscillator (Hφ_j = E_jφ_j, orthonormal) and a coefficient matrix F (M×L). Exact-integral Gram
 * B = FᵀF, A = FᵀΛF; the exact residual of u = ψ̃c is ‖(Λ − μ)Fc‖/‖Fc‖ in coefficient space (no cancellation).
 */
final class PerturbedStates {

    final ExactEigenbasis basis;
    final DMatrixRMaj f;
    private final double[] energies;

    PerturbedStates(ExactEigenbasis basis, DMatrixRMaj f) {
        this.basis = basis;
        this.f = f.copy();
        this.energies = basis.energies();
    }

    /** The exact eigenbasis of H = −½Δ + ½Σω_i²x_i² covering at least {@code states} states. */
    static ExactEigenbasis oscillator(int d, double[] omega, int states) {
        OperatorRequest request = new OperatorRequest("harmonic", null, d, 0.5, null, omega, null, null, null);
        return OperatorCatalog.build(request).exact().eigenbasis(states).orElseThrow();
    }

    /**
     * F = [S; εG]: S (L×L) the identity, plus uniform(−0.3, 0.3) entries when {@code mix} (a non-orthogonal
     * basis of the exact span), and G (M−L)×L standard normal / √(M−L) (a contamination of size ≈ ε).
     */
    static PerturbedStates of(ExactEigenbasis basis, int l, double eps, boolean mix, Random rng) {
        int m = basis.count();
        DMatrixRMaj f = new DMatrixRMaj(m, l);
        for (int j = 0; j < l; j++) {
            for (int k = 0; k < l; k++) {
                f.set(j, k, (j == k ? 1 : 0) + (mix ? 0.6 * rng.nextDouble() - 0.3 : 0));
            }
        }
        for (int j = l; j < m; j++) {
            for (int k = 0; k < l; k++) {
                f.set(j, k, eps * rng.nextGaussian() / Math.sqrt(m - l));
            }
        }
        return new PerturbedStates(basis, f);
    }

    int modes() {
        return f.numCols;
    }

    /** {ψ̃, Hψ̃} at the points (rows of {@code x}, N×d) with the given weights. */
    SampledFunctions[] sample(double[][] x, double[] weights) {
        int n = x.length;
        int m = basis.count();
        DMatrixRMaj phi = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            System.arraycopy(basis.values(x[i]), 0, phi.data, i * m, m);
        }
        DMatrixRMaj psi = new DMatrixRMaj(n, modes());
        DMatrixRMaj hpsi = new DMatrixRMaj(n, modes());
        DMatrixRMaj lf = new DMatrixRMaj(m, modes());
        CommonOps_DDRM.mult(CommonOps_DDRM.diag(energies), f, lf);
        CommonOps_DDRM.mult(phi, f, psi);
        CommonOps_DDRM.mult(phi, lf, hpsi);
        return new SampledFunctions[] {SampledFunctions.wrap(psi, weights), SampledFunctions.wrap(hpsi, weights)};
    }

    /** Exact-integral Rayleigh–Ritz of span(ψ̃). */
    RayleighRitz exactRitz() {
        DMatrixRMaj b = new DMatrixRMaj(modes(), modes());
        DMatrixRMaj a = new DMatrixRMaj(modes(), modes());
        DMatrixRMaj lf = new DMatrixRMaj(f.numRows, modes());
        CommonOps_DDRM.mult(CommonOps_DDRM.diag(energies), f, lf);
        CommonOps_DDRM.multTransA(f, f, b);
        CommonOps_DDRM.multTransA(f, lf, a);
        return RayleighRitz.of(b, a);
    }

    /** Exact ρ_k = ‖(H − θ_k)u_k‖/‖u_k‖ of the exact Ritz functions. */
    double[] exactResidualNorms() {
        RayleighRitz rr = exactRitz();
        DMatrixRMaj c = new DMatrixRMaj(f.numRows, modes());
        CommonOps_DDRM.mult(f, rr.rotation(), c);
        double[] theta = rr.ritzValues();
        double[] out = new double[modes()];
        for (int k = 0; k < modes(); k++) {
            out[k] = residual(c, k, theta[k]);
        }
        return out;
    }

    /**
     * Lehmann's bounds ρ + 1/τ_i for λ_{m−i} (i = 1 … m) with exact integrals, from the first m exact Ritz functions
     * U (coefficients M×m): the pencil (A₁ − ρA₀)x = τNx with A₀ = UᵀU, A₁ = UᵀΛU, N = Uᵀ(Λ − ρ)²U, solved as the
     * (real) eigenvalues of N⁻¹(A₁ − ρA₀) by EJML's general solver; ascending in the mode index.
     */
    double[] exactLehmann(int m, double rho) {
        RayleighRitz rr = exactRitz();
        DMatrixRMaj c = new DMatrixRMaj(f.numRows, modes());
        CommonOps_DDRM.mult(f, rr.rotation(), c);
        DMatrixRMaj u = CommonOps_DDRM.extract(c, 0, c.numRows, 0, m);
        double[] shifted = new double[energies.length];
        double[] squared = new double[energies.length];
        for (int j = 0; j < energies.length; j++) {
            shifted[j] = energies[j] - rho;
            squared[j] = shifted[j] * shifted[j];
        }
        DMatrixRMaj left = quadraticForm(u, shifted);
        DMatrixRMaj n = quadraticForm(u, squared);
        CommonOps_DDRM.invert(n);
        DMatrixRMaj pencil = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(n, left, pencil);
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(m, false, false);
        eig.decompose(pencil);
        double[] tau = new double[m];
        for (int i = 0; i < m; i++) {
            tau[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(tau);
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            out[k] = rho + 1 / tau[m - 1 - k];
        }
        return out;
    }

    private static DMatrixRMaj quadraticForm(DMatrixRMaj u, double[] diagonal) {
        DMatrixRMaj scaled = new DMatrixRMaj(u.numRows, u.numCols);
        CommonOps_DDRM.mult(CommonOps_DDRM.diag(diagonal), u, scaled);
        DMatrixRMaj out = new DMatrixRMaj(u.numCols, u.numCols);
        CommonOps_DDRM.multTransA(u, scaled, out);
        return out;
    }

    /** Exact Rayleigh quotients of ψ̃_l. */
    double[] exactRayleighQuotients() {
        return exactRitz().rayleighQuotients();
    }

    /** Exact ‖(H − q_l)ψ̃_l‖/‖ψ̃_l‖. */
    double[] exactLearnedResidualNorms() {
        double[] q = exactRayleighQuotients();
        double[] out = new double[modes()];
        for (int l = 0; l < modes(); l++) {
            out[l] = residual(f, l, q[l]);
        }
        return out;
    }

    private double residual(DMatrixRMaj coefficients, int k, double mu) {
        double num = 0;
        double den = 0;
        for (int j = 0; j < coefficients.numRows; j++) {
            double v = coefficients.get(j, k);
            num += (energies[j] - mu) * (energies[j] - mu) * v * v;
            den += v * v;
        }
        return Math.sqrt(num / den);
    }

    /** Points (rows of x, N×d) and their weights w (N). */
    record Points(double[][] x, double[] w) {
    }

    /** {ψ̃, Hψ̃} at the points. */
    SampledFunctions[] sample(Points p) {
        return sample(p.x(), p.w());
    }

    /** N points x ~ N(0, s²I_d) and importance weights w_i = 1/(N·p(x_i)). */
    static Points gaussian(int n, int d, double s, Random rng) {
        double[][] x = new double[n][d];
        double[] w = new double[n];
        double norm = Math.pow(2 * Math.PI * s * s, -0.5 * d);
        for (int i = 0; i < n; i++) {
            double r2 = 0;
            for (int a = 0; a < d; a++) {
                x[i][a] = s * rng.nextGaussian();
                r2 += x[i][a] * x[i][a];
            }
            w[i] = 1.0 / (n * norm * Math.exp(-r2 / (2 * s * s)));
        }
        return new Points(x, w);
    }

    /**
     * A square grid with spacing h on [−a, a]², weights h²: for a = 9, h = 0.25 its Riemann sums of products of
     * the low oscillator states (Gaussians e^{−|x|²/2} times polynomials) are exact to ~1e-16 (tails e^{−81},
     * aliasing ~e^{−π²/h²}).
     */
    static Points grid(double a, double h) {
        int side = (int) Math.round(2 * a / h) + 1;
        double[][] x = new double[side * side][];
        double[] w = new double[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                x[i * side + j] = new double[] {-a + i * h, -a + j * h};
                w[i * side + j] = h * h;
            }
        }
        return new Points(x, w);
    }
}
