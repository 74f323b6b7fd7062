package org.aopcheck.samples.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.aopcheck.vm.ProtocolViolation;

/**
 * What one run of a sample form showed: the failures seen, each with a line of detail. A run with
 * no failure passed.
 */
public final class RunResult {
  private final Set<RunTimeFailure> failures = EnumSet.noneOf(RunTimeFailure.class);
  private final List<String> details = new ArrayList<>();

  /** Records a failure seen by a check after the run. */
  public void fail(RunTimeFailure failure, String detail) {
    failures.add(failure);
    details.add(failure + ": " + detail);
  }

  /**
   * Records the failure a run stopped with: the reference VM's {@link ProtocolViolation} or the
   * instrumentation's {@link ObservedFailure}.
   */
  void stoppedBy(Throwable thrown) {
    if (thrown instanceof ObservedFailure observed) {
      fail(observed.failure(), observed.getMessage());
    } else if (thrown instanceof ProtocolViolation violation) {
      // By name, so that rules the reference VM adds later need no change here to be reported.
      RunTimeFailure failure =
          switch (violation.rule().name()) {
            case "UNLOCK_OF_UNLOCKED_PAGE" -> RunTimeFailure.DOUBLE_UNLOCK;
            case "RELEASE_BELOW_ZERO" -> RunTimeFailure.RELEASE_BELOW_ZERO;
            default -> RunTimeFailure.KERNEL_BUG;
          };
      fail(failure, violation.getMessage());
    } else {
      throw new AssertionError("scenario failed unexpectedly", thrown);
    }
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
