package org.aopcheck.errorprone;

import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import org.aopcheck.core.Check;
import org.aopcheck.core.analysis.AnalysisResult;
import org.aopcheck.core.finding.Finding;
import org.aopcheck.core.ir.Position;

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
      if (failure.claimNote()) {
        state.reportMatch(internalError(method, failure.error()));
      }
      return Description.NO_MATCH;
    }
    AnalysisResult result = ((MethodAnalyses.Analysed) outcome).result();
    if (result.abandoned().isPresent() && outcome.claimNote()) {
      state.reportMatch(abandoned(method, result.abandoned().get()));
    }
    for (Finding finding : result.findings(check)) {
      state.reportMatch(
          buildDescription(diagnosticPosition(finding.position(), method))
              .setMessage(finding.message())
              .build());
    }
    return Description.NO_MATCH;
  }

  /**
   * One note for a method whose analysis was abandoned at its bound, whatever severity the checks
   * are configured at: the findings may be incomplete, which a user must not mistake for "clean".
   */
  @SuppressWarnings("RestrictedApi") // a per-description severity is exactly what is needed here
  private Description abandoned(MethodTree method, AnalysisResult.Abandonment abandonment) {
    Position at = abandonment.position();
    String message =
        "aopcheck: analysis of "
            + ASTHelpers.getSymbol(method).owner.getSimpleName()
            + "."
            + method.getName()
            + " abandoned at line "
            + at.line()
            + " (more than "
            + abandonment.maxStatesPerPoint()
            + " states); findings in this method are incomplete; raise -XepOpt:"
            + AopConfig.MAX_STATES_PER_POINT;
    return buildDescription(diagnosticPosition(at, method))
        .setMessage(message)
        .overrideSeverity(SeverityLevel.WARNING)
        .build();
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
    return buildDescription(method)
        .setMessage(message)
        .overrideSeverity(SeverityLevel.WARNING)
        .build();
  }

  /** Where in the source an engine position is; the method itself if the position has no range. */
  private static DiagnosticPosition diagnosticPosition(Position position, MethodTree method) {
    return position.startOffset() >= 0
        ? new SourceRange(position.startOffset(), position.endOffset())
        : (JCTree) method;
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
