package org.aopcheck.samples.model;

/**
 * Thrown where the kernel function returns {@code ERR_PTR(error)} instead of a page: the Java form
 * of a pointer-or-error result.
 */
public final class ErrorPointer extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int error;

  /** An {@code ERR_PTR} carrying {@code error}, a negative errno. */
  public ErrorPointer(int error) {
    super("ERR_PTR(" + error + ")");
    this.error = error;
  }

  /** The negative errno, as {@code PTR_ERR} gives it. */
  public int error() {
    return error;
  }
}
