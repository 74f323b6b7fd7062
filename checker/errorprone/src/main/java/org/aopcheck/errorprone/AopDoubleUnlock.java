package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * A page is unlocked on a path where the page operation already unlocked it.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopDoubleUnlock.md}.
 */
@BugPattern(
    summary = "A page is unlocked on a path where the page operation already unlocked " + "it.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopDoubleUnlock.md")
public final class AopDoubleUnlock extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopDoubleUnlock() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopDoubleUnlock(ErrorProneFlags flags) {
    super(flags);
  }
}
