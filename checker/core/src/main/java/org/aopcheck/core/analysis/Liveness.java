package org.aopcheck.core.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aopcheck.core.ir.Condition;
import org.aopcheck.core.ir.Event;
import org.aopcheck.core.ir.MethodGraph;
import org.aopcheck.core.ir.Value;

/**
 * What the rest of a method can still look at, per node: which variables may be read before they
 * are written again (classic live variables, a backward fixed point), which variables any event
 * from here on mentions at all, and which nodes are reachable from here.
 *
 * <p>The analysis uses it to forget what no future event can read, so that states differing only in
 * such facts merge: the result of a call that was tested and is never read again, a page no event
 * touches any more (only what the method's end still checks of it is kept), an AOP_TRUNCATED_PAGE
 * that nothing can retry any more (see {@link PathAnalysis}).
 */
final class Liveness {
  private final List<Set<String>> liveIn;
  private final List<BitSet> reachable;
  private final Map<String, BitSet> mentionedAt = new HashMap<>();
  private final BitSet lookUps = new BitSet();
  private final BitSet backEdgeSources = new BitSet();

  private Liveness(MethodGraph graph, Loops loops) {
    int size = graph.nodes().size();
    List<Set<String>> uses = new ArrayList<>(size);
    List<Set<String>> definitions = new ArrayList<>(size);
    for (MethodGraph.Node node : graph.nodes()) {
      Set<String> used = new LinkedHashSet<>();
      Set<String> defined = new LinkedHashSet<>();
      usesAndDefinitions(node.event(), used, defined);
      uses.add(used);
      definitions.add(defined);
      for (String variable : used) {
        mentionedAt.computeIfAbsent(variable, v -> new BitSet()).set(node.id());
      }
      for (String variable : defined) {
        mentionedAt.computeIfAbsent(variable, v -> new BitSet()).set(node.id());
      }
      if (node.event() instanceof Event.LookUp) {
        lookUps.set(node.id());
      }
      for (int successor : node.successors()) {
        if (loops.isBackEdge(node.id(), successor)) {
          backEdgeSources.set(node.id());
        }
      }
    }

    // Live variables: live-in = uses + (live-out - definitions), to a fixed point, last node first.
    liveIn = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      liveIn.add(new HashSet<>());
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int id = size - 1; id >= 0; id--) {
        Set<String> live = new HashSet<>();
        for (int successor : graph.node(id).successors()) {
          live.addAll(liveIn.get(successor));
        }
        live.removeAll(definitions.get(id));
        live.addAll(uses.get(id));
        if (!live.equals(liveIn.get(id))) {
          liveIn.set(id, live);
          changed = true;
        }
      }
    }

    // Reachability: each node and every node after it, to a fixed point, last node first.
    reachable = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      BitSet self = new BitSet(size);
      self.set(i);
      reachable.add(self);
    }
    changed = true;
    while (changed) {
      changed = false;
      for (int id = size - 1; id >= 0; id--) {
        BitSet from = reachable.get(id);
        int before = from.cardinality();
        for (int successor : graph.node(id).successors()) {
          from.or(reachable.get(successor));
        }
        changed |= from.cardinality() != before;
      }
    }
  }

  static Liveness of(MethodGraph graph, Loops loops) {
    return new Liveness(graph, loops);
  }

  /** Whether {@code variable}'s value may be read at {@code node} or after it, before a write. */
  boolean isLive(int node, String variable) {
    return liveIn.get(node).contains(variable);
  }

  /** Whether an event at {@code node} or after it reads or writes {@code variable}. */
  boolean isMentionedFrom(int node, String variable) {
    BitSet mentions = mentionedAt.get(variable);
    return mentions != null && mentions.intersects(reachable.get(node));
  }

  /** Whether control can go from {@code from} to {@code to} (or they are the same node). */
  boolean reaches(int from, int to) {
    return reachable.get(from).get(to);
  }

  /** Whether a look-up is at {@code node} or after it. */
  boolean reachesLookUp(int node) {
    return lookUps.intersects(reachable.get(node));
  }

  /** Whether control can still go back around a loop from {@code node}. */
  boolean reachesBackEdge(int node) {
    return backEdgeSources.intersects(reachable.get(node));
  }

  /** The variables an event reads, and those it writes. */
  private static void usesAndDefinitions(Event event, Set<String> uses, Set<String> definitions) {
    if (event instanceof Event.LookUp lookUp) {
      definitions.add(lookUp.page());
    } else if (event instanceof Event.OperationCall call) {
      addIfNotNull(uses, call.page());
      addIfNotNull(definitions, call.result());
    } else if (event instanceof Event.PageEffect effect) {
      uses.add(effect.page());
    } else if (event instanceof Event.PageUse use) {
      uses.add(use.page());
    } else if (event instanceof Event.Assign assign) {
      valueVariables(assign.value(), uses);
      definitions.add(assign.variable());
    } else if (event instanceof Event.Branch branch) {
      conditionVariables(branch.condition(), uses);
    } else if (event instanceof Event.Sink sink) {
      uses.add(sink.variable());
    } else if (event instanceof Event.Return ret) {
      valueVariables(ret.value(), uses);
    }
  }

  private static void valueVariables(Value value, Set<String> into) {
    if (value instanceof Value.Variable variable) {
      into.add(variable.name());
    } else if (value instanceof Value.Test test) {
      conditionVariables(test.condition(), into);
    }
  }

  private static void conditionVariables(Condition condition, Set<String> into) {
    if (condition instanceof Condition.Comparison comparison) {
      into.add(comparison.variable());
    } else if (condition instanceof Condition.OneOf oneOf) {
      into.add(oneOf.variable());
    } else if (condition instanceof Condition.Flag flag) {
      into.add(flag.variable());
    } else if (condition instanceof Condition.IsNull isNull) {
      into.add(isNull.variable());
    } else if (condition instanceof Condition.And and) {
      conditionVariables(and.left(), into);
      conditionVariables(and.right(), into);
    } else if (condition instanceof Condition.Or or) {
      conditionVariables(or.left(), into);
      conditionVariables(or.right(), into);
    }
  }

  private static void addIfNotNull(Set<String> into, String variable) {
    if (variable != null) {
      into.add(variable);
    }
  }
}
