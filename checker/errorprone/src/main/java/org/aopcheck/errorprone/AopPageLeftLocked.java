package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * A page that a page operation left locked is never unlocked or handed over.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopPageLeftLocked.md}.
 */
@BugPattern(
    summary = "A page that a page operation left locked is never unlocked or handed " + "over.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopPageLeftLocked.md")
public final class AopPageLeftLocked extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopPageLeftLocked() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopPageLeftLocked(ErrorProneFlags flags) {
    super(flags);
  }
}
