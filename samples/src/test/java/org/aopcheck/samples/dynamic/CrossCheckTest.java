package org.aopcheck.samples.dynamic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each kernel case in the reference VM: the buggy form must show its fault, the fixed form
 * must pass the same scenario.
 */
class CrossCheckTest {
  static List<CrossCheck> crossChecks() {
    return CrossChecks.all();
  }

  @ParameterizedTest(name = "{0}: the buggy form fails")
  @MethodSource("crossChecks")
  void buggyFormFailsAtRunTime(CrossCheck crossCheck) {
    RunResult result = crossCheck.runBuggy();
    assertTrue(
        result.failures().contains(crossCheck.expectedFailure()),
        () ->
            crossCheck.caseName()
                + " ("
                + crossCheck.scenario()
                + "): expected "
                + crossCheck.expectedFailure()
                + ", got "
                + result);
  }

  @ParameterizedTest(name = "{0}: the fixed form passes")
  @MethodSource("crossChecks")
  void fixedFormPasses(CrossCheck crossCheck) {
    RunResult result = crossCheck.runFixed();
    assertTrue(
        result.passed(),
        () -> crossCheck.caseName() + " (" + crossCheck.scenario() + "): fixed form " + result);
  }
}
