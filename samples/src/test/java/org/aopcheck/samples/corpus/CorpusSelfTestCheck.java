package org.aopcheck.samples.corpus;

import com.google.errorprone.BugPattern;
import com.google.errorprone.BugPattern.SeverityLevel;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;

/**
 * A test-only Error Prone check that flags methods named {@code corpusSelfTestTarget}. It is
 * registered like a plugin check, so {@link CorpusCompilerTest} can show that the corpus compiler
 * loads plugin checks from the processor path and reads their findings; no sample has such a
 * method.
 */
@BugPattern(
    name = "AopCorpusSelfTest",
    summary = "Marks corpusSelfTestTarget methods (corpus test harness self-test)",
    severity = SeverityLevel.WARNING)
public final class CorpusSelfTestCheck extends BugChecker implements MethodTreeMatcher {
  private static final long serialVersionUID = 1L;

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return tree.getName().contentEquals("corpusSelfTestTarget")
        ? describeMatch(tree)
        : Description.NO_MATCH;
  }
}
