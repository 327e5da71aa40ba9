package org.opsvd.notebook;

/**
 * A cell that failed: it did not compile, referred to something undefined, threw, or used a bad magic. The
 * kernel reports it to Jupyter as an error (name = {@link #kind()}, value and traceback = the message), which
 * makes {@code jupyter nbconvert --execute} fail.
 */
public final class CellException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String kind;

  /**
   * @param kind    short error name, e.g. {@code CompilationError} or the exception's simple class name
   * @param message what happened, with the cell line and, for exceptions, the stack trace
   */
  public CellException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** CompilationError, UnresolvedReference, IncompleteCode, MagicError, or the thrown exception's simple name. */
  public String kind() {
    return kind;
  }
}
