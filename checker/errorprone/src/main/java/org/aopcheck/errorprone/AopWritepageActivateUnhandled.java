package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * AOP_WRITEPAGE_ACTIVATE is passed upward, recorded as an error or counted instead of unlocking the
 * page and treating the result as success.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopWritepageActivateUnhandled.md}.
 */
@BugPattern(
    summary =
        "AOP_WRITEPAGE_ACTIVATE is passed upward, recorded as an error or "
            + "counted instead of unlocking the page and treating the result as "
            + "success.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopWritepageActivateUnhandled.md")
public final class AopWritepageActivateUnhandled extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopWritepageActivateUnhandled() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopWritepageActivateUnhandled(ErrorProneFlags flags) {
    super(flags);
  }
}
