package org.opsvd.solver.classical;

import java.util.Arrays;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.operators.grid.DiscreteHamiltonian;

/**
 * The lowest eigenpairs of H_h by shift-invert Lanczos: ARPACK regular mode with which = LA on
 * (H − σI)⁻¹, σ below the spectrum, which is ARPACK's mode 3 for B = I.
 *
 * <p>If H·v = λ·v then (H − σI)⁻¹·v = μ·v with μ = 1/(λ − σ), so the largest μ give the lowest λ and
 * λ = σ + 1/μ. Each application is a pair of triangular solves with a sparse Cholesky factor of H − σI in
 * {@link NestedDissection} order; a factorisation succeeding proves σ &lt; λ_min.
 *
 * <p>Automatic shift: a loose Lanczos estimate θ ≥ λ_min (which = SA, nev = 1), then
 * σ = θ − δ with δ = 0.1·max(|θ|, 0.1·(θ − min V)). If Cholesky fails (σ ≥ λ_min), σ moves down by
 * δ, 2δ, 4δ, … and finally to min V − δ, which {@link DiscreteHamiltonian#lowerBound()} guarantees is below
 * the spectrum. Afterwards {@link MissedPairSearch} looks for copies of exactly degenerate levels that the
 * single-vector Lanczos run missed (on by default; if it adds any, all λ become Rayleigh quotients with H).
 * Robust for clustered spectra (hydrogen); in 3D the factor is too expensive, use
 * {@link ChebyshevFilterSolver}.
 */
public final class ShiftInvertSolver {

    private final double tolerance;
    private final int maxIterations;
    private final int ncv;
    private final double shift;
    private final boolean checkDegeneracy;

    /**
     * Defaults: tol 1e-10, 1000 restarts, ncv = {@link ArpackLanczos#defaultNcv}, automatic shift, with the
     * {@link MissedPairSearch} check for exactly degenerate levels.
     */
    public ShiftInvertSolver() {
        this(1e-10, 1000, 0, Double.NaN);
    }

    /**
     * @param tolerance     ARPACK relative tolerance on the μ residuals
     * @param maxIterations restart limit
     * @param ncv           Lanczos basis size, or 0 for the default
     * @param shift         σ, or NaN for automatic
     */
    public ShiftInvertSolver(double tolerance, int maxIterations, int ncv, double shift) {
        this(tolerance, maxIterations, ncv, shift, true);
    }

    private ShiftInvertSolver(double tolerance, int maxIterations, int ncv, double shift, boolean checkDegeneracy) {
        if (!(tolerance >= 0) || maxIterations < 1 || ncv < 0 || Double.isInfinite(shift)) {
            throw new IllegalArgumentException("invalid shift-invert options: tol = " + tolerance + ", maxIterations = "
                    + maxIterations + ", ncv = " + ncv + ", shift = " + shift);
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.ncv = ncv;
        this.shift = shift;
        this.checkDegeneracy = checkDegeneracy;
    }

    /** The same options with the degeneracy check on or off (off saves one short Lanczos run). */
    public ShiftInvertSolver withDegeneracyCheck(boolean on) {
        return new ShiftInvertSolver(tolerance, maxIterations, ncv, shift, on);
    }

    /** The same options with a fixed shift σ (NaN: automatic). */
    public ShiftInvertSolver withShift(double sigma) {
        return new ShiftInvertSolver(tolerance, maxIterations, ncv, sigma, checkDegeneracy);
    }

    /** The same options with another ARPACK tolerance. */
    public ShiftInvertSolver withTolerance(double tol) {
        return new ShiftInvertSolver(tol, maxIterations, ncv, shift, checkDegeneracy);
    }

    /**
     * The nev lowest eigenpairs of H_h.
     *
     * @throws IllegalArgumentException if nev is not in 1..size−1 (use {@link DenseSolver} for all of them)
     * @throws ArpackException          if the Lanczos iteration fails
     */
    public GridEigenpairs solve(DiscreteHamiltonian h, int nev, boolean vectors) {
        int n = h.size();
        Checks.requireNev(nev, n);
        int basis = ncv > 0 ? Math.min(n, ncv) : ArpackLanczos.defaultNcv(n, nev);
        if (basis <= nev) {
            throw new IllegalArgumentException("ncv = " + ncv + " must exceed nev = " + nev);
        }
        double lower = h.lowerBound();
        StringBuilder notes = new StringBuilder();
        double sigma;
        double delta;
        if (Double.isNaN(shift)) {
            double theta = SpectrumEstimates.lowest(h, notes);
            delta = 0.1 * Math.max(Math.abs(theta), 0.1 * (theta - lower));
            if (!(delta > 0)) {
                delta = 1e-3 * Math.max(1, Math.abs(theta));
            }
            sigma = theta - delta;
        } else {
            sigma = shift;
            delta = 0.1 * Math.max(Math.abs(shift), Math.max(1e-3, 0.1 * Math.abs(shift - lower)));
        }
        int[] order = NestedDissection.order(h.grid(), h.stencil().reach());
        Optional<PermutedCholesky> chol = Optional.empty();
        double step = delta;
        for (int attempt = 0; attempt < 40; attempt++) {
            chol = PermutedCholesky.factor(h.toSparse(sigma), order);
            if (chol.isPresent()) {
                break;
            }
            notes.append("Cholesky failed at σ = ").append(sigma).append(" (σ ≥ λ_min); ");
            if (sigma <= lower - delta) {
                throw new IllegalStateException("H − σI is not positive definite even at σ = " + sigma
                        + " ≤ min V − " + delta + "; the matrix is not a valid discrete Hamiltonian");
            }
            sigma = Math.max(sigma - step, lower - delta);
            step *= 2;
        }
        if (chol.isEmpty()) {
            throw new IllegalStateException("could not find a shift below the spectrum (last σ = " + sigma + ")");
        }
        PermutedCholesky factor = chol.get();
        notes.append("σ = ").append(sigma).append(", nnz(L) = ").append(factor.factorNonZeros());
        ArpackLanczos.Result r = ArpackLanczos.solve(factor::solve, n, nev, basis, ArpackLanczos.Which.LA,
                tolerance, maxIterations, true);
        int solves = r.operatorApplications();
        double[] values = new double[nev];
        DMatrixRMaj vec = new DMatrixRMaj(n, nev);
        for (int j = 0; j < nev; j++) {
            int src = nev - 1 - j; // μ ascending → λ descending
            values[j] = sigma + 1.0 / r.values()[src];
            for (int i = 0; i < n; i++) {
                vec.data[i * nev + j] = r.vectors().data[i * nev + src];
            }
        }
        if (checkDegeneracy) {
            CountingOperator inverse = new CountingOperator(factor::solve);
            MissedPairSearch.Completion c = MissedPairSearch.complete(inverse, h::apply, vec, nev,
                    tolerance, maxIterations, notes);
            solves += inverse.count();
            if (c.added() > 0) { // use the Rayleigh quotients of the completed basis
                values = Arrays.copyOf(c.pairs().values(), nev);
                CommonOps_DDRM.extract(c.pairs().vectors(), 0, n, 0, nev, vec, 0, 0);
            }
        }
        notes.append(", ").append(r.iterations()).append(" restarts, ARPACK ").append(ArpackLanczos.implementation());
        return new GridEigenpairs(h.grid(), values, vectors ? vec : null, "shift-invert", solves, notes.toString());
    }
}
