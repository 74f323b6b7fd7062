package org.aopcheck.core.analysis;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.aopcheck.core.finding.PathStep;
import org.aopcheck.core.ir.Position;

/**
 * One abstract state of the path-sensitive analysis: the facts of one family of paths. States are
 * immutable; two states are equal when their facts and pending truncations are, whatever their
 * traces, so a program point holds a finite set of them.
 */
final class State {
  /**
   * An AOP_TRUNCATED_PAGE outcome that this path has not handled yet: the page was not looked up
   * again and the code was not passed on.
   *
   * @param origin the outcome
   * @param page the page variable of the call, or null
   * @param firstTest the first test that took the code as an error or as success, or null
   */
  record PendingTruncation(Origin origin, String page, Origin.Test firstTest) {}

  static final State INITIAL = new State(Map.of(), Map.of(), false, Trace.EMPTY);

  private final Map<String, Fact> facts;
  private final Map<Integer, PendingTruncation> pending;
  private final boolean retrying;
  private final Trace trace;
  private final int hash;

  private State(
      Map<String, Fact> facts,
      Map<Integer, PendingTruncation> pending,
      boolean retrying,
      Trace trace) {
    this.facts = facts;
    this.pending = pending;
    this.retrying = retrying;
    this.trace = trace;
    this.hash = Objects.hash(facts, pending, retrying);
  }

  /**
   * Whether this path went back around a loop to retry after AOP_TRUNCATED_PAGE and has not yet
   * looked a page up or called an operation again.
   */
  boolean retrying() {
    return retrying;
  }

  State withRetrying(boolean value) {
    return value == retrying ? this : new State(facts, pending, value, trace);
  }

  Fact fact(String variable) {
    return variable == null ? null : facts.get(variable);
  }

  Fact.PageFact page(String variable) {
    return fact(variable) instanceof Fact.PageFact page ? page : null;
  }

  Map<String, Fact> facts() {
    return facts;
  }

  Map<Integer, PendingTruncation> pending() {
    return pending;
  }

  Trace trace() {
    return trace;
  }

  State with(String variable, Fact fact) {
    Map<String, Fact> copy = new HashMap<>(facts);
    if (fact == null) {
      copy.remove(variable);
    } else {
      copy.put(variable, fact);
    }
    return new State(Collections.unmodifiableMap(copy), pending, retrying, trace);
  }

  State withPending(int callNode, PendingTruncation truncation) {
    Map<Integer, PendingTruncation> copy = new HashMap<>(pending);
    copy.put(callNode, truncation);
    return new State(facts, Collections.unmodifiableMap(copy), retrying, trace);
  }

  State withoutPending(Predicate<PendingTruncation> resolved) {
    if (pending.values().stream().noneMatch(resolved)) {
      return this;
    }
    Map<Integer, PendingTruncation> copy = new HashMap<>(pending);
    copy.values().removeIf(resolved);
    return new State(facts, Collections.unmodifiableMap(copy), retrying, trace);
  }

  State step(Position position, String description) {
    return new State(facts, pending, retrying, trace.plus(new PathStep(position, description)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof State that
        && hash == that.hash
        && retrying == that.retrying
        && facts.equals(that.facts)
        && pending.equals(that.pending);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "State" + facts + (pending.isEmpty() ? "" : " pending " + pending.keySet());
  }
}
