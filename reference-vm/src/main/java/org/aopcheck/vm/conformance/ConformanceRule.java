package org.aopcheck.vm.conformance;

import org.aopcheck.vm.ProtocolViolation;

/**
 * The implementation side of the contract that the {@link ConformanceKit} checks, each tied to the
 * run-time rule it reports with. The lock states and the declared codes are read from the
 * annotations on {@link org.aopcheck.vm.AddressSpaceOperations}.
 */
public enum ConformanceRule {
  /** Each outcome leaves the page in the lock state the contract declares for it. */
  LOCK_STATE_PER_OUTCOME(
      "each outcome leaves the page in its declared lock state",
      ProtocolViolation.Rule.IMPLEMENTATION_LOCK_STATE),
  /** Only the positive codes the operation declares with @MayReturn. */
  DECLARED_CODES_ONLY(
      "only declared positive codes are returned", ProtocolViolation.Rule.UNDECLARED_CODE),
  /** writepage redirties the page before returning AOP_WRITEPAGE_ACTIVATE. */
  REDIRTY_BEFORE_ACTIVATE(
      "writepage redirties the page before AOP_WRITEPAGE_ACTIVATE",
      ProtocolViolation.Rule.WRITEPAGE_ACTIVATE_NOT_REDIRTIED),
  /** writepage returns AOP_WRITEPAGE_ACTIVATE only to page reclaim. */
  ACTIVATE_ONLY_FOR_RECLAIM(
      "AOP_WRITEPAGE_ACTIVATE only for reclaim",
      ProtocolViolation.Rule.WRITEPAGE_ACTIVATE_OUTSIDE_RECLAIM),
  /** An operation waits for what it could not take before returning AOP_TRUNCATED_PAGE. */
  PROGRESS_BEFORE_TRUNCATED(
      "progress before AOP_TRUNCATED_PAGE", ProtocolViolation.Rule.TRUNCATED_PAGE_LIVELOCK),
  /**
   * An operation never waits for a filesystem lock with the page locked if that lock is elsewhere
   * taken before page locks (K13): lockdep reports the inversion before it deadlocks.
   */
  NO_LOCK_ORDER_INVERSION(
      "no lock-order inversion against the page lock", ProtocolViolation.Rule.LOCK_ORDER_INVERSION),
  /** The operations return at all (a call that never returns is a deadlock). */
  OPERATIONS_RETURN("every call returns", ProtocolViolation.Rule.DEADLOCK);

  private final String title;
  private final ProtocolViolation.Rule runtimeRule;

  ConformanceRule(String title, ProtocolViolation.Rule runtimeRule) {
    this.title = title;
    this.runtimeRule = runtimeRule;
  }

  /** A one-line statement of the rule, used as the test's name. */
  public String title() {
    return title;
  }

  /** The reference VM's run-time rule for the same property. */
  public ProtocolViolation.Rule runtimeRule() {
    return runtimeRule;
  }

  /** The conformance rule that reports a run-time rule, or null if the kit does not check it. */
  static ConformanceRule of(ProtocolViolation.Rule rule) {
    for (ConformanceRule candidate : values()) {
      if (candidate.runtimeRule == rule) {
        return candidate;
      }
    }
    return null;
  }
}
