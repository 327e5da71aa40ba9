package org.opsvd.solver.classical;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.operators.grid.GridHamiltonian;

/**
 * The lowest eigenpairs of H_h by Chebyshev-filtered Lanczos: ARPACK regular mode, which = LA, on
 * p(H) = T_m((H − c)/e) with c = (cut + λ_max)/2, e = (λ_max − cut)/2, matrix-free.
 *
 * <p>p maps the unwanted interval [cut, λ_max] into [−1, 1] and grows like cosh(m·arccosh|x|) below cut; with
 * m even, p is positive and decreasing on (−∞, cut), so if λ_nev &lt; cut the nev largest eigenvalues of p(H)
 * belong to the nev lowest λ. λ_max is the Gershgorin {@link GridHamiltonian#upperBound()}. The returned
 * λ_j are Rayleigh quotients v_jᵀHv_j.
 *
 * <p><b>Lanczos.</b> ARPACK is asked for nev' = nev + max(3, nev/4) (the buffer gives rounding time to
 * bring in further copies of exactly degenerate levels), the pairs are sorted by Rayleigh quotient, and
 * {@link MissedPairSearch} checks on the deflated p(H) that no level below λ_nev was missed (adding any it
 * finds).
 *
 * <p><b>Cut.</b> From a plain-Lanczos estimate λ₁ ≈ λ_min ({@link SpectrumEstimates#lowestQuick}) and the Weyl count N(λ) (see {@link SpectrumEstimates})
 * with N(λ_W) = nev' + {@value MissedPairSearch#CHECK}: cut = λ₁ + 1.5·(λ_W − λ₁). After solving, the result
 * is accepted only if every λ_j &lt; cut and every residual ‖Hv − λv‖/max(1,|λ|) ≤ {@link #RESIDUAL_LIMIT};
 * otherwise (or when ARPACK hits its iteration limit) cut − λ₁ is doubled and the degree kept at least as
 * high, up to {@link #ATTEMPTS} tries.
 *
 * <p><b>Degree.</b> With R = (λ_max − cut)/(cut − λ₁), (λ₁ − c)/e = −(1 + 2/R), so
 * T_m ≈ ½·exp(2m/√R) at λ₁. The rule m = 2·⌈(κ/2)·√R⌉, κ = 4 (even, clamped to [8, 1000]) amplifies the bottom
 * of the spectrum by about ½e^{2κ} ≈ 1.5·10³ over the damped interval, whatever the grid (κ = 5 needed the same
 * number of restarts on the 256² and 60³ oscillators with 25% more products; κ = 3.5 needed more restarts); finer grids (larger
 * λ_max ∝ h⁻²) need m ∝ 1/h.
 *
 * <p>Not for clustered spectra such as hydrogen (levels accumulate below 0, so λ_nev is close to many
 * others): use {@link ShiftInvertSolver}.
 */
public final class ChebyshevFilterSolver {

    /** Accepted relative residual ‖Hv − λv‖/max(1,|λ|). */
    public static final double RESIDUAL_LIMIT = 1e-6;
    /** Restart limit of the degeneracy check ({@link MissedPairSearch}). */
    static final int CHECK_ITERATIONS = 30;
    /** Maximum number of (cut, degree) tries. */
    public static final int ATTEMPTS = 4;
    /**
     * System property with the default number of threads for the filter's stencil steps (default 1; the
     * SciPy comparisons use one thread on both sides). Set e.g. {@code -Dopsvd.chebyshev.threads=2}.
     */
    public static final String THREADS_PROPERTY = "opsvd.chebyshev.threads";

    private final double tolerance;
    private final int maxIterations;
    private final double kappa;
    private final double cut;
    private final int threads;

    /**
     * Defaults: ARPACK tol 1e-10, 60 restarts (a valid cut converges in a few; a cut below λ_nev fails fast and is
     * raised), κ = 4, automatic cut.
     */
    public ChebyshevFilterSolver() {
        this(1e-10, 60, 4.0, Double.NaN);
    }

    /**
     * @param tolerance     ARPACK relative tolerance on p(H)
     * @param maxIterations restart limit per try
     * @param kappa         degree factor κ in m = κ·√R
     * @param cut           initial cut (NaN: automatic); it is still validated and raised if too low
     */
    public ChebyshevFilterSolver(double tolerance, int maxIterations, double kappa, double cut) {
        this(tolerance, maxIterations, kappa, cut, Integer.getInteger(THREADS_PROPERTY, 1));
    }

