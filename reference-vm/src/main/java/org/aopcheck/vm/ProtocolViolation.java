package org.aopcheck.vm;

/**
 * A broken rule of the page-cache protocol, detected at run time: the reference VM's {@code BUG()}.
 *
 * <p>It is an {@link Error} because, as in the kernel, the state it found cannot be recovered from;
 * tests assert its {@link #rule()} and the message names the page.
 */
public final class ProtocolViolation extends Error {
  private static final long serialVersionUID = 1L;

  /** The rules the reference VM enforces. */
  public enum Rule {
    /** {@code unlock_page} on a page that is not locked. */
    UNLOCK_OF_UNLOCKED_PAGE,
    /** {@code page_cache_release} that would take the reference count below zero. */
    RELEASE_BELOW_ZERO,
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
