package org.opsvd.solver.classical;

/** Argument checks shared by the solvers. */
final class Checks {

    private Checks() {
    }

    /** Iterative solvers need 1 ≤ nev &lt; size (ARPACK needs nev &lt; ncv ≤ size). */
    static void requireNev(int nev, int size) {
        if (nev < 1) {
            throw new IllegalArgumentException("number of eigenpairs nev must be at least 1, got " + nev);
        }
        if (nev >= size) {
            throw new IllegalArgumentException("number of eigenpairs nev = " + nev + " must be smaller than the grid size "
                    + size + " for a Lanczos solver; use DenseSolver for all eigenpairs");
        }
    }
}
