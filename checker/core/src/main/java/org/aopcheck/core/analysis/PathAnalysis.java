package org.aopcheck.core.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.PageState;
import org.aopcheck.core.Check;
import org.aopcheck.core.analysis.Fact.FlagFact;
import org.aopcheck.core.analysis.Fact.IntFact;
import org.aopcheck.core.analysis.Fact.NullFact;
import org.aopcheck.core.analysis.Fact.PageFact;
import org.aopcheck.core.analysis.State.PendingTruncation;
import org.aopcheck.core.contract.MethodContract;
import org.aopcheck.core.contract.OperationContract;
import org.aopcheck.core.contract.Outcome;
import org.aopcheck.core.finding.Finding;
import org.aopcheck.core.finding.MessageKey;
import org.aopcheck.core.ir.Condition;
import org.aopcheck.core.ir.Event;
import org.aopcheck.core.ir.MethodGraph;
import org.aopcheck.core.ir.MethodGraph.Node;
import org.aopcheck.core.ir.Position;
import org.aopcheck.core.ir.SinkKind;
import org.aopcheck.core.ir.Value;

/**
 * The path-sensitive analysis of one {@link MethodGraph}, and every rule of every dataflow check.
 *
 * <p>The algorithm is property simulation in the style of ESP (Das, Lerner and Seigle, PLDI 2002):
 * each program point holds a set of immutable {@link State}s; a worklist pushes each new state
 * through the transfer function of its node ({@link #transfer}, one method per event kind) until no
 * point gets a state it does not already hold. At an operation call a state splits into one state
 * per outcome the contract allows, so the result's value and the page's lock stay correlated;
 * branches on the result then drop the states that cannot take them. States are compared without
 * their trace, so loops reach a fixed point. Before a state enters a point, what no later event can
 * read is forgotten ({@link Liveness}), so states that differ only in finished business merge; a
 * point holding more than {@link AnalysisOptions#maxStatesPerPoint()} states abandons the method,
 * keeping the findings made so far, and says where ({@link AnalysisResult#abandonment()}).
 *
 * <p>Rules fire inside the transfer function, on the state that reaches the event, and are recorded
 * once per check and position.
 */
public final class PathAnalysis {
  private final MethodGraph graph;
  private final Loops loops;
  private final Liveness liveness;
  private final MethodContract self;
  private final AnalysisOptions options;
  private final List<Map<State, State>> statesAt;
  private final ArrayDeque<Work> worklist = new ArrayDeque<>();
  private final Map<List<Object>, Finding> findings = new LinkedHashMap<>();
  private int statesVisited;

  private record Work(int node, State state) {}

  /** Thrown inside the worklist when a point holds too many states. */
  private static final class TooManyStates extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AnalysisResult.Abandonment abandonment;

