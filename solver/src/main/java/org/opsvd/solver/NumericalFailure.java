package org.opsvd.solver;

/**
 * A computation on well-formed input that failed numerically: a Gram matrix of learned functions that is not
 * finite or not positive definite, a function with zero norm on the quadrature, and the like — typically the
 * result of a diverged training run (a learning rate far too large), not of a bad command line. The command line
 * reports it with exit status 1 (a failure while computing), where a plain {@link IllegalArgumentException}
 * means a usage error (status 2).
 *
 * <p>It extends {@link IllegalArgumentException} because the failing routines are handed the degenerate matrix
 * as an argument, and so that callers that already treat such input as "no estimate" by catching
 * {@code IllegalArgumentException} (e.g. the SVD solver's Ritz values after a diverged run) keep doing so;
 * code that must tell the two apart checks for this type first.
 */
public class NumericalFailure extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A numerical failure described by {@code message}, one line naming the quantity and its value. */
    public NumericalFailure(String message) {
        super(message);
    }

    /** A numerical failure described by {@code message}, caused by {@code cause}. */
    public NumericalFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
