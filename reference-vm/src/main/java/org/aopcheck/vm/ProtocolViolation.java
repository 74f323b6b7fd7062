package org.aopcheck.vm;

/**
 * A broken rule of the page-cache protocol, detected at run time: the reference VM's {@code BUG()}.
 *
 * <p>It is an {@link Error} because, as in the kernel, the state it found cannot be recovered from;
 * tests assert its {@link #rule()} and the message names the page and the rule.
 */
public final class ProtocolViolation extends Error {
  private static final long serialVersionUID = 1L;

  /** The rules the reference VM enforces: the one list of run-time rules. */
  public enum Rule {
    /**
     * {@code unlock_page} on a page that is not locked, or whose lock is held by another thread
     * (the lock was already given up once: a double unlock).
     */
    UNLOCK_OF_UNLOCKED_PAGE,
    /** {@code page_cache_release} that would take the reference count below zero. */
    RELEASE_BELOW_ZERO,
    /** {@code page_cache_get} of a page whose last reference was already dropped (freed). */
    GET_OF_FREED_PAGE,
    /** {@code lock_page} of a page the same thread already holds locked: it would never return. */
    RECURSIVE_PAGE_LOCK,
    /**
     * Lock-order inversion between the page lock and a filesystem lock (lockdep style): taking a
     * lock in the opposite order to one seen before, reported before it can deadlock.
     */
    LOCK_ORDER_INVERSION,
    /** A VM operation (read, write, fault, writeback, ...) ended with a page still locked. */
    PAGE_LEFT_LOCKED,
    /** A VM operation ended holding a page reference it took and did not drop or hand over. */
    PAGE_REFERENCE_LEAKED,
    /** A VM operation ended still holding a filesystem lock ({@code i_sem}, a cluster lock). */
    LOCK_LEFT_HELD,
    /** An address-space operation was called with its page not locked by the caller. */
    OPERATION_ON_UNLOCKED_PAGE,
    /**
     * An implementation returned an outcome with the page in the wrong lock state for it (for
     * example AOP_TRUNCATED_PAGE with the page still locked).
     */
    IMPLEMENTATION_LOCK_STATE,
    /** An implementation returned a positive value its contract does not declare. */
    UNDECLARED_CODE,
    /** writepage returned AOP_WRITEPAGE_ACTIVATE without redirtying the page: lost writes. */
    WRITEPAGE_ACTIVATE_NOT_REDIRTIED,
    /**
     * writepage returned AOP_WRITEPAGE_ACTIVATE to a caller that is not page reclaim (the 2007
     * tmpfs fix, KERNEL-CASES K07). Checked by the conformance kit; the VM's callers cope with it.
     */
    WRITEPAGE_ACTIVATE_OUTSIDE_RECLAIM,
    /**
     * A retry that makes no progress: an operation kept returning AOP_TRUNCATED_PAGE for the same
     * page without waiting for what it could not take (KERNEL-CASES K15), so the caller spins.
     */
    TRUNCATED_PAGE_LIVELOCK,
    /**
     * A positive code escaped a caller that must absorb it: returned to user space (read, msync) or
     * to a caller that does not expect it (KERNEL-CASES K04).
     */
    AOP_CODE_ESCAPED,
    /**
     * A caller reported a failure (an error, SIGBUS, a short read or write) although the filesystem
     * reported none: it took a positive code for an error.
     */
    SPURIOUS_FAILURE,
    /**
     * The file's contents differ from the model: a write was lost or a read returned wrong data.
     */
    DATA_MISMATCH,
    /**
     * A page in the page cache is not on the LRU, so reclaim can never find it (KERNEL-CASES K01).
     */
    CACHED_PAGE_NOT_ON_LRU,
    /** Threads stopped making progress: a deadlock, reported with their states. */
    DEADLOCK,
  }

  private final Rule rule;

  public ProtocolViolation(Rule rule, String message) {
    super(rule + ": " + message);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
