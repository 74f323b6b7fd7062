package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * The result of a page operation that may return a positive AOP code is discarded.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopResultIgnored.md}.
 */
@BugPattern(
    summary =
        "The result of a page operation that may return a positive AOP code is " + "discarded.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopResultIgnored.md")
public final class AopResultIgnored extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopResultIgnored() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopResultIgnored(ErrorProneFlags flags) {
    super(flags);
  }
}
