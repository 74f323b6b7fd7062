package org.aopcheck.samples.dynamic;

/** A cross-check whose scenario is one method run with either form: {@link #run(boolean)}. */
abstract class FormPairCrossCheck implements CrossCheck {
  private final String caseName;
  private final String scenario;
  private final RunTimeFailure expectedFailure;

  FormPairCrossCheck(String caseName, RunTimeFailure expectedFailure, String scenario) {
    this.caseName = caseName;
    this.scenario = scenario;
    this.expectedFailure = expectedFailure;
  }

  /** Runs the scenario with the buggy form if {@code buggy}, else with the fixed form. */
  abstract RunResult run(boolean buggy);

  @Override
  public final String caseName() {
    return caseName;
  }

  @Override
  public final String scenario() {
    return scenario;
  }

  @Override
  public final RunTimeFailure expectedFailure() {
    return expectedFailure;
  }

  @Override
  public final RunResult runBuggy() {
    return run(true);
  }

  @Override
  public final RunResult runFixed() {
    return run(false);
  }

  @Override
  public String toString() {
    return caseName;
  }
}
