package org.aopcheck.core.contract;

import java.util.Optional;
import org.aopcheck.annotations.AopCode;

/** What a page operation returned, as far as the protocol is concerned. */
public enum Outcome {
  /** {@code 0}. */
  SUCCESS(null, "0"),
  /** A negative errno. */
  ERROR(null, "a negative error"),
  /** {@code AOP_TRUNCATED_PAGE}: the callee unlocked the page; release it and look it up again. */
  TRUNCATED_PAGE(AopCode.TRUNCATED_PAGE, AopCode.TRUNCATED_PAGE.kernelName()),
  /** {@code AOP_WRITEPAGE_ACTIVATE}: the page is still locked and redirtied; unlock it. */
  WRITEPAGE_ACTIVATE(AopCode.WRITEPAGE_ACTIVATE, AopCode.WRITEPAGE_ACTIVATE.kernelName());

  private final AopCode code;
  private final String description;

  Outcome(AopCode code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The positive code of this outcome, if it is one. */
  public Optional<AopCode> code() {
    return Optional.ofNullable(code);
  }

  /** How messages name the outcome: "0", "a negative error", "AOP_TRUNCATED_PAGE". */
  public String description() {
    return description;
  }

  /** The outcome of returning {@code code}. */
  public static Outcome of(AopCode code) {
    return code == AopCode.TRUNCATED_PAGE ? TRUNCATED_PAGE : WRITEPAGE_ACTIVATE;
  }
}
