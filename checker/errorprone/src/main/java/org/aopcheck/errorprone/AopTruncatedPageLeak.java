package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * After AOP_TRUNCATED_PAGE the page reference is not released exactly once.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopTruncatedPageLeak.md}.
 */
@BugPattern(
    summary = "After AOP_TRUNCATED_PAGE the page reference is not released exactly " + "once.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopTruncatedPageLeak.md")
public final class AopTruncatedPageLeak extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopTruncatedPageLeak() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopTruncatedPageLeak(ErrorProneFlags flags) {
    super(flags);
  }
}
