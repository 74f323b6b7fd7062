package org.aopcheck.vm.enforce;

/**
 * Counts, per thread, the times it blocked waiting for a lock. An operation that returns
 * AOP_TRUNCATED_PAGE after waiting for what it could not take has made progress; one that returns
 * it without ever waiting lets its caller spin (KERNEL-CASES K15).
 */
public final class WaitTracker {
  private static final ThreadLocal<long[]> WAITS = ThreadLocal.withInitial(() -> new long[1]);

  private WaitTracker() {}

  /** The calling thread blocked on a lock. */
  public static void noteWait() {
    WAITS.get()[0]++;
  }

  /** The number of times the calling thread has blocked so far. */
  public static long waits() {
    return WAITS.get()[0];
  }
}