    TooManyStates(AnalysisResult.Abandonment abandonment) {
      super(null, null, false, false);
      this.abandonment = abandonment;
    }
  }

  private PathAnalysis(MethodGraph graph, AnalysisOptions options) {
    this.graph = graph;
    this.loops = Loops.of(graph);
    this.liveness = Liveness.of(graph, loops);
    this.self = graph.contract();
    this.options = options;
    this.statesAt = new ArrayList<>(graph.nodes().size());
    for (int i = 0; i < graph.nodes().size(); i++) {
      statesAt.add(new HashMap<>());
    }
  }

  /** Analyses one method and returns the findings of every dataflow check. */
  public static AnalysisResult analyze(MethodGraph graph, AnalysisOptions options) {
    return new PathAnalysis(graph, options).run();
  }

  /**
   * Analyses one method as {@link #analyze} does and also returns, read-only, the states that reach
   * each node: for tests and debugging (the test-only state dump, docs/engine.md §7), never for a
   * check.
   */
  public static StateDump dumpStates(MethodGraph graph, AnalysisOptions options) {
    PathAnalysis analysis = new PathAnalysis(graph, options);
    AnalysisResult result = analysis.run();
    List<List<StateView>> statesAtNode = new ArrayList<>();
    for (Map<State, State> states : analysis.statesAt) {
      statesAtNode.add(
          // The values: a state whose settled truncations were joined replaced its value only.
          states.values().stream()
              .map(StateView::of)
              .sorted(java.util.Comparator.comparing(StateView::toString))
              .toList());
    }
    return new StateDump(result, statesAtNode);
  }

  private AnalysisResult run() {
    try {
      enqueue(0, initialState());
      while (!worklist.isEmpty()) {
        Work work = worklist.poll();
        statesVisited++;
        transfer(graph.node(work.node()), work.state());
      }
    } catch (TooManyStates e) {
      // What was found so far is sound (the complete analysis finds it too), only not all.
      return new AnalysisResult(
          graph.methodName(), new ArrayList<>(findings.values()), e.abandonment, statesVisited);
    }
    return new AnalysisResult(
        graph.methodName(), new ArrayList<>(findings.values()), null, statesVisited);
  }

  private State initialState() {
    String page = graph.pageParameter();
    if (page == null) {
      return State.INITIAL;
    }
    if (self.operation().isPresent()) {
      // Every page operation is called with its page locked.
      Cause entry = new Cause(Cause.Kind.ENTRY, graph.methodName(), null, Position.line(0));
      return State.INITIAL.with(page, PageFact.fresh(Lock.LOCKED, entry, self.ownsPage()));
    }
    if (self.ownsPage()) {
      return State.INITIAL.with(page, PageFact.fresh(Lock.UNKNOWN, null, true));
    }
    return State.INITIAL;
  }

  private void enqueue(int node, State state) {
    State next = forget(node, state);
    Map<State, State> seen = statesAt.get(node);
    State existing = seen.get(next);
    if (existing != null) {
      if (existing.hasSettledAllOf(next)) {
        return;
      }
      // The same state with more settled truncations: join them and go on with the union.
      next = existing.withSettledOf(next);
      seen.put(next, next);
      worklist.add(new Work(node, next));
      return;
    }
    if (seen.size() >= options.maxStatesPerPoint()) {
      throw new TooManyStates(
          new AnalysisResult.Abandonment(graph.node(node).position(), options.maxStatesPerPoint()));
    }
    seen.put(next, next);
    worklist.add(new Work(node, next));
  }

  /**
   * Forgets what no event from {@code node} on can read, so that states differing only there merge
   * (straight-line code with many calls stays small): the fact of an int or flag that is not live;
   * a name of a page that is not live while another name holds the page on; of a page no event
   * touches again, all but what the method's end checks ({@link PageFact#owedAtEnd}); and a pending
   * truncation that nothing can retry or pass on any more is settled, to be reported at whatever
   * exit the path reaches.
   */
  private State forget(int node, State state) {
    java.util.SortedSet<String> variables = new java.util.TreeSet<>(state.facts().keySet());
    variables.addAll(state.aliasedVariables());
    State next = state;
    for (String variable : variables) {
      Fact fact = next.fact(variable);
      Set<String> aliases = next.aliasesOf(variable);
      if (aliases.size() > 1) {
        // One of several names of a page: dropped once it is not read again before being written
        // (another name holds the page on), unless it names the caller's page.
        if (variable.equals(graph.pageParameter())
            || liveness.isLive(node, variable)
            || (fact == null && !ownedWhenSeen(variable))) {
          continue;
        }
        String heir =
            aliases.stream()
                .filter(a -> !a.equals(variable))
                .sorted(
                    java.util.Comparator.comparing((String a) -> !liveness.isLive(node, a))
                        .thenComparing(a -> !isMentionedFrom(node, a))
                        .thenComparing(a -> a))
                .findFirst()
                .orElseThrow();
        next = next.without(variable).withPendingPageMoved(variable, heir);
      } else if (fact instanceof PageFact page) {
        if (!isMentionedFrom(node, variable)) {
          PageFact owed = page.owedAtEnd();
          next = owed == null ? next.without(variable) : next.with(variable, owed);
        }
      } else if (!liveness.isLive(node, variable)) {
        next = next.without(variable);
      }
    }
    for (Map.Entry<Integer, PendingTruncation> entry : state.pending().entrySet()) {
      int callNode = entry.getKey();
      PendingTruncation pending = next.pending().get(callNode);
      if (pending != null && isSettled(node, callNode, pending, next)) {
        // A best-effort method may give the page up: nothing to report at its exits.
        next =
            self.bestEffort()
                ? next.withoutPending(p -> p.origin().callNode() == callNode)
                : next.settle(callNode);
      }
    }
    return next;
  }

  /** Whether an event from {@code node} on touches {@code variable}; the page parameter always. */
  private boolean isMentionedFrom(int node, String variable) {
    return variable.equals(graph.pageParameter()) || liveness.isMentionedFrom(node, variable);
  }

  /**
   * Whether nothing from {@code node} on can resolve or change a pending truncation: its call is
   * not reached again, no loop goes back (a retry), no look-up or new page in its page variable (or
   * an alias of it) follows, and no variable holds its result (to be tested, passed on or
   * returned).
   */
  private boolean isSettled(int node, int callNode, PendingTruncation pending, State state) {
    if (liveness.reaches(node, callNode) || liveness.reachesBackEdge(node)) {
      return false;
    }
    if (pending.page() == null) {
      if (liveness.reachesLookUp(node)) {
        return false;
      }
    } else {
      for (String alias : state.aliasesOf(pending.page())) {
        if (liveness.isMentionedFrom(node, alias)) {
          return false;
        }
      }
    }
    for (Fact fact : state.facts().values()) {
      if (fact instanceof IntFact value
          && value.origin() != null
          && value.origin().callNode() == callNode) {
        return false;
      }
    }
    return true;
  }

  private void forward(Node node, State state) {
    for (int successor : node.successors()) {
      flow(node.id(), successor, state);
    }
  }

  /**
   * Control goes from one node to the next. Going back around a loop with an AOP_TRUNCATED_PAGE
   * outcome pending is the retry: the outcome is handled, and the path is marked as retrying.
   */
  private void flow(int from, int to, State state) {
    if (loops.isBackEdge(from, to) && !state.pending().isEmpty()) {
      state = state.withoutPending(p -> true).withRetrying(true);
    }
    enqueue(to, state);
  }

  /**
   * Whether a state may leave a loop through this branch. A path that is retrying after
   * AOP_TRUNCATED_PAGE, or that reaches the loop's exit test with the outcome still pending and the
   * test not about it, is taken to go round again, as the code intends (a {@code continue} in
   * {@code do { } while (count > 0)}): the loop's condition is about other data, which the retry
   * leaves unchanged.
   */
  private boolean mayLeaveLoop(Node branch, int successor, Condition condition, State state) {
    if (!loops.isLoopExitDecision(branch.id()) || loops.inLoopOf(branch.id(), successor)) {
      return true;
    }
    if (state.retrying()) {
      return false;
    }
    if (state.pending().isEmpty()) {
      return true;
    }
    String tested = testedVariable(condition);
    return tested != null
        && state.fact(tested) instanceof IntFact value
        && value.origin() != null
        && state.pending().containsKey(value.origin().callNode());
  }

  private static String testedVariable(Condition condition) {
    if (condition instanceof Condition.And and) {
      String left = testedVariable(and.left());
      return left != null ? left : testedVariable(and.right());
    } else if (condition instanceof Condition.Or or) {
      String left = testedVariable(or.left());
      return left != null ? left : testedVariable(or.right());
    } else if (condition instanceof Condition.Comparison comparison) {
      return comparison.variable();
    } else if (condition instanceof Condition.OneOf oneOf) {
      return oneOf.variable();
    }
    return null;
  }

  private void report(MessageKey key, Position position, State state, Object... arguments) {
    report(key, position, state.trace(), arguments);
  }

  private void report(MessageKey key, Position position, Trace trace, Object... arguments) {
    List<Object> identity =
        List.of(key.check(), position.line(), position.column(), position.startOffset());
    findings.putIfAbsent(identity, Finding.of(key, position, List.of(arguments), trace.steps()));
  }

  // ---------------------------------------------------------------- transfer, one method per event

  private void transfer(Node node, State state) {
    Position at = node.position();
    Event event = node.event();
    if (event instanceof Event.LookUp lookUp) {
      forward(node, lookUp(lookUp, at, state));
    } else if (event instanceof Event.OperationCall call) {
      for (State next : operationCall(call, node.id(), at, state)) {
        forward(node, next);
      }
    } else if (event instanceof Event.PageEffect effect) {
      forward(node, pageEffect(effect, at, state));
    } else if (event instanceof Event.PageUse use) {
      forward(node, useOfPage(use.page(), use.what(), at, state));
    } else if (event instanceof Event.Assign assign) {
      for (State next : assign(assign, at, state)) {
        forward(node, next);
      }
    } else if (event instanceof Event.Branch branch) {
      Split split = split(branch.condition(), branch.text(), at, state);
      int whenTrue = node.successors().get(0);
      int whenFalse = node.successors().get(1);
      for (State next : split.whenTrue()) {
        if (mayLeaveLoop(node, whenTrue, branch.condition(), next)) {
          flow(node.id(), whenTrue, next);
        }
      }
      for (State next : split.whenFalse()) {
        if (mayLeaveLoop(node, whenFalse, branch.condition(), next)) {
          flow(node.id(), whenFalse, next);
        }
      }
    } else if (event instanceof Event.Sink sink) {
      forward(node, sink(sink, at, state));
    } else if (event instanceof Event.Return ret) {
      exit(ret.value(), at, state);
    } else {
      forward(node, state); // Nop
    }
  }

  private State lookUp(Event.LookUp lookUp, Position at, State state) {
    State next =
        pageReplaced(
            lookUp.page(),
            "when it is looked up again at line " + at.line(),
            at,
            state.withRetrying(false));
    // Any look-up is a retry for a truncation whose page was not a variable.
    next = next.withoutPending(p -> p.page() == null);
    Cause cause = new Cause(Cause.Kind.LOOK_UP, lookUp.callee(), null, at);
    PageFact fresh =
        PageFact.fresh(
            lookUp.locked() ? Lock.LOCKED : Lock.UNLOCKED, cause, ownedWhenSeen(lookUp.page()));
    return next.define(lookUp.page(), fresh)
        .step(
            at,
            "page "
                + lookUp.page()
                + " looked up"
                + (lookUp.locked() ? " locked" : "")
                + " by "
                + lookUp.callee());
  }

  private List<State> operationCall(
      Event.OperationCall call, int nodeId, Position at, State state) {
    MethodContract contract = call.contract();
    OperationContract operation = contract.operation().orElse(null);
    String name = operation != null ? operation.name() : call.callee();
    boolean resultIgnored = call.result() == null && contract.returnsCodes() && !self.bestEffort();
    if (resultIgnored) {
      report(
          MessageKey.RESULT_IGNORED,
          at,
          state,
          name,
          codeList(contract.declaredCodes()),
          ignoredResultFix(contract.declaredCodes()));
    }
    PageFact before = state.page(call.page());
    if (before != null && before.stale() != null) {
      state =
          state.with(
              call.page(), reportStaleUse(call.page(), "passed to " + name, at, before, state));
    }
    // Reaching the same call again is a retry of whatever truncation it left pending.
    State base = state.withoutPending(p -> p.origin().callNode() == nodeId).withRetrying(false);

    Set<Outcome> outcomes = EnumSet.of(Outcome.SUCCESS, Outcome.ERROR);
    if (operation != null) {
      outcomes = operation.outcomes();
    } else {
      for (AopCode code : contract.declaredCodes()) {
        outcomes.add(Outcome.of(code));
      }
    }
    Set<IntAtom> possible = EnumSet.noneOf(IntAtom.class);
    outcomes.forEach(o -> possible.add(IntAtom.of(o)));
    if (resultIgnored) {
      // One mistake, one finding: the discarded result is it. The paths on which the call returns
      // a positive code (the page left locked after ACTIVATE, unlocked by the callee after
      // TRUNCATED) are what AopResultIgnored reports, so they are not followed for more findings.
      outcomes = EnumSet.copyOf(outcomes);
      outcomes.removeIf(o -> o.code().isPresent());
    }

    List<State> result = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      Origin origin = new Origin(nodeId, name, outcome, at, possible, null);
      State next = base.step(at, name + " returned " + outcome.description());
      if (call.result() != null) {
        next = next.with(call.result(), new IntFact(Set.of(IntAtom.of(outcome)), origin, null));
      }
      if (call.page() != null) {
        PageFact page = next.page(call.page());
        if (page == null) {
          page = PageFact.fresh(Lock.UNKNOWN, null, ownedWhenSeen(next, call.page()));
        }
        if (operation != null) {
          boolean locked = operation.lockAfter(outcome) == PageState.LOCKED;
          page =
              page.withLock(
                  locked ? Lock.LOCKED : Lock.UNLOCKED_BY_CALLEE,
                  new Cause(Cause.Kind.OUTCOME, name, outcome, at));
        } else {
          page = page.withLock(Lock.UNKNOWN, null);
        }
        if (outcome == Outcome.TRUNCATED_PAGE) {
          page = page.withStale(origin);
        } else if (outcome == Outcome.WRITEPAGE_ACTIVATE) {
          page = page.redirty();
        }
        next = next.with(call.page(), page);
      }
      if (outcome == Outcome.TRUNCATED_PAGE && call.result() != null) {
        // A discarded result in a @BestEffort method may give the page up: nothing is pending.
        next = next.withPending(nodeId, new PendingTruncation(origin, call.page(), null));
      }
      result.add(next);
    }
    return result;
  }

  private State pageEffect(Event.PageEffect effect, Position at, State state) {
    String variable = effect.page();
    PageFact page = state.page(variable);
    if (page == null) {
      page = PageFact.fresh(Lock.UNKNOWN, null, ownedWhenSeen(state, variable));
    }
    switch (effect.verb()) {
      case UNLOCK -> {
        Cause cause = page.lockCause();
        if (page.lock() == Lock.UNLOCKED_BY_CALLEE && cause != null) {
          report(
              MessageKey.DOUBLE_UNLOCK_AFTER_CALLEE,
              at,
              state,
              variable,
              at.line(),
              cause.what(),
              cause.position().line(),
              cause.outcome().description(),
              cause.outcome() == Outcome.TRUNCATED_PAGE
                  ? "release the page and look it up again"
                  : "do not unlock it: after "
                      + cause.outcome().description()
                      + " the page is not ours to unlock");
        } else if (page.lock() == Lock.UNLOCKED && cause != null) {
          report(
              MessageKey.DOUBLE_UNLOCK_AFTER_UNLOCK,
              at,
              state,
              variable,
              at.line(),
              cause.describe(),
              cause.position().line());
        }
        page =
            page.withLock(Lock.UNLOCKED, new Cause(Cause.Kind.UNLOCK, effect.callee(), null, at));
      }
      case LOCK -> {
        if (page.stale() != null) {
          page = reportStaleUse(variable, "locked by " + effect.callee(), at, page, state);
        }
        page = page.withLock(Lock.LOCKED, new Cause(Cause.Kind.LOCK, effect.callee(), null, at));
      }
      case RELEASE -> {
        if (page.stale() != null) {
          if (page.firstReleaseSinceStale() != null) {
            report(
                MessageKey.TRUNCATED_PAGE_RELEASED_TWICE,
                at,
                state,
                variable,
                at.line(),
                page.stale().operation(),
                page.stale().callPosition().line(),
                page.firstReleaseSinceStale().line());
          } else {
            page = page.withRelease(at);
          }
        }
      }
      case REDIRTY -> {
        if (page.stale() != null) {
          page = reportStaleUse(variable, "redirtied by " + effect.callee(), at, page, state);
        }
        page = page.redirty();
      }
      case TAKE_OVER -> {
        if (page.stale() != null) {
          page = reportStaleUse(variable, "handed to " + effect.callee(), at, page, state);
        }
        // Whoever took it over now owes the unlock.
        page = page.withLock(Lock.UNKNOWN, null);
      }
    }
    return state.with(variable, page).step(at, "page " + variable + ": " + effect.callee());
  }

  private State useOfPage(String variable, String what, Position at, State state) {
    PageFact page = state.page(variable);
    if (page != null && page.stale() != null) {
      return state.with(variable, reportStaleUse(variable, what, at, page, state));
    }
    return state;
  }

  /** Reports the first use of a stale page on this path; returns the page with that noted. */
  private PageFact reportStaleUse(
      String variable, String what, Position at, PageFact page, State state) {
    if (page.staleUseReported()) {
      return page;
    }
    report(
        MessageKey.TRUNCATED_PAGE_USED,
        at,
        state,
        variable,
        at.line(),
        what,
        page.stale().operation(),
        page.stale().callPosition().line());
    return page.withStaleUseReported();
  }

  private List<State> assign(Event.Assign assign, Position at, State state) {
    String variable = assign.variable();
    String where = "when it is reassigned at line " + at.line();
    Value value = assign.value();
    if (value instanceof Value.Constant constant) {
      return List.of(
          pageReplaced(variable, where, at, state)
              .with(variable, new IntFact(Set.of(IntAtom.of(constant.value())), null, at)));
    } else if (value instanceof Value.Truth truth) {
      return List.of(
          pageReplaced(variable, where, at, state).with(variable, new FlagFact(truth.value())));
    } else if (value instanceof Value.Null) {
      return List.of(pageReplaced(variable, where, at, state).define(variable, new NullFact()));
    } else if (value instanceof Value.Variable source) {
      Fact fact = state.fact(source.name());
      State next = pageReplaced(variable, where, at, state);
      if (fact instanceof IntFact || fact instanceof FlagFact) {
        return List.of(next.define(variable, fact)); // a copy of the value
      }
      // Both hold the same page (or object): what happens through one happens to both, until one
      // of them is written again (`page = cached; cached = null;` moves it).
      return List.of(next.alias(variable, source.name()));
    } else if (value instanceof Value.Test test) {
      Split split =
          split(test.condition(), test.text(), at, pageReplaced(variable, where, at, state));
      List<State> next = new ArrayList<>();
      split.whenTrue().forEach(s -> next.add(s.with(variable, new FlagFact(true))));
      split.whenFalse().forEach(s -> next.add(s.with(variable, new FlagFact(false))));
      return next;
    }
    boolean wasPage = state.page(variable) != null;
    State next = pageReplaced(variable, where, at, state);
    return List.of(
        wasPage
            ? next.define(variable, PageFact.fresh(Lock.UNKNOWN, null, ownedWhenSeen(variable)))
            : next.define(variable, null));
  }

  /**
   * The page held in {@code variable} is replaced (looked up again, reassigned): checks what the
   * path still owed for it and resolves truncations of it, which a new look-up retries.
   */
  private State pageReplaced(String variable, String where, Position at, State state) {
    PageFact old = state.page(variable);
    if (old == null) {
      return state;
    }
    Set<String> aliases = state.aliasesOf(variable);
    if (aliases.size() == 1) {
      checkPageAtEnd(variable, old, where, at, state); // else another alias still holds it
    }
    return state
        .withoutPending(p -> p.page() != null && aliases.contains(p.page()))
        .withRetrying(false);
  }

  private State sink(Event.Sink sink, Position at, State state) {
    Fact fact = state.fact(sink.variable());
    if (fact instanceof IntFact value && value.origin() != null) {
      Origin origin = value.origin();
      String flow = sink.kind().describe(sink.detail()) + " at line " + at.line();
      if (value.atoms().contains(IntAtom.TRUNCATED_PAGE)) {
        report(
            MessageKey.TRUNCATED_PAGE_SINK,
            at,
            state,
            origin.operation(),
            origin.callPosition().line(),
            origin.testClause(),
            flow);
        state = state.withoutPending(p -> p.origin().callNode() == origin.callNode());
      }
      if (value.atoms().contains(IntAtom.WRITEPAGE_ACTIVATE)) {
        report(
            MessageKey.WRITEPAGE_ACTIVATE_SINK,
            at,
            state,
            origin.operation(),
            origin.callPosition().line(),
            origin.testClause(),
            flow);
      }
    } else if (fact instanceof PageFact page) {
      if (page.stale() != null) {
        page =
            reportStaleUse(sink.variable(), sink.kind().describe(sink.detail()), at, page, state);
      }
      state =
          state.with(sink.variable(), sink.kind() == SinkKind.FIELD_STORE ? page.escaped() : page);
    }
    return state;
  }

  // ---------------------------------------------------------------- exits

  private void exit(Value returned, Position at, State state) {
    String leaving = "when the method returns at line " + at.line();
    if (returned instanceof Value.Variable variable) {
      Fact fact = state.fact(variable.name());
      if (fact instanceof IntFact value && value.origin() != null) {
        state = resultReturned(value.origin(), value.atoms(), at, state);
      } else if (fact instanceof PageFact page) {
        if (page.stale() != null) {
          reportStaleUse(variable.name(), "returned to the caller", at, page, state);
        }
        state = state.with(variable.name(), page.escaped());
      }
    }
    if (self.operation().isPresent() || self.mayReturn().isPresent()) {
      checkImplementationReturn(returned, at, state);
    }
    // Each page once, however many aliases hold it, under the first of their names.
    Set<String> checked = new java.util.HashSet<>();
    for (String variable : new java.util.TreeSet<>(state.facts().keySet())) {
      if (state.fact(variable) instanceof PageFact page && checked.add(variable)) {
        checked.addAll(state.aliasesOf(variable));
        checkPageAtEnd(variable, page, leaving, at, state);
      }
    }
    if (!self.bestEffort()) {
      for (PendingTruncation pending : state.pending().values()) {
        reportNotRetried(pending, at, state.trace());
      }
      for (State.SettledTruncation settled : state.settled().values()) {
        reportNotRetried(settled.truncation(), at, settled.trace());
      }
    }
  }

  private void reportNotRetried(PendingTruncation pending, Position exit, Trace trace) {
    Origin origin = pending.origin();
    Origin.Test test = pending.firstTest();
    report(
        MessageKey.TRUNCATED_PAGE_NOT_RETRIED,
        test != null ? test.position() : origin.callPosition(),
        trace,
        origin.operation(),
        origin.callPosition().line(),
        test != null ? " " + test.clause() : "",
        exit.line());
  }

  /** A result that may be a code is returned to the caller: allowed only if declared. */
  private State resultReturned(Origin origin, Set<IntAtom> atoms, Position at, State state) {
    for (IntAtom atom : atoms) {
      AopCode code = atom.code();
      if (code == null) {
        continue;
      }
      if (!self.declaredCodes().contains(code)) {
        report(
            code == AopCode.TRUNCATED_PAGE
                ? MessageKey.TRUNCATED_PAGE_RETURNED
                : MessageKey.WRITEPAGE_ACTIVATE_RETURNED,
            at,
            state,
            origin.operation(),
            origin.callPosition().line(),
            origin.testClause(),
            graph.methodName(),
            at.line());
      }
    }
    // Passed up (declared or reported): the caller now owns the retry.
    return state.withoutPending(p -> p.origin().callNode() == origin.callNode());
  }

  /** What the path still owes for a page when it leaves the method or replaces the page. */
  private void checkPageAtEnd(
      String variable, PageFact page, String where, Position at, State state) {
    if (!page.owned()) {
      return;
    }
    if (self.operation().isPresent()
        && graph.pageParameter() != null
        && state.aliasesOf(variable).contains(graph.pageParameter())) {
      return; // an implementation's own page: AopImplementationLockState judges it
    }
    Cause cause = page.lockCause();
    if (page.lock() == Lock.LOCKED && cause != null && cause.kind() == Cause.Kind.OUTCOME) {
      report(
          MessageKey.PAGE_LEFT_LOCKED,
          at,
          state,
          variable,
          where,
          cause.what(),
          cause.position().line(),
          cause.outcome().description());
    }
    if (page.stale() != null && page.firstReleaseSinceStale() == null) {
      report(
          MessageKey.TRUNCATED_PAGE_NOT_RELEASED,
          at,
          state,
          variable,
          where,
          page.stale().operation(),
          page.stale().callPosition().line());
    }
  }

  /** The implementation-side rules at a return. */
  private void checkImplementationReturn(Value returned, Position at, State state) {
    Set<IntAtom> atoms = returnedAtoms(returned, state);
    AopCode constantCode = returnedConstantCode(returned, state);
    if (constantCode != null && !self.declaredCodes().contains(constantCode)) {
      report(
          MessageKey.UNDECLARED_CODE,
          at,
          state,
          graph.methodName(),
          constantCode.kernelName(),
          at.line(),
          constantCode.name());
    }
    OperationContract operation = self.operation().orElse(null);
    String pageVariable = graph.pageParameter();
    PageFact page = state.page(pageVariable);
    if (operation == null || page == null) {
      return;
    }
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    for (IntAtom atom : atoms) {
      Outcome outcome = atom.outcome();
      if (outcome != null && operation.outcomes().contains(outcome)) {
        outcomes.add(outcome);
      }
    }
    Set<PageState> expected = EnumSet.noneOf(PageState.class);
    outcomes.forEach(o -> expected.add(operation.lockAfter(o)));
    if (expected.size() == 1) {
      PageState state1 = expected.iterator().next();
      String outcomeText =
          outcomes.size() == 1 ? outcomes.iterator().next().description() : "0 or an error";
      if (state1 == PageState.UNLOCKED && page.lock() == Lock.LOCKED) {
        report(
            MessageKey.IMPLEMENTATION_STILL_LOCKED,
            at,
            state,
            graph.methodName(),
            outcomeText,
            at.line(),
            pageVariable,
            operation.name());
      } else if (state1 == PageState.LOCKED
          && (page.lock() == Lock.UNLOCKED || page.lock() == Lock.UNLOCKED_BY_CALLEE)) {
        report(
            MessageKey.IMPLEMENTATION_UNLOCKED,
            at,
            state,
            graph.methodName(),
            outcomeText,
            at.line(),
            pageVariable,
            operation.name());
      }
    }
    if (outcomes.equals(EnumSet.of(Outcome.WRITEPAGE_ACTIVATE)) && !page.redirtied()) {
      report(
          MessageKey.WRITEPAGE_ACTIVATE_NOT_REDIRTIED,
          at,
          state,
          graph.methodName(),
          at.line(),
          pageVariable);
    }
  }

  /**
   * The atoms a returned value may be. A value of unknown provenance is taken to be 0 or an error:
   * only constants and operation results are believed to carry a positive code.
   */
  private static Set<IntAtom> returnedAtoms(Value returned, State state) {
    Set<IntAtom> unknown = EnumSet.of(IntAtom.ZERO, IntAtom.NEGATIVE, IntAtom.OTHER_POSITIVE);
    if (returned instanceof Value.Constant constant) {
      return Set.of(IntAtom.of(constant.value()));
    }
    if (!(returned instanceof Value.Variable variable)) {
      return unknown;
    }
    Fact fact = state.fact(variable.name());
    if (fact instanceof IntFact value) {
      if (value.origin() != null || value.constantAt() != null) {
        return value.atoms();
      }
      Set<IntAtom> atoms = EnumSet.copyOf(value.atoms());
      atoms.remove(IntAtom.TRUNCATED_PAGE);
      atoms.remove(IntAtom.WRITEPAGE_ACTIVATE);
      return atoms;
    }
    return fact == null ? unknown : Set.of();
  }

  /** The code a return gives back as a constant (not a callee's result), or null. */
  private static AopCode returnedConstantCode(Value returned, State state) {
    IntAtom atom = null;
    if (returned instanceof Value.Constant constant) {
      atom = IntAtom.of(constant.value());
    } else if (returned instanceof Value.Variable variable
        && state.fact(variable.name()) instanceof IntFact value
        && value.origin() == null
        && value.constantAt() != null
        && value.atoms().size() == 1) {
      atom = value.atoms().iterator().next();
    }
    return atom == null ? null : atom.code();
  }

  // ---------------------------------------------------------------- branches

  private record Split(List<State> whenTrue, List<State> whenFalse) {}

  /** The states that take each side of a test, with the tested value refined on each side. */
  private Split split(Condition condition, String text, Position at, State state) {
    Split split = split(condition, text, at, state, true);
    if (!(condition instanceof Condition.And || condition instanceof Condition.Or)) {
      return split;
    }
    // A compound test is judged as a whole: `ret < 0 || ret == AOP_TRUNCATED_PAGE` isolates it.
    List<State> whenTrue = new ArrayList<>();
    List<State> whenFalse = new ArrayList<>();
    split.whenTrue().forEach(s -> whenTrue.add(recordTests(condition, true, text, at, s)));
    split.whenFalse().forEach(s -> whenFalse.add(recordTests(condition, false, text, at, s)));
    return new Split(whenTrue, whenFalse);
  }

  private Split split(
      Condition condition, String text, Position at, State state, boolean recordTests) {
    List<State> whenTrue = new ArrayList<>();
    List<State> whenFalse = new ArrayList<>();
    if (condition instanceof Condition.And and) {
      Split left = split(and.left(), text, at, state, false);
      whenFalse.addAll(left.whenFalse());
      for (State next : left.whenTrue()) {
        Split right = split(and.right(), text, at, next, false);
        whenTrue.addAll(right.whenTrue());
        whenFalse.addAll(right.whenFalse());
      }
    } else if (condition instanceof Condition.Or or) {
      Split left = split(or.left(), text, at, state, false);
      whenTrue.addAll(left.whenTrue());
      for (State next : left.whenFalse()) {
        Split right = split(or.right(), text, at, next, false);
        whenTrue.addAll(right.whenTrue());
        whenFalse.addAll(right.whenFalse());
      }
    } else if (condition instanceof Condition.Comparison comparison) {
      splitInt(comparison.variable(), condition, text, at, state, whenTrue, whenFalse, recordTests);
    } else if (condition instanceof Condition.OneOf oneOf) {
      splitInt(oneOf.variable(), condition, text, at, state, whenTrue, whenFalse, recordTests);
    } else if (condition instanceof Condition.Flag flag
        && state.fact(flag.variable()) instanceof FlagFact value) {
      (value.value() != flag.negated() ? whenTrue : whenFalse).add(state);
    } else if (condition instanceof Condition.IsNull isNull) {
      splitNull(
          isNull,
          state,
          isNull.negated() ? whenFalse : whenTrue,
          isNull.negated() ? whenTrue : whenFalse);
    } else {
      whenTrue.add(state);
      whenFalse.add(state);
    }
    return new Split(whenTrue, whenFalse);
  }

  /**
   * A null test of a page variable. A page this path has found not null, or a known null, takes one
   * side; any other page (a look-up's, which may be null) splits: on the null side the variable
   * holds no page (it owns nothing, and what was known of its lock and reference is void), on the
   * other it is known not null. A variable with no fact takes both sides unchanged.
   */
  private static void splitNull(
      Condition.IsNull test, State state, List<State> whenNull, List<State> whenNotNull) {
    Fact fact = state.fact(test.variable());
    if (fact instanceof NullFact) {
      whenNull.add(state);
    } else if (fact instanceof PageFact page) {
      if (!page.nonNull()) {
        whenNull.add(state.with(test.variable(), new NullFact()));
      }
      whenNotNull.add(state.with(test.variable(), page.knownNonNull()));
    } else {
      whenNull.add(state);
      whenNotNull.add(state);
    }
  }

  private void splitInt(
      String variable,
      Condition condition,
      String text,
      Position at,
      State state,
      List<State> whenTrue,
      List<State> whenFalse,
      boolean recordTests) {
    Fact fact = state.fact(variable);
    if (fact != null && !(fact instanceof IntFact)) {
      whenTrue.add(state);
      whenFalse.add(state);
      return;
    }
    // An int compared with a constant and not known yet: each side learns its range.
    IntFact value = fact != null ? (IntFact) fact : new IntFact(IntAtom.ALL, null, null);
    for (boolean side : new boolean[] {true, false}) {
      Set<IntAtom> refined = EnumSet.noneOf(IntAtom.class);
      for (IntAtom atom : value.atoms()) {
        if (mayTake(condition, atom, side)) {
          refined.add(atom);
        }
      }
      if (refined.isEmpty()) {
        continue; // this path cannot take that side
      }
      State nextState = state.with(variable, value.withAtoms(refined));
      if (recordTests) {
        nextState = recordTest(variable, condition, side, text, at, nextState);
      }
      (side ? whenTrue : whenFalse).add(nextState);
    }
  }

  /** Records, for every result a compound condition tests, whether it mistook a code. */
  private State recordTests(
      Condition condition, boolean side, String text, Position at, State state) {
    Set<String> variables = new java.util.LinkedHashSet<>();
    testedVariables(condition, variables);
    for (String variable : variables) {
      state = recordTest(variable, condition, side, text, at, state);
    }
    return state;
  }

  private static void testedVariables(Condition condition, Set<String> into) {
    if (condition instanceof Condition.And and) {
      testedVariables(and.left(), into);
      testedVariables(and.right(), into);
    } else if (condition instanceof Condition.Or or) {
      testedVariables(or.left(), into);
      testedVariables(or.right(), into);
    } else if (condition instanceof Condition.Comparison comparison) {
      into.add(comparison.variable());
    } else if (condition instanceof Condition.OneOf oneOf) {
      into.add(oneOf.variable());
    }
  }

  /**
   * If {@code variable} holds an operation's outcome, records the first test that took a positive
   * code down the same branch as errors or as 0, and adds the branch to the path.
   */
  private State recordTest(
      String variable, Condition condition, boolean side, String text, Position at, State state) {
    if (!(state.fact(variable) instanceof IntFact value) || value.origin() == null) {
      return state;
    }
    Origin origin = value.origin();
    IntFact next = value;
    State nextState = state;
    for (IntAtom atom : value.atoms()) {
      Origin.Test test = misleadingTest(origin, atom, condition, variable, side, text, at);
      if (test != null) {
        next = next.withOrigin(next.origin().withTest(test));
        PendingTruncation pending = nextState.pending().get(origin.callNode());
        if (atom == IntAtom.TRUNCATED_PAGE && pending != null && pending.firstTest() == null) {
          nextState =
              nextState.withPending(
                  origin.callNode(), new PendingTruncation(pending.origin(), pending.page(), test));
        }
      }
    }
    return nextState.with(variable, next).step(at, "`" + text + "` is " + side);
  }

  private static boolean mayTake(Condition condition, IntAtom atom, boolean side) {
    return mayTake(condition, null, atom, side);
  }

  /**
   * Whether a value of {@code atom} in {@code variable} may take {@code side} of the condition;
   * parts of a compound condition about other variables may go either way.
   */
  private static boolean mayTake(Condition condition, String variable, IntAtom atom, boolean side) {
    if (condition instanceof Condition.And and) {
      return side
          ? mayTake(and.left(), variable, atom, true) && mayTake(and.right(), variable, atom, true)
          : mayTake(and.left(), variable, atom, false)
              || mayTake(and.right(), variable, atom, false);
    }
    if (condition instanceof Condition.Or or) {
      return side
          ? mayTake(or.left(), variable, atom, true) || mayTake(or.right(), variable, atom, true)
          : mayTake(or.left(), variable, atom, false) && mayTake(or.right(), variable, atom, false);
    }
    if (variable != null && !variable.equals(testedVariable(condition))) {
      return true;
    }
    if (condition instanceof Condition.Comparison c) {
      return atom.mayHold(side ? c.operator() : c.operator().negate(), c.constant());
    }
    if (condition instanceof Condition.OneOf o) {
      return side != o.negated()
          ? atom.mayEqualOneOf(o.constants())
          : atom.mayEqualNoneOf(o.constants());
    }
    return true;
  }

  /**
   * If {@code atom} is a positive code and the side it takes is also taken by errors or by 0 among
   * the call's possible outcomes, the test mistakes the code for one of them.
   */
  private static Origin.Test misleadingTest(
      Origin origin,
      IntAtom atom,
      Condition condition,
      String variable,
      boolean side,
      String text,
      Position at) {
    if (atom.code() == null) {
      return null;
    }
    boolean withErrors =
        origin.possible().contains(IntAtom.NEGATIVE)
            && mayTake(condition, variable, IntAtom.NEGATIVE, side);
    boolean withSuccess =
        origin.possible().contains(IntAtom.ZERO)
            && mayTake(condition, variable, IntAtom.ZERO, side);
    if (withErrors) {
      return new Origin.Test(at, text, "as an error");
    }
    if (withSuccess) {
      return new Origin.Test(at, text, "as success");
    }
    return null;
  }

  // ---------------------------------------------------------------- helpers

  /** Whether a page first seen in {@code variable} is one this method must account for. */
  private boolean ownedWhenSeen(String variable) {
    if (!graph.isParameter(variable)) {
      return true; // a local holding a page holds a reference (the protocol requires one)
    }
    return Objects.equals(variable, graph.pageParameter()) && self.ownsPage();
  }

  /**
   * Whether a page first seen in {@code variable} and its aliases is one this method must account
   * for: a local copy of a parameter the method does not own holds the caller's page.
   */
  private boolean ownedWhenSeen(State state, String variable) {
    return state.aliasesOf(variable).stream().allMatch(this::ownedWhenSeen);
  }

  private static String codeList(Set<AopCode> codes) {
    return String.join(" or ", codes.stream().map(AopCode::kernelName).toList());
  }

  private static String ignoredResultFix(Set<AopCode> codes) {
    List<String> fixes = new ArrayList<>();
    if (codes.contains(AopCode.TRUNCATED_PAGE)) {
      fixes.add(
          "on AOP_TRUNCATED_PAGE release the page and look it up again (or declare the method"
              + " @BestEffort if it may give the page up)");
    }
    if (codes.contains(AopCode.WRITEPAGE_ACTIVATE)) {
      fixes.add("on AOP_WRITEPAGE_ACTIVATE unlock the page, which the callee left locked");
    }
    return "keep it and test it: " + String.join("; ", fixes);
  }

  /** The checks whose findings this analysis produces. */
  public static Set<Check> checks() {
    Set<Check> checks = EnumSet.noneOf(Check.class);
    for (Check check : Check.values()) {
      if (check.usesDataflow()) {
        checks.add(check);
      }
    }
    return checks;
  }
}
