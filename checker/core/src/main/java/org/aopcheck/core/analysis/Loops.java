package org.aopcheck.core.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aopcheck.core.ir.Event;
import org.aopcheck.core.ir.MethodGraph;

/**
 * The loops of a method graph: back edges found by a depth-first search from the entry, and the
 * natural loop (Aho, Sethi, Ullman) of each. Java's structured control flow makes every graph a
 * front-end lowers reducible, so these are exactly the source's loops.
 */
final class Loops {
  private final Set<Long> backEdges = new HashSet<>();
  /** Per node, the set of loop bodies (by head) containing it. */
  private final List<BitSet> bodies = new ArrayList<>();
  private final BitSet decisions = new BitSet();

  private Loops(MethodGraph graph) {
    int size = graph.nodes().size();
    List<List<Integer>> predecessors = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      predecessors.add(new ArrayList<>());
      bodies.add(new BitSet());
    }
    for (MethodGraph.Node node : graph.nodes()) {
      for (int successor : node.successors()) {
        predecessors.get(successor).add(node.id());
      }
    }
    // Iterative depth-first search: an edge to a node still on the stack is a back edge.
    int[] state = new int[size]; // 0 new, 1 on stack, 2 done
    int[] nextChild = new int[size];
    Deque<Integer> stack = new ArrayDeque<>();
    stack.push(0);
    state[0] = 1;
    while (!stack.isEmpty()) {
      int node = stack.peek();
      List<Integer> successors = graph.node(node).successors();
      if (nextChild[node] < successors.size()) {
        int successor = successors.get(nextChild[node]++);
        if (state[successor] == 0) {
          state[successor] = 1;
          stack.push(successor);
        } else if (state[successor] == 1) {
          backEdges.add(key(node, successor));
          addNaturalLoop(node, successor, predecessors);
        }
      } else {
        state[node] = 2;
        stack.pop();
      }
    }
    for (MethodGraph.Node node : graph.nodes()) {
      if (!(node.event() instanceof Event.Branch) || bodies.get(node.id()).isEmpty()) {
        continue;
      }
      for (int successor : node.successors()) {
        if (!inLoopOf(node.id(), successor)) {
          decisions.set(node.id());
        }
      }
    }
  }

  static Loops of(MethodGraph graph) {
    return new Loops(graph);
  }

  private static long key(int from, int to) {
    return ((long) from << 32) | to;
  }

  private void addNaturalLoop(int latch, int head, List<List<Integer>> predecessors) {
    BitSet body = new BitSet();
    body.set(head);
    Deque<Integer> work = new ArrayDeque<>();
    if (!body.get(latch)) {
      body.set(latch);
      work.push(latch);
    }
    while (!work.isEmpty()) {
      for (int predecessor : predecessors.get(work.pop())) {
        if (!body.get(predecessor)) {
          body.set(predecessor);
          work.push(predecessor);
        }
      }
    }
    for (int node = body.nextSetBit(0); node >= 0; node = body.nextSetBit(node + 1)) {
      bodies.get(node).set(head);
    }
  }

  /** Whether control going from {@code from} to {@code to} goes back around a loop. */
  boolean isBackEdge(int from, int to) {
    return backEdges.contains(key(from, to));
  }

  /** Whether {@code node} is a branch inside a loop with a successor that leaves that loop. */
  boolean isLoopExitDecision(int node) {
    return decisions.get(node);
  }

  /** Whether {@code successor} stays inside every loop that contains {@code node}. */
  boolean inLoopOf(int node, int successor) {
    BitSet loops = bodies.get(node);
    BitSet successorLoops = (BitSet) bodies.get(successor).clone();
    successorLoops.and(loops);
    return successorLoops.equals(loops);
  }
}
