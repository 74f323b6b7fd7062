package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * A page is used after AOP_TRUNCATED_PAGE instead of being looked up again.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopTruncatedPageUse.md}.
 */
@BugPattern(
    summary = "A page is used after AOP_TRUNCATED_PAGE instead of being looked up " + "again.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopTruncatedPageUse.md")
public final class AopTruncatedPageUse extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopTruncatedPageUse() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopTruncatedPageUse(ErrorProneFlags flags) {
    super(flags);
  }
}
