package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * AOP_TRUNCATED_PAGE is treated as an error or as success, returned, stored, recorded or counted as
 * bytes instead of releasing the page and looking it up again.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopTruncatedPageUnhandled.md}.
 */
@BugPattern(
    summary =
        "AOP_TRUNCATED_PAGE is treated as an error or as success, returned, "
            + "stored, recorded or counted as bytes instead of releasing the page and "
            + "looking it up again.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopTruncatedPageUnhandled.md")
public final class AopTruncatedPageUnhandled extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopTruncatedPageUnhandled() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopTruncatedPageUnhandled(ErrorProneFlags flags) {
    super(flags);
  }
}
