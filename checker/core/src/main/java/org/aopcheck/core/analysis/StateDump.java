package org.aopcheck.core.analysis;

import java.util.List;

/**
 * The states that reach each node of a method graph when its analysis ends, for tests and
 * debugging: see {@link PathAnalysis#dumpStates} and docs/engine.md §7.
 *
 * @param result the analysis result, as {@link PathAnalysis#analyze} gives it (if it was abandoned,
 *     the states are those held at that moment)
 * @param statesAtNode for each node id, the states that reach the node, sorted by their text
 */
public record StateDump(AnalysisResult result, List<List<StateView>> statesAtNode) {

  public StateDump {
    statesAtNode = statesAtNode.stream().map(List::copyOf).toList();
  }

  /** The states that reach node {@code id}; empty if none does (the node is unreachable). */
  public List<StateView> statesAt(int id) {
    return statesAtNode.get(id);
  }
}
