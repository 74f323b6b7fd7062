package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * A writepage returns AOP_WRITEPAGE_ACTIVATE without redirtying the page (lost writes).
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopWritepageActivateNotRedirtied.md}.
 */
@BugPattern(
    summary =
        "A writepage returns AOP_WRITEPAGE_ACTIVATE without redirtying the page "
            + "(lost writes).",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopWritepageActivateNotRedirtied.md")
public final class AopWritepageActivateNotRedirtied extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopWritepageActivateNotRedirtied() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopWritepageActivateNotRedirtied(ErrorProneFlags flags) {
    super(flags);
  }
}