    /**
     * @param threads threads for the stencil steps of the filter (bands of slices; results are bitwise the same
     *                for any count)
     */
    public ChebyshevFilterSolver(double tolerance, int maxIterations, double kappa, double cut, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (!(tolerance >= 0) || maxIterations < 1 || !(kappa > 0) || Double.isInfinite(cut)) {
            throw new IllegalArgumentException("invalid Chebyshev options: tol = " + tolerance + ", maxIterations = "
                    + maxIterations + ", kappa = " + kappa + ", cut = " + cut);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.kappa = kappa;
        this.cut = cut;
        this.threads = threads;
    }

    /** The same options with a given initial cut. */
    public ChebyshevFilterSolver withCut(double newCut) {
        return new ChebyshevFilterSolver(tolerance, maxIterations, kappa, newCut, threads);
    }

    /** The same options with a given number of filter threads. */
    public ChebyshevFilterSolver withThreads(int newThreads) {
        return new ChebyshevFilterSolver(tolerance, maxIterations, kappa, cut, newThreads);
    }

    /** The degree rule m = 2·⌈(κ/2)·√((λ_max − cut)/(cut − λ₁))⌉, clamped to [8, 1000]. */
    public static int degree(double kappa, double lowest, double cut, double upper) {
        double r = (upper - cut) / (cut - lowest);
        int m = 2 * (int) Math.ceil(0.5 * kappa * Math.sqrt(r));
        return Math.max(8, Math.min(1000, m));
    }

    /**
     * The nev lowest eigenpairs of H_h.
     *
     * @throws IllegalArgumentException if nev is not in 1..size−1
     * @throws IllegalStateException    if no try passes validation
     */
    public GridEigenpairs solve(GridHamiltonian h, int nev, boolean vectors) {
        int n = h.size();
        Checks.requireNev(nev, n);
        int wanted = Math.min(n - 1, nev + Math.max(3, nev / 4)); // Lanczos buffer beyond nev
        int ncv = ArpackLanczos.defaultNcv(n, wanted);
        StringBuilder notes = new StringBuilder();
        double upper = h.upperBound();
        double lowest = SpectrumEstimates.lowestQuick(h, 1e-5, 2000, notes);
        SymmetricOperator stencil = h::apply;
        double c0 = cut;
        if (Double.isNaN(c0)) {
            double weyl = SpectrumEstimates.weylLevel(h, wanted + MissedPairSearch.CHECK);
            c0 = lowest + 1.5 * Math.max(weyl - lowest, 1e-3 * Math.max(1, Math.abs(lowest)));
        }
        int products = 0;
        int previousDegree = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (!(c0 < upper)) {
                throw new IllegalStateException("Chebyshev cut " + c0 + " reached the top of the spectrum " + upper
                        + "; nev = " + nev + " is too large for this route (" + notes + ")");
            }
            int m = Math.max(previousDegree, degree(kappa, lowest, c0, upper));
            previousDegree = m;
            notes.append("try ").append(attempt).append(": cut = ").append(c0).append(", m = ").append(m);
            if (threads > 1) {
                notes.append(", ").append(threads).append(" filter threads");
            }
            ChebyshevOperator p = new ChebyshevOperator(h, m, c0, upper, threads);
            DenseSolver.Eigen rr;
            try {
                ArpackLanczos.Result r = ArpackLanczos.solve(p, n, wanted, ncv, ArpackLanczos.Which.LA, tolerance,
                        maxIterations, true);
                notes.append(", ").append(r.iterations()).append(" restarts");
                rr = MissedPairSearch.complete(p, stencil, r.vectors(), nev, tolerance, CHECK_ITERATIONS, notes).pairs();
            } catch (ArpackException e) {
                products += p.products();
                notes.append(" failed (").append(e.getMessage()).append("); ");
                c0 = lowest + 2 * (c0 - lowest);
                continue;
            }
            products += p.products();
            double[] values = Arrays.copyOf(rr.values(), nev);
            DMatrixRMaj vec = new DMatrixRMaj(n, nev);
            CommonOps_DDRM.extract(rr.vectors(), 0, n, 0, nev, vec, 0, 0);
            double maxRes = Arrays.stream(Residuals.relative(h, values, vec)).max().orElse(0);
            double top = values[nev - 1];
            if (top < c0 && maxRes <= RESIDUAL_LIMIT) {
                notes.append(", max residual ").append(String.format("%.2e", maxRes)).append(", ARPACK ")
                        .append(ArpackLanczos.implementation());
                return new GridEigenpairs(h.grid(), values, vectors ? vec : null, "chebyshev",
                        products + rr.values().length + nev, notes.toString());
            }
            notes.append(" rejected (λ_nev = ").append(top).append(", max residual ")
                    .append(String.format("%.2e", maxRes)).append("); ");
            c0 = lowest + 2 * (c0 - lowest);
        }
        throw new IllegalStateException("Chebyshev-filtered Lanczos did not produce validated eigenpairs: " + notes);
    }
}
