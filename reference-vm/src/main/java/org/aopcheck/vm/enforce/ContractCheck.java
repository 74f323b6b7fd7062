package org.aopcheck.vm.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aopcheck.annotations.PageState;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation.Rule;

/**
 * The implementation side of the contract, checked after one call of an operation: the lock state
 * the page was left in for the outcome, only declared codes, redirty before AOP_WRITEPAGE_ACTIVATE
 * and, when asked, AOP_WRITEPAGE_ACTIVATE only for reclaim. Shared by the run-time enforcement
 * (which throws the first finding) and the conformance kit (which reports all).
 */
public final class ContractCheck {
  private ContractCheck() {}

  /** One broken rule, with a message naming the operation, the outcome and the page. */
  public record Finding(Rule rule, String message) {}

  /**
   * Checks the page's state after {@code contract}'s implementation returned {@code result}.
   *
   * @param caller the held-lock set of the thread that called the operation (it locked the page)
   * @param forReclaim for writepage, whether the caller was page reclaim; ignored otherwise
   * @param requireActivateOnlyForReclaim whether AOP_WRITEPAGE_ACTIVATE outside reclaim is a
   *     finding
   */
  public static List<Finding> afterCall(
      OperationContract contract,
      Page page,
      int result,
      HeldLocks caller,
      boolean forReclaim,
      boolean requireActivateOnlyForReclaim) {
    List<Finding> findings = new ArrayList<>();
    Outcome outcome = Outcome.of(result);
    String returned = contract.name() + " returned " + Outcome.describe(result);
    Optional<PageState> expected = contract.expectedState(outcome);
    if (expected.isEmpty()) {
      findings.add(
          new Finding(
              Rule.UNDECLARED_CODE,
              returned
                  + " for "
                  + page
                  + ", a positive value its contract does not declare (it may return "
                  + contract.mayReturn()
                  + ")"));
      return findings;
    }
    boolean stillLockedByCaller = page.isLockedBy(caller);
    boolean handedToIo = page.isLockedForIo();
    if (expected.get() == PageState.LOCKED && !stillLockedByCaller) {
      findings.add(
          new Finding(
              Rule.IMPLEMENTATION_LOCK_STATE,
              returned + " with " + page + " unlocked: the contract says the page stays locked"));
    } else if (expected.get() == PageState.UNLOCKED
        && stillLockedByCaller
        && !(handedToIo && outcome == Outcome.SUCCESS)) {
      findings.add(
          new Finding(
              Rule.IMPLEMENTATION_LOCK_STATE,
              returned
                  + " with "
                  + page
                  + " still locked: the contract says the callee unlocks it for this outcome"));
    }
    if (outcome == Outcome.WRITEPAGE_ACTIVATE) {
      if (!page.isDirty()) {
        findings.add(
            new Finding(
                Rule.WRITEPAGE_ACTIVATE_NOT_REDIRTIED,
                returned
                    + " without redirtying "
                    + page
                    + ": the caller cleaned it, so its data will never be written"));
      }
      if (requireActivateOnlyForReclaim && !forReclaim) {
        findings.add(
            new Finding(
                Rule.WRITEPAGE_ACTIVATE_OUTSIDE_RECLAIM,
                returned
                    + " for "
                    + page
                    + " to a caller that is not page reclaim (wbc.forReclaim is false)"));
      }
    }
    return findings;
  }
}
