package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import javax.inject.Inject;

/**
 * A page operation returns an outcome with its page in the wrong lock state.
 *
 * <p>A thin reporter of the shared analysis; the rule is in the engine, the documentation in {@code
 * docs/checks/AopImplementationLockState.md}.
 */
@BugPattern(
    summary = "A page operation returns an outcome with its page in the wrong lock " + "state.",
    severity = ERROR,
    linkType = CUSTOM,
    link = "docs/checks/AopImplementationLockState.md")
public final class AopImplementationLockState extends AopDataflowChecker {
  private static final long serialVersionUID = 1L;

  /** The constructor {@link java.util.ServiceLoader} requires; Error Prone uses the other. */
  public AopImplementationLockState() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  public AopImplementationLockState(ErrorProneFlags flags) {
    super(flags);
  }
}
