package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * A method returns a positive AOP code that its contract does not declare.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopUndeclaredCode.md}.
 */
@BugPattern(
    summary = "A method returns a positive AOP code that its contract does not " + "declare.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopUndeclaredCode.md")
public final class AopUndeclaredCode extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopUndeclaredCode() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopUndeclaredCode(ErrorProneFlags flags) {
    super(flags);
  }
}
