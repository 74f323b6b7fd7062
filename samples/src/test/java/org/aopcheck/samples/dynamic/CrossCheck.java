package org.aopcheck.samples.dynamic;

/**
 * A dynamic cross-check of one kernel case or variant kind: the same scenario runs the buggy form
 * and the fixed form in the reference VM, under a filesystem that returns the code that matters.
 * The buggy form must show {@link #expectedFailure()}; the fixed form must pass.
 */
public interface CrossCheck {
  /** The case as the corpus names it: {@code K04}, {@code L2}, or a variant kind. */
  String caseName();

  /** What the scenario shows going wrong, in a sentence. */
  String scenario();

  /** The failure the buggy form must show. */
  RunTimeFailure expectedFailure();

  /** Runs the scenario with the buggy form. */
  RunResult runBuggy();

  /** Runs the scenario with the fixed form. */
  RunResult runFixed();
}
