package org.aopcheck.samples.prepatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.testing.VmFixture;

/** Assertions shared by the pre-patch scenario tests. */
final class PrePatchAssertions {
  private PrePatchAssertions() {}

  /** {@code action} fails with {@code rule}, and the message names a page or the operation. */
  static ProtocolViolation assertFailsWith(ProtocolViolation.Rule rule, Runnable action) {
    Throwable failure = VmFixture.failureOf(action);
    ProtocolViolation violation = assertInstanceOf(ProtocolViolation.class, failure);
    assertEquals(rule, violation.rule(), violation.getMessage());
    return violation;
  }

  /** {@code action} runs to the end with no run-time violation. */
  static void assertPasses(Runnable action) {
    Throwable failure = VmFixture.failureOf(action);
    assertNull(failure, () -> "unexpected " + failure);
  }

  static void assertMentionsPage(ProtocolViolation violation) {
    assertTrue(violation.getMessage().contains("page#"), violation.getMessage());
  }
}
