package org.aopcheck.samples.dynamic;

/**
 * Thrown by the cross-checks' instrumentation where the kernel would hang or BUG: a wait that can
 * never end, a retry loop without progress, a broken operation contract.
 */
public final class ObservedFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RunTimeFailure failure;

  public ObservedFailure(RunTimeFailure failure, String detail) {
    super(failure + ": " + detail);
    this.failure = failure;
  }

  public RunTimeFailure failure() {
    return failure;
  }
}
