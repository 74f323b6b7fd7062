package org.aopcheck.errorprone;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import org.aopcheck.core.Check;
import org.aopcheck.core.finding.Finding;

/**
 * The base of every dataflow check: a thin reporter. It asks {@link MethodAnalyses} for the shared
 * analysis of the method (run once for all checks) and reports the findings of its own {@link
 * Check}, whose name is the checker's Error Prone name. Suppression ({@code @SuppressWarnings}) and
 * severity ({@code -Xep:NAME:LEVEL}) are Error Prone's own, per checker.
 */
public abstract class AopDataflowChecker extends BugChecker implements MethodTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final transient AopConfig config;
  private final Check check;

  protected AopDataflowChecker(ErrorProneFlags flags) {
    this.config = AopConfig.from(flags);
    this.check = Check.byName(canonicalName());
    if (check == null || !check.usesDataflow()) {
      throw new IllegalStateException(canonicalName() + " is not a dataflow check of the registry");
    }
  }

  @Override
  public final Description matchMethod(MethodTree method, VisitorState state) {
    if (method.getBody() == null) {
      return Description.NO_MATCH;
    }
    MethodAnalyses.Outcome outcome =
        MethodAnalyses.instance(state.context).analyse(method, state, config);
    if (outcome instanceof MethodAnalyses.Failure failure) {
      if (failure.claimReport()) {
        state.reportMatch(internalError(method, failure.error()));
      }
      return Description.NO_MATCH;
    }
    for (Finding finding : ((MethodAnalyses.Analysed) outcome).result().findings(check)) {
      DiagnosticPosition position =
          finding.position().startOffset() >= 0
              ? new SourceRange(finding.position().startOffset(), finding.position().endOffset())
              : (JCTree) method;
      state.reportMatch(buildDescription(position).setMessage(finding.message()).build());
    }
    return Description.NO_MATCH;
  }

  /**
   * One warning for an internal error, whatever severity the check is configured at: the user's
   * compile must go on.
   */
  @SuppressWarnings("RestrictedApi") // a per-description severity is exactly what is needed here
  private Description internalError(MethodTree method, Throwable error) {
    String message =
        "aopcheck internal error in "
            + canonicalName()
            + " while analysing method "
            + method.getName()
            + " ("
            + error
            + "); no finding for this method. Please report it.";
    return buildDescription(method).setMessage(message).overrideSeverity(SeverityLevel.WARNING).build();
  }

  /** A source range as a diagnostic position. */
  private record SourceRange(int start, int end) implements DiagnosticPosition {
    @Override
    public JCTree getTree() {
      return null;
    }

    @Override
    public int getStartPosition() {
      return start;
    }

    @Override
    public int getPreferredPosition() {
      return start;
    }

    @Override
    public int getEndPosition(EndPosTable endPosTable) {
      return end;
    }
  }
}
