package org.aopcheck.core.analysis;

import java.util.List;
import java.util.Optional;
import org.aopcheck.core.Check;
import org.aopcheck.core.finding.Finding;

/**
 * What the analysis of one method found.
 *
 * @param method the method's name
 * @param findings the findings of every check, in the order found (empty if abandoned)
 * @param abandonedBecause why the analysis stopped without a result, or null if it completed
 * @param statesVisited how many (point, state) pairs the worklist processed
 */
public record AnalysisResult(
    String method, List<Finding> findings, String abandonedBecause, int statesVisited) {

  public AnalysisResult {
    findings = List.copyOf(findings);
  }

  /** Whether the analysis reached its fixed point. */
  public boolean complete() {
    return abandonedBecause == null;
  }

  /** The reason the analysis was abandoned, if it was. */
  public Optional<String> abandoned() {
    return Optional.ofNullable(abandonedBecause);
  }

  /** The findings of one check. */
  public List<Finding> findings(Check check) {
    return findings.stream().filter(f -> f.check() == check).toList();
  }
}
