package org.aopcheck.core;

/**
 * The registry of every aopcheck check: its name (the Error Prone check name, the name of its
 * BugChecker class and test class, its doc page {@code docs/checks/NAME.md}, its SARIF rule id and
 * its CLI name), a one-line summary and a default severity. Front-ends take all of these from here
 * so that they cannot drift.
 */
public enum Check {
  RESULT_IGNORED(
      "AopResultIgnored",
      Side.CALLER,
      "The result of a page operation that may return a positive AOP code is discarded."),
  TRUNCATED_PAGE_UNHANDLED(
      "AopTruncatedPageUnhandled",
      Side.CALLER,
      "AOP_TRUNCATED_PAGE is treated as an error or as success, returned, stored, recorded or"
          + " counted as bytes instead of releasing the page and looking it up again."),
  WRITEPAGE_ACTIVATE_UNHANDLED(
      "AopWritepageActivateUnhandled",
      Side.CALLER,
      "AOP_WRITEPAGE_ACTIVATE is passed upward, recorded as an error or counted instead of"
          + " unlocking the page and treating the result as success."),
  DOUBLE_UNLOCK(
      "AopDoubleUnlock",
      Side.CALLER,
      "A page is unlocked on a path where the page operation already unlocked it."),
  PAGE_LEFT_LOCKED(
      "AopPageLeftLocked",
      Side.CALLER,
      "A page that a page operation left locked is never unlocked or handed over."),
  TRUNCATED_PAGE_LEAK(
      "AopTruncatedPageLeak",
      Side.CALLER,
      "After AOP_TRUNCATED_PAGE the page reference is not released exactly once."),
  TRUNCATED_PAGE_USE(
      "AopTruncatedPageUse",
      Side.CALLER,
      "A page is used after AOP_TRUNCATED_PAGE instead of being looked up again."),
  IMPLEMENTATION_LOCK_STATE(
      "AopImplementationLockState",
      Side.IMPLEMENTATION,
      "A page operation returns an outcome with its page in the wrong lock state."),
  WRITEPAGE_ACTIVATE_NOT_REDIRTIED(
      "AopWritepageActivateNotRedirtied",
      Side.IMPLEMENTATION,
      "A writepage returns AOP_WRITEPAGE_ACTIVATE without redirtying the page (lost writes)."),
  UNDECLARED_CODE(
      "AopUndeclaredCode",
      Side.IMPLEMENTATION,
      "A method returns a positive AOP code that its contract does not declare."),
  LEGACY_NAME(
      "AopLegacyName",
      Side.HYGIENE,
      "The pre-2.6.15 name WRITEPAGE_ACTIVATE, or a raw 0x80000 / 0x80001 used as an operation"
          + " result; use AOP_WRITEPAGE_ACTIVATE / AOP_TRUNCATED_PAGE");

  /** Which side of the protocol a check looks at. */
  public enum Side {
    /** Code that calls page operations. */
    CALLER,
    /** Code that implements page operations. */
    IMPLEMENTATION,
    /** Spelling of the codes; needs no dataflow. */
    HYGIENE
  }

  private final String checkName;
  private final Side side;
  private final String summary;

  Check(String checkName, Side side, String summary) {
    this.checkName = checkName;
    this.side = side;
    this.summary = summary;
  }

  /** The check's name everywhere: Error Prone check, class, test class, doc page, SARIF rule id. */
  public String checkName() {
    return checkName;
  }

  /** Which side of the protocol the check looks at. */
  public Side side() {
    return side;
  }

  /** One sentence saying what the check flags. */
  public String summary() {
    return summary;
  }

  /** Every check fails the build by default except the spelling check. */
  public Severity defaultSeverity() {
    return side == Side.HYGIENE ? Severity.WARNING : Severity.ERROR;
  }

  /** The repository-relative path of the check's doc page. */
  public String docPath() {
    return "docs/checks/" + checkName + ".md";
  }

  /** Whether the check's findings come from the path-sensitive analysis of method bodies. */
  public boolean usesDataflow() {
    return side != Side.HYGIENE;
  }

  /** The check called {@code checkName}, or null. */
  public static Check byName(String checkName) {
    for (Check check : values()) {
      if (check.checkName.equals(checkName)) {
        return check;
      }
    }
    return null;
  }
}
