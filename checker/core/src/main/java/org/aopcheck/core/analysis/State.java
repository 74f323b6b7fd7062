package org.aopcheck.core.analysis;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.aopcheck.core.finding.PathStep;
import org.aopcheck.core.ir.Position;

/**
 * One abstract state of the path-sensitive analysis: the facts of one family of paths. States are
 * immutable; two states are equal when their facts, aliases and pending truncations are, whatever
 * their traces and settled truncations, so a program point holds a finite set of them.
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

  /**
   * A pending truncation that nothing after this point can retry or pass on any more (the call is
   * not reached again, no loop goes back, no variable holds its result, its page variable is not
   * touched again): every exit the path reaches reports it.
   *
   * @param truncation the truncation
   * @param trace the path up to where it became settled, for the finding
   */
  record SettledTruncation(PendingTruncation truncation, Trace trace) {}

  static final State INITIAL =
      new State(Map.of(), Map.of(), Map.of(), false, Map.of(), Trace.EMPTY);

  private final Map<String, Fact> facts;

  /**
   * Variables that hold the same object because one was copied to the other ({@code Pg p2 = page}),
   * and not written since: each member of a group of two or more, to its group. A page's fact is
   * the same in every member, and an event through one is an event on all.
   */
  private final Map<String, Set<String>> aliases;

  private final Map<Integer, PendingTruncation> pending;
  private final boolean retrying;

  /**
   * Settled truncations, by call node. Not part of the state's identity: nothing but an exit reads
   * them, so states that differ only here merge (their settled truncations joined) instead of
   * multiplying with every call a method makes.
   */
  private final Map<Integer, SettledTruncation> settled;

  private final Trace trace;
  private final int hash;

  private State(
      Map<String, Fact> facts,
      Map<String, Set<String>> aliases,
      Map<Integer, PendingTruncation> pending,
      boolean retrying,
      Map<Integer, SettledTruncation> settled,
      Trace trace) {
    this.facts = facts;
    this.aliases = aliases;
    this.pending = pending;
    this.retrying = retrying;
    this.settled = settled;
    this.trace = trace;
    this.hash = Objects.hash(facts, aliases, pending, retrying);
  }

  /**
   * Whether this path went back around a loop to retry after AOP_TRUNCATED_PAGE and has not yet
   * looked a page up or called an operation again.
   */
  boolean retrying() {
    return retrying;
  }

  State withRetrying(boolean value) {
    return value == retrying ? this : new State(facts, aliases, pending, value, settled, trace);
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

  /** The variables holding the same object as {@code variable}, itself included. */
  Set<String> aliasesOf(String variable) {
    Set<String> group = aliases.get(variable);
    return group != null ? group : Set.of(variable);
  }

  /** Every variable that is in a group of aliases. */
  Set<String> aliasedVariables() {
    return aliases.keySet();
  }

  Map<Integer, PendingTruncation> pending() {
    return pending;
  }

  Trace trace() {
    return trace;
  }

  /**
   * What the path now knows of {@code variable}. A page's fact (or its being null) is what is known
   * of the object, so it holds for every alias of the variable; any other fact (or none) is a new
   * value written to the variable, which then no longer aliases anything.
   */
  State with(String variable, Fact fact) {
    if (fact instanceof Fact.PageFact || fact instanceof Fact.NullFact) {
      Map<String, Fact> copy = new HashMap<>(facts);
      for (String alias : aliasesOf(variable)) {
        copy.put(alias, fact);
      }
      return new State(
          Collections.unmodifiableMap(copy), aliases, pending, retrying, settled, trace);
    }
    return define(variable, fact);
  }

  /** A new value in {@code variable} (a look-up, an assignment): it no longer aliases anything. */
  State define(String variable, Fact fact) {
    State detached = detach(variable);
    Map<String, Fact> copy = new HashMap<>(detached.facts);
    if (fact == null) {
      copy.remove(variable);
    } else {
      copy.put(variable, fact);
    }
    return new State(
        Collections.unmodifiableMap(copy), detached.aliases, pending, retrying, settled, trace);
  }

  /** {@code target = source}: both now hold the same object, and whatever is known of it. */
  State alias(String target, String source) {
    if (target.equals(source)) {
      return this;
    }
    State detached = detach(target);
    Set<String> group = new HashSet<>(detached.aliasesOf(source));
    group.add(target);
    Set<String> frozen = Set.copyOf(group);
    Map<String, Set<String>> groups = new HashMap<>(detached.aliases);
    for (String member : frozen) {
      groups.put(member, frozen);
    }
    Map<String, Fact> copy = new HashMap<>(detached.facts);
    Fact fact = detached.facts.get(source);
    if (fact == null) {
      copy.remove(target);
    } else {
      copy.put(target, fact);
    }
    return new State(
        Collections.unmodifiableMap(copy),
        Collections.unmodifiableMap(groups),
        pending,
        retrying,
        settled,
        trace);
  }

  /** This state without {@code variable}: no fact, no alias. */
  State without(String variable) {
    return define(variable, null);
  }

  private State detach(String variable) {
    Set<String> group = aliases.get(variable);
    if (group == null) {
      return this;
    }
    Map<String, Set<String>> groups = new HashMap<>(aliases);
    groups.remove(variable);
    Set<String> rest = new HashSet<>(group);
    rest.remove(variable);
    if (rest.size() == 1) {
      groups.remove(rest.iterator().next());
    } else {
      Set<String> frozen = Set.copyOf(rest);
      for (String member : frozen) {
        groups.put(member, frozen);
      }
    }
    return new State(facts, Collections.unmodifiableMap(groups), pending, retrying, settled, trace);
  }

  State withPending(int callNode, PendingTruncation truncation) {
    Map<Integer, PendingTruncation> copy = new HashMap<>(pending);
    copy.put(callNode, truncation);
    return new State(facts, aliases, Collections.unmodifiableMap(copy), retrying, settled, trace);
  }

  State withoutPending(Predicate<PendingTruncation> resolved) {
    if (pending.values().stream().noneMatch(resolved)) {
      return this;
    }
    Map<Integer, PendingTruncation> copy = new HashMap<>(pending);
    copy.values().removeIf(resolved);
    return new State(facts, aliases, Collections.unmodifiableMap(copy), retrying, settled, trace);
  }

  /** The pending truncations of pages in {@code from} now speak of {@code to}, an alias of it. */
  State withPendingPageMoved(String from, String to) {
    if (pending.values().stream().noneMatch(p -> from.equals(p.page()))) {
      return this;
    }
    Map<Integer, PendingTruncation> copy = new HashMap<>(pending);
    copy.replaceAll(
        (node, p) ->
            from.equals(p.page()) ? new PendingTruncation(p.origin(), to, p.firstTest()) : p);
    return new State(facts, aliases, Collections.unmodifiableMap(copy), retrying, settled, trace);
  }

  Map<Integer, SettledTruncation> settled() {
    return settled;
  }

  /** This state with the pending truncation of {@code callNode} moved to the settled ones. */
  State settle(int callNode) {
    PendingTruncation truncation = pending.get(callNode);
    Map<Integer, PendingTruncation> stillPending = new HashMap<>(pending);
    stillPending.remove(callNode);
    Map<Integer, SettledTruncation> copy = new HashMap<>(settled);
    copy.putIfAbsent(callNode, new SettledTruncation(truncation, trace));
    return new State(
        facts,
        aliases,
        Collections.unmodifiableMap(stillPending),
        retrying,
        Collections.unmodifiableMap(copy),
        trace);
  }

  /** Whether this state has settled every truncation {@code other} has. */
  boolean hasSettledAllOf(State other) {
    return settled.keySet().containsAll(other.settled.keySet());
  }

  /** This state with the settled truncations of {@code other} joined to its own. */
  State withSettledOf(State other) {
    Map<Integer, SettledTruncation> copy = new HashMap<>(other.settled);
    copy.putAll(settled);
    return new State(facts, aliases, pending, retrying, Collections.unmodifiableMap(copy), trace);
  }

  State step(Position position, String description) {
    return new State(
        facts,
        aliases,
        pending,
        retrying,
        settled,
        trace.plus(new PathStep(position, description)));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof State that
        && hash == that.hash
        && retrying == that.retrying
        && facts.equals(that.facts)
        && aliases.equals(that.aliases)
        && pending.equals(that.pending);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "State"
        + facts
        + (aliases.isEmpty() ? "" : " aliases " + new HashSet<>(aliases.values()))
        + (pending.isEmpty() ? "" : " pending " + pending.keySet());
  }
}
