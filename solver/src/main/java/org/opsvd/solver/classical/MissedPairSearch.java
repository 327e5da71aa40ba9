package org.opsvd.solver.classical;

import org.ejml.data.DMatrixRMaj;

/**
 * Completes a set of Lanczos eigenvectors whose lowest levels may be exactly degenerate.
 *
 * <p>Single-vector Lanczos only sees one direction per eigenspace in exact arithmetic; further copies of an
 * exactly degenerate level (tensor-product spectra such as the 2D/3D oscillator) enter only through rounding
 * and can be missed when ARPACK converges fast. Check: run Lanczos on the deflated transformed operator
 * Q·A·Q, Q = I − V·Vᵀ ({@link DeflatedOperator}); any new Ritz vector with Rayleigh quotient below the
 * current λ_nev was missed. It is appended (it is orthogonal to V by construction, and within a degenerate
 * level any orthonormal basis is right, so no Rayleigh–Ritz rotation is needed), the pairs are re-sorted by
 * Rayleigh quotient, and the check repeats (at most {@value #ROUNDS} rounds).
 */
final class MissedPairSearch {

    /** Eigenpairs of the deflated operator computed per round. */
    static final int CHECK = 1;
    static final int ROUNDS = 8;
    /**
     * Lanczos basis size of the check. Small on purpose: the filtered, deflated operator has one dominant
     * eigenvalue when a copy was missed, and ARPACK's orthogonalisation costs O(n·ncv) per step; 10 took 16
     * products of p(H) on the 256² oscillator against 22 with the default ncv = 21.
     */
    static final int CHECK_NCV = 10;

    /**
     * @param pairs      Rayleigh quotients with H and the vectors of the completed basis, ascending
     * @param added      how many missed vectors were added
     * @param conclusive false if the check itself did not converge
     */
    record Completion(DenseSolver.Eigen pairs, int added, boolean conclusive) {
    }

    private MissedPairSearch() {
    }

    /**
     * @param transformed the operator Lanczos ran on (p(H) or (H − σ)⁻¹), larger for lower λ
     * @param h           H itself
     * @param basis       the Lanczos eigenvectors (size × k, orthonormal)
     * @param nev         how many of the lowest levels must be complete
     */
    static Completion complete(SymmetricOperator transformed, SymmetricOperator h, DMatrixRMaj basis, int nev,
                                      double tol, int maxIterations, StringBuilder notes) {
        int n = basis.numRows;
        DenseSolver.Eigen rr = RayleighQuotients.sorted(h, basis);
        int added = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int k = rr.vectors().numCols;
            int nevCheck = Math.min(CHECK, n - k - 2);
            if (nevCheck < 1) {
                break;
            }
            ArpackLanczos.Result r;
            try {
                r = ArpackLanczos.solve(new DeflatedOperator(transformed, rr.vectors()), n, nevCheck,
                        Math.min(n - k, CHECK_NCV), ArpackLanczos.Which.LA, tol, maxIterations, true);
            } catch (ArpackException e) {
                notes.append("; degeneracy check inconclusive (").append(e.getMessage()).append(')');
                return new Completion(rr, added, false);
            }
            double limit = rr.values()[nev - 1] - 1e-9 * Math.max(1, Math.abs(rr.values()[nev - 1]));
            DenseSolver.Eigen found = RayleighQuotients.sorted(h, r.vectors());
            int missed = 0;
            while (missed < found.values().length && found.values()[missed] < limit) {
                missed++;
            }
            if (missed == 0) {
                notes.append("; degeneracy check: ").append(added).append(" missed pairs added in ").append(round - 1)
                        .append(" rounds");
                return new Completion(rr, added, true);
            }
            added += missed;
            DMatrixRMaj merged = new DMatrixRMaj(n, k + missed);
            for (int i = 0; i < n; i++) {
                System.arraycopy(rr.vectors().data, i * k, merged.data, i * (k + missed), k);
                for (int j = 0; j < missed; j++) {
                    merged.data[i * (k + missed) + k + j] = found.vectors().data[i * found.values().length + j];
                }
            }
            rr = RayleighQuotients.sorted(h, merged);
        }
        notes.append("; degeneracy check: ").append(added).append(" missed pairs added, rounds exhausted");
        return new Completion(rr, added, false);
    }
}
