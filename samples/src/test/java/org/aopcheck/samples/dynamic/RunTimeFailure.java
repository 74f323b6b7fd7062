package org.aopcheck.samples.dynamic;

/** What a sample form did wrong when it ran in the reference VM. */
public enum RunTimeFailure {
  /** {@code unlock_page} of a page that was not locked: the kernel's BUG. */
  DOUBLE_UNLOCK,
  /** {@code page_cache_release} below zero: the page would be freed while in use. */
  RELEASE_BELOW_ZERO,
  /** A page stayed locked after everyone returned: the next {@code lock_page} waits forever. */
  PAGE_LEFT_LOCKED,
  /**
   * An operation returned with its page in the wrong lock state for its outcome: the caller will
   * leave the page locked for good, or unlock it twice.
   */
  WRONG_LOCK_STATE,
  /** A page kept a reference nobody owns: it can never be freed. */
  LEAKED_REFERENCE,
  /** A cached page was left off the LRU lists: reclaim can never find it. */
  PAGE_HIDDEN_FROM_RECLAIM,
  /** A positive code or a spurious error reached the caller's caller (user space). */
  BOGUS_ERROR_RETURNED,
  /** Data written to the page cache never reached the backing store. */
  LOST_WRITE,
  /** A task waits for a lock that only it could release. */
  DEADLOCK,
  /** Callers retry forever without progress. */
  LIVELOCK,
  /** {@code AOP_WRITEPAGE_ACTIVATE} returned to a caller that is not page reclaim. */
  ACTIVATE_OUTSIDE_RECLAIM,
  /** A kernel assertion ({@code BUG_ON}, {@code VM_BUG_ON}) fired. */
  KERNEL_BUG
}
