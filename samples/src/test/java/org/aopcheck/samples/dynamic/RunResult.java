package org.aopcheck.samples.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aopcheck.samples.model.KernelBug;
import org.aopcheck.vm.ProtocolViolation;

/**
 * What one run of a sample form showed: the failures seen, each with a line of detail. A run with
 * no failure passed.
 */
public final class RunResult {
  private final Set<RunTimeFailure> failures = EnumSet.noneOf(RunTimeFailure.class);
  private final List<String> details = new ArrayList<>();

  /** Adds a line of detail that is not a failure. */
  public void note(String detail) {
    details.add(detail);
  }

  /** Records a failure seen by a check after the run. */
  public void fail(RunTimeFailure failure, String detail) {
    failures.add(failure);
    details.add(failure + ": " + detail);
  }

  /** Adds the failures and details of {@code other}, each detail prefixed with {@code label}. */
  public void include(String label, RunResult other) {
    failures.addAll(other.failures);
    for (String detail : other.details) {
      details.add(label + ": " + detail);
    }
  }

  /**
   * Records the failure a run stopped with: the reference VM's {@link ProtocolViolation}, the
   * instrumentation's {@link ObservedFailure}, or a modelled kernel assertion ({@link KernelBug}).
   */
  void stoppedBy(Throwable thrown) {
    if (thrown instanceof ObservedFailure observed) {
      fail(observed.failure(), observed.getMessage());
    } else if (thrown instanceof ProtocolViolation violation) {
      violated(violation);
    } else if (thrown instanceof KernelBug bug) {
      fail(RunTimeFailure.KERNEL_BUG, bug.getMessage());
    } else {
      throw new AssertionError("scenario failed unexpectedly", thrown);
    }
  }

  /**
   * Records a broken rule of the reference VM, thrown by it or found by a check after the run, as
   * the user-level failure it amounts to.
   */
  void violated(ProtocolViolation violation) {
    // By name, so that a rule the reference VM adds later is reported (as KERNEL_BUG, with its
    // name in the detail) before it is classified here.
    RunTimeFailure failure =
        switch (violation.rule().name()) {
          case "UNLOCK_OF_UNLOCKED_PAGE" -> RunTimeFailure.DOUBLE_UNLOCK;
          case "RELEASE_BELOW_ZERO", "GET_OF_FREED_PAGE" -> RunTimeFailure.RELEASE_BELOW_ZERO;
          case "RECURSIVE_PAGE_LOCK", "LOCK_ORDER_INVERSION", "DEADLOCK" -> RunTimeFailure.DEADLOCK;
          case "PAGE_LEFT_LOCKED" -> RunTimeFailure.PAGE_LEFT_LOCKED;
          case "PAGE_REFERENCE_LEAKED" -> RunTimeFailure.LEAKED_REFERENCE;
          case "IMPLEMENTATION_LOCK_STATE", "OPERATION_ON_UNLOCKED_PAGE" ->
              RunTimeFailure.WRONG_LOCK_STATE;
          case "WRITEPAGE_ACTIVATE_NOT_REDIRTIED", "DATA_MISMATCH" -> RunTimeFailure.LOST_WRITE;
          case "WRITEPAGE_ACTIVATE_OUTSIDE_RECLAIM" -> RunTimeFailure.ACTIVATE_OUTSIDE_RECLAIM;
          case "TRUNCATED_PAGE_LIVELOCK" -> RunTimeFailure.LIVELOCK;
          case "AOP_CODE_ESCAPED", "SPURIOUS_FAILURE" -> RunTimeFailure.BOGUS_ERROR_RETURNED;
          case "CACHED_PAGE_NOT_ON_LRU" -> RunTimeFailure.PAGE_HIDDEN_FROM_RECLAIM;
          default -> RunTimeFailure.KERNEL_BUG;
        };
    fail(failure, violation.getMessage());
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  public Set<RunTimeFailure> failures() {
    return Collections.unmodifiableSet(failures);
  }

  public List<String> details() {
    return Collections.unmodifiableList(details);
  }

  /** "passes", or the failures seen, for tables. */
  public String summary() {
    return failures.isEmpty() ? "passes" : "fails: " + failures;
  }

  @Override
  public String toString() {
    return failures.isEmpty() ? "passed" : String.join("; ", details);
  }
}
