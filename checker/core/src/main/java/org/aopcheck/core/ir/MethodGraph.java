package org.aopcheck.core.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.aopcheck.core.contract.MethodContract;

/**
 * The event IR of one method: a graph of {@link Event}s with source positions, entered at node 0.
 * A {@link Event.Branch} node has two successors (taken when its condition holds, then when it does
 * not); a {@link Event.Return} node has none; every other node has any number (a join is a node
 * with several predecessors).
 *
 * <p>The graph also says who the method is: its name, its own contract (declared or inherited),
 * its parameters, and which of them is its page.
 */
public final class MethodGraph {
  /** The name of the receiver when it is the page. */
  public static final String RECEIVER = "this";

  /** One event and where control goes after it. */
  public record Node(int id, Event event, Position position, List<Integer> successors) {
    public Node {
      successors = List.copyOf(successors);
    }
  }

  private final String methodName;
  private final MethodContract contract;
  private final Set<String> parameters;
  private final String pageParameter;
  private final List<Node> nodes;

  private MethodGraph(
      String methodName,
      MethodContract contract,
      Set<String> parameters,
      String pageParameter,
      List<Node> nodes) {
    this.methodName = methodName;
    this.contract = contract;
    this.parameters = Set.copyOf(parameters);
    this.pageParameter = pageParameter;
    this.nodes = Collections.unmodifiableList(nodes);
  }

  /**
   * Starts a graph for a method.
   *
   * @param methodName the method's name, for messages
   * @param contract the method's own contract (declared or inherited)
   * @param parameters the names of its parameters (the receiver is {@link #RECEIVER})
   * @param pageParameter the variable its contract's page is, or null
   */
  public static Builder builder(
      String methodName, MethodContract contract, Set<String> parameters, String pageParameter) {
    return new Builder(methodName, contract, parameters, pageParameter);
  }

  public String methodName() {
    return methodName;
  }

  public MethodContract contract() {
    return contract;
  }

  /** Whether {@code variable} is a parameter (or the receiver) rather than a local. */
  public boolean isParameter(String variable) {
    return parameters.contains(variable) || RECEIVER.equals(variable);
  }

  /** The variable holding the page the method's own contract speaks of, or null. */
  public String pageParameter() {
    return pageParameter;
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int id) {
    return nodes.get(id);
  }

  /** Builds a {@link MethodGraph}; node ids are given in order from 0, the entry. */
  public static final class Builder {
    private final String methodName;
    private final MethodContract contract;
    private final Set<String> parameters;
    private final String pageParameter;
    private final List<Event> events = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();
    private final List<List<Integer>> successors = new ArrayList<>();

    private Builder(
        String methodName, MethodContract contract, Set<String> parameters, String pageParameter) {
      this.methodName = Objects.requireNonNull(methodName);
      this.contract = Objects.requireNonNull(contract);
      this.parameters = parameters;
      this.pageParameter = pageParameter;
    }

    /** Adds a node and returns its id. */
    public int add(Event event, Position position) {
      events.add(Objects.requireNonNull(event));
      positions.add(Objects.requireNonNull(position));
      successors.add(new ArrayList<>());
      return events.size() - 1;
    }

    /** Adds an edge; for a branch, the first edge added is the one taken when it holds. */
    public Builder edge(int from, int to) {
      successors.get(from).add(to);
      return this;
    }

    /** The number of nodes added so far. */
    public int size() {
      return events.size();
    }

    /**
     * The graph.
     *
     * @throws IllegalStateException if a branch does not have exactly two successors, a return
     *     has any, or an edge leads nowhere
     */
    public MethodGraph build() {
      if (events.isEmpty()) {
        throw new IllegalStateException("a method graph needs an entry node");
      }
      List<Node> nodes = new ArrayList<>(events.size());
      for (int id = 0; id < events.size(); id++) {
        Event event = events.get(id);
        List<Integer> next = successors.get(id);
        if (event instanceof Event.Branch && next.size() != 2) {
          throw new IllegalStateException("branch node " + id + " needs two successors: " + next);
        }
        if (event instanceof Event.Return && !next.isEmpty()) {
          throw new IllegalStateException("return node " + id + " cannot have successors");
        }
        for (int to : next) {
          if (to < 0 || to >= events.size()) {
            throw new IllegalStateException("edge " + id + " -> " + to + " leads nowhere");
          }
        }
        nodes.add(new Node(id, event, positions.get(id), next));
      }
      return new MethodGraph(methodName, contract, parameters, pageParameter, nodes);
    }
  }
}
