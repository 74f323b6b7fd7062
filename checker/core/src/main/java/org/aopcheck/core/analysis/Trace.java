package org.aopcheck.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aopcheck.core.finding.PathStep;

/** The steps of one path, as a persistent list shared between the states that extend it. */
final class Trace {
  static final Trace EMPTY = new Trace(null, null);

  private final PathStep step;
  private final Trace previous;

  private Trace(PathStep step, Trace previous) {
    this.step = step;
    this.previous = previous;
  }

  Trace plus(PathStep next) {
    return new Trace(next, this);
  }

  List<PathStep> steps() {
    List<PathStep> steps = new ArrayList<>();
    for (Trace t = this; t.step != null; t = t.previous) {
      steps.add(t.step);
    }
    Collections.reverse(steps);
    return steps;
  }
}
