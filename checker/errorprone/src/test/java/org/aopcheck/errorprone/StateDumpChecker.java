package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aopcheck.core.analysis.AnalysisOptions;
import org.aopcheck.core.analysis.PathAnalysis;
import org.aopcheck.core.analysis.StateDump;
import org.aopcheck.core.analysis.StateView;
import org.aopcheck.core.contract.ContractSource;
import org.aopcheck.core.ir.MethodGraph;
import org.aopcheck.errorprone.contract.ContractReader;
import org.aopcheck.errorprone.lowering.CfgLowering;

/**
 * Test only: at each call of a method named {@code dumpState()} (declare one anywhere, e.g. {@code
 * static void dumpState() {}}), reports the abstract states the engine holds there, one line per
 * state, so that a test shows a state bug plainly instead of inferring it from a missing or extra
 * finding. Like Error Prone's held-lock test checker next to {@code HeldLockAnalyzer}.
 *
 * <p>The message is {@code "N states: "} (or {@code "1 state: "}) followed by the states, each on
 * its own line as {@link StateView#toString()} renders it, or {@code "no state reaches this call"}
 * when no normal path gets there. A call copied into several places by javac (in a {@code finally}
 * block) shows the states of every copy together.
 */
@BugPattern(
    summary = "Test only: the engine's abstract states at each call of dumpState()",
    severity = WARNING)
public final class StateDumpChecker extends BugChecker implements MethodTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** The name of the marker method. */
  static final String MARKER = "dumpState";

  @Override
  public Description matchMethod(MethodTree method, VisitorState state) {
    if (method.getBody() == null) {
      return Description.NO_MATCH;
    }
    List<MethodInvocationTree> markers = markers(method);
    if (markers.isEmpty()) {
      return Description.NO_MATCH;
    }
    ContractReader contracts =
        new ContractReader(state.getTypes(), state.getElements(), ContractSource.NONE);
    MethodGraph graph = CfgLowering.lower(method, state, contracts);
    StateDump dump = PathAnalysis.dumpStates(graph, AnalysisOptions.DEFAULT);
    for (MethodInvocationTree marker : markers) {
      state.reportMatch(
          buildDescription(marker).setMessage(describe(dump, graph, marker, state)).build());
    }
    return Description.NO_MATCH;
  }

  private static String describe(
      StateDump dump, MethodGraph graph, MethodInvocationTree marker, VisitorState state) {
    if (!dump.result().complete()) {
      return "the analysis was abandoned: " + dump.result().abandoned().orElseThrow().describe();
    }
    int start = ASTHelpers.getStartPosition(marker);
    Set<String> states = new LinkedHashSet<>();
    boolean found = false;
    for (MethodGraph.Node node : graph.nodes()) {
      if (node.position().startOffset() == start) {
        found = true;
        dump.statesAt(node.id()).forEach(view -> states.add(view.toString()));
      }
    }
    if (!found) {
      throw new IllegalStateException("no node at " + MARKER + "() in " + state.getPath());
    }
    if (states.isEmpty()) {
      return "no state reaches this call";
    }
    List<String> sorted = new ArrayList<>(states);
    sorted.sort(Comparator.naturalOrder());
    return sorted.size()
        + (sorted.size() == 1 ? " state:" : " states:")
        + "\n  "
        + String.join("\n  ", sorted);
  }

  /** The calls of the marker in the method's own body (not in lambdas or local classes). */
  private static List<MethodInvocationTree> markers(MethodTree method) {
    List<MethodInvocationTree> markers = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getMethodSelect() instanceof IdentifierTree name
            && name.getName().contentEquals(MARKER)
            && call.getArguments().isEmpty()) {
          markers.add(call);
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree classTree, Void unused) {
        return null;
      }
    }.scan(method.getBody(), null);
    return markers;
  }
}
