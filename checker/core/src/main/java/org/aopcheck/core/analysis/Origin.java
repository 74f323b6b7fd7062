package org.aopcheck.core.analysis;

import java.util.Set;
import org.aopcheck.core.contract.Outcome;
import org.aopcheck.core.ir.Position;

/**
 * Where an int value came from: the outcome of one operation call, on this path.
 *
 * @param callNode the call's node in the method graph
 * @param operation the operation's name, for messages
 * @param outcome the outcome this path took
 * @param callPosition where the call is
 * @param possible the atoms of every outcome the call may have, to judge tests against
 * @param firstTest the first test that mixed this outcome with 0 or errors, or null
 */
public record Origin(
    int callNode,
    String operation,
    Outcome outcome,
    Position callPosition,
    Set<IntAtom> possible,
    Test firstTest) {

  public Origin {
    possible = Set.copyOf(possible);
  }

  /** This origin with its first misleading test recorded, unless one already is. */
  Origin withTest(Test test) {
    return firstTest != null || test == null
        ? this
        : new Origin(callNode, operation, outcome, callPosition, possible, test);
  }

  /** " (the test `ret < 0` at line 12 took it as success)", or "" if never tested. */
  String testClause() {
    return firstTest == null ? "" : " " + firstTest.clause();
  }

  /**
   * A test on the result that took a positive code down the same branch as 0 or as errors.
   *
   * @param position where the test is
   * @param text the test as written
   * @param treatedAs "as an error" or "as success"
   */
  public record Test(Position position, String text, String treatedAs) {
    String clause() {
      return "(the test `" + text + "` at line " + position.line() + " took it " + treatedAs + ")";
    }
  }
}
