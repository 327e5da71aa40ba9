package org.opsvd.solver.classical;

/**
 * ARPACK ({@code dsaupd}/{@code dseupd}) reported an error or did not converge; the message translates
 * ARPACK's {@code info} code into words.
 */
public final class ArpackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String routine;
    private final int info;
    private final int converged;

    public ArpackException(String routine, int info, int converged, String context) {
        super(routine + " info = " + info + ": " + explain(routine, info) + " (" + converged
                + " Ritz values converged; " + context + ")");
        this.routine = routine;
        this.info = info;
        this.converged = converged;
    }

    /** "dsaupd" or "dseupd". */
    public String routine() {
        return routine;
    }

    /** ARPACK's info code. */
    public int info() {
        return info;
    }

    /** How many Ritz values had converged (iparam(5)). */
    public int converged() {
        return converged;
    }

    /** True when the iteration limit was hit (info = 1): retrying with more iterations or a better operator may help. */
    public boolean isMaxIterations() {
        return "dsaupd".equals(routine) && info == 1;
    }

    /** ARPACK's documented meaning of an info code. */
    public static String explain(String routine, int info) {
        return switch (info) {
            case 1 -> "maximum number of Arnoldi update iterations reached";
            case 3 -> "no shifts could be applied during an implicit restart; increase ncv relative to nev";
            case -1 -> "n must be positive";
            case -2 -> "nev must be positive";
            case -3 -> "ncv must satisfy nev < ncv <= n";
            case -4 -> "the maximum number of iterations must be positive";
            case -5 -> "which must be one of LM, SM, LA, SA, BE";
            case -6 -> "bmat must be I or G";
            case -7 -> "workl is too short";
            case -8 -> "error in the tridiagonal eigenvalue computation (LAPACK dsteqr)";
            case -9 -> "the starting vector is zero";
            case -10 -> "iparam(7) (mode) must be 1..5";
            case -11 -> "mode 1 and bmat = G are incompatible";
            case -12 -> "iparam(1) must be 0 or 1";
            case -13 -> "nev and which = BE are incompatible";
            case -14 -> "dsaupd did not find any eigenvalues to sufficient accuracy";
            case -15 -> "howmny must be A or S when rvec is true";
            case -16 -> "howmny = S is not implemented";
            case -17 -> "dseupd counted a different number of converged Ritz values than dsaupd";
            case -9999 -> "could not build a Lanczos factorisation (invariant subspace too small?)";
            default -> "unknown ARPACK error in " + routine;
        };
    }
}
