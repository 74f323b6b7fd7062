package org.aopcheck.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.PageState;
import org.aopcheck.core.contract.MethodContract;
import org.aopcheck.core.contract.OperationContract;
import org.aopcheck.core.contract.PageVerb;
import org.aopcheck.core.ir.ComparisonOperator;
import org.aopcheck.core.ir.Condition;
import org.aopcheck.core.ir.Event;
import org.aopcheck.core.ir.MethodGraph;
import org.aopcheck.core.ir.Position;
import org.aopcheck.core.ir.SinkKind;
import org.aopcheck.core.ir.Value;

/**
 * Writes a {@link MethodGraph} by hand, statement by statement, the way a front-end would lower
 * straight-line code: each node falls through to the next one unless it returns or jumps, and a
 * branch goes to a label when its condition holds.
 */
final class Script {
  static final int TRUNCATED = AopCode.TRUNCATED_PAGE.value();
  static final int ACTIVATE = AopCode.WRITEPAGE_ACTIVATE.value();

  static final MethodContract READPAGE =
      operation("readpage", Set.of(AopCode.TRUNCATED_PAGE), PageState.UNLOCKED, PageState.UNLOCKED);
  static final MethodContract PREPARE_WRITE =
      operation("prepare_write", Set.of(AopCode.TRUNCATED_PAGE), PageState.LOCKED, PageState.LOCKED);
  static final MethodContract WRITEPAGE =
      operation("writepage", Set.of(AopCode.WRITEPAGE_ACTIVATE), PageState.UNLOCKED, PageState.UNLOCKED);

  private final String method;
  private final MethodContract self;
  private final String pageParameter;
  private final String[] parameters;
  private final List<Event> events = new ArrayList<>();
  private final List<Integer> lines = new ArrayList<>();
  /** Per node: the label its branch or jump goes to, or null. */
  private final List<String> jumps = new ArrayList<>();
  /** Per node: whether control falls through to the next node. */
  private final List<Boolean> fallsThrough = new ArrayList<>();
  private final Map<String, Integer> labels = new HashMap<>();

  static MethodContract operation(
      String name, Set<AopCode> codes, PageState onSuccess, PageState onError) {
    return MethodContract.builder()
        .operation(
            OperationContract.of(
                name, codes, onSuccess, onError, PageState.UNLOCKED, PageState.LOCKED))
        .pageParameter(0)
        .build();
  }

  /** A script for a plain caller with no contract of its own. */
  static Script caller(String... parameters) {
    return new Script("caller", MethodContract.none(), null, parameters);
  }

  Script(String method, MethodContract self, String pageParameter, String... parameters) {
    this.method = method;
    this.self = self;
    this.pageParameter = pageParameter;
    this.parameters = parameters;
    add(0, new Event.Nop(), null, true);
  }

  static Condition compare(String variable, ComparisonOperator operator, long constant) {
    return new Condition.Comparison(variable, operator, constant);
  }

  /** Names the next statement. */
  Script label(String name) {
    labels.put(name, events.size());
    return this;
  }

  private void add(int line, Event event, String jump, boolean next) {
    events.add(event);
    lines.add(line);
    jumps.add(jump);
    fallsThrough.add(next);
  }

  Script call(int line, String result, String page, MethodContract contract) {
    add(line, new Event.OperationCall(result, page, "op", contract), null, true);
    return this;
  }

  Script lookUp(int line, String page, boolean locked) {
    add(line, new Event.LookUp(page, locked, locked ? "findLock" : "findGet"), null, true);
    return this;
  }

  Script effect(int line, String page, PageVerb verb) {
    add(line, new Event.PageEffect(page, verb, verb.name().toLowerCase()), null, true);
    return this;
  }

  Script unlock(int line, String page) {
    return effect(line, page, PageVerb.UNLOCK);
  }

  Script release(int line, String page) {
    return effect(line, page, PageVerb.RELEASE);
  }

  Script use(int line, String page) {
    add(line, new Event.PageUse(page, "isUptodate"), null, true);
    return this;
  }

  Script assign(int line, String variable, Value value) {
    add(line, new Event.Assign(variable, value), null, true);
    return this;
  }

  Script sink(int line, String variable, SinkKind kind) {
    add(line, new Event.Sink(variable, kind, "x"), null, true);
    return this;
  }

  /** {@code if (condition) goto label;} otherwise the next statement. */
  Script ifGoto(int line, Condition condition, String text, String label) {
    add(line, new Event.Branch(condition, text), label, true);
    return this;
  }

  /** {@code goto label;} (a loop's back edge, {@code continue}, {@code break}). */
  Script jump(String label) {
    add(0, new Event.Nop(), label, false);
    return this;
  }

  Script ret(int line, Value value) {
    add(line, new Event.Return(value), null, false);
    return this;
  }

  Script returnVariable(int line, String variable) {
    return ret(line, new Value.Variable(variable));
  }

  MethodGraph build() {
    MethodGraph.Builder builder =
        MethodGraph.builder(method, self, Set.of(parameters), pageParameter);
    for (int i = 0; i < events.size(); i++) {
      builder.add(events.get(i), Position.line(lines.get(i)));
    }
    for (int i = 0; i < events.size(); i++) {
      String jump = jumps.get(i);
      if (jump != null) {
        Integer target = labels.get(jump);
        if (target == null) {
          throw new IllegalStateException("no label " + jump);
        }
        builder.edge(i, target);
      }
      if (fallsThrough.get(i)) {
        builder.edge(i, i + 1);
      }
    }
    return builder.build();
  }

  AnalysisResult analyze() {
    return PathAnalysis.analyze(build(), AnalysisOptions.DEFAULT);
  }
}
