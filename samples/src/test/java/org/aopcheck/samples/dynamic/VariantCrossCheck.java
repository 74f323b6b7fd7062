package org.aopcheck.samples.dynamic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The cross-check of one kind of variant: the same scenario runs each of the five shapes (helper,
 * flag, switch, early return, loop with continue). The buggy class passes only if every buggy shape
 * shows the expected failure; the fixed class only if every fixed shape passes.
 *
 * @param <S> the shapes' common method type
 */
final class VariantCrossCheck<S> implements CrossCheck {
  private final String kind;
  private final RunTimeFailure expectedFailure;
  private final String scenario;
  private final Function<S, RunResult> run;
  private final Map<String, S> buggyShapes;
  private final Map<String, S> fixedShapes;

  VariantCrossCheck(
      String kind,
      RunTimeFailure expectedFailure,
      String scenario,
      Function<S, RunResult> run,
      Map<String, S> buggyShapes,
      Map<String, S> fixedShapes) {
    this.kind = kind;
    this.expectedFailure = expectedFailure;
    this.scenario = scenario;
    this.run = run;
    this.buggyShapes = new LinkedHashMap<>(buggyShapes);
    this.fixedShapes = new LinkedHashMap<>(fixedShapes);
  }

  /** The five shapes in their usual order, for {@link Map#of}-free construction. */
  static <S> Map<String, S> shapes(
      S behindHelper, S throughFlag, S inSwitch, S withEarlyReturn, S inLoopWithContinue) {
    Map<String, S> shapes = new LinkedHashMap<>();
    shapes.put("behindHelper", behindHelper);
    shapes.put("throughFlag", throughFlag);
    shapes.put("inSwitch", inSwitch);
    shapes.put("withEarlyReturn", withEarlyReturn);
    shapes.put("inLoopWithContinue", inLoopWithContinue);
    return shapes;
  }

  @Override
  public String caseName() {
    return "variants/" + kind;
  }

  @Override
  public String scenario() {
    return scenario;
  }

  @Override
  public RunTimeFailure expectedFailure() {
    return expectedFailure;
  }

  @Override
  public RunResult runBuggy() {
    RunResult combined = new RunResult();
    boolean everyShapeFailed = true;
    for (Map.Entry<String, S> shape : buggyShapes.entrySet()) {
      RunResult result = run.apply(shape.getValue());
      if (!result.failures().contains(expectedFailure)) {
        everyShapeFailed = false;
        combined.note(shape.getKey() + " did not show " + expectedFailure + ": " + result);
      }
    }
    if (everyShapeFailed) {
      combined.fail(expectedFailure, "every shape (" + buggyShapes.keySet() + ")");
    }
    return combined;
  }

  @Override
  public RunResult runFixed() {
    RunResult combined = new RunResult();
    for (Map.Entry<String, S> shape : fixedShapes.entrySet()) {
      RunResult result = run.apply(shape.getValue());
      for (RunTimeFailure failure : result.failures()) {
        combined.fail(failure, shape.getKey() + ": " + result);
      }
    }
    return combined;
  }

  @Override
  public String toString() {
    return caseName();
  }
}
