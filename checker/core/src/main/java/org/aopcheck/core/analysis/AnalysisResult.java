package org.aopcheck.core.analysis;

import java.util.List;
import java.util.Optional;
import org.aopcheck.core.Check;
import org.aopcheck.core.finding.Finding;
import org.aopcheck.core.ir.Position;

/**
 * What the analysis of one method found.
 *
 * @param method the method's name
 * @param findings the findings of every check, in the order found; if the analysis was abandoned,
 *     those found before (each would also be found by the complete analysis, but some may be
 *     missing)
 * @param abandonment why and where the analysis stopped before its fixed point, or null if it
 *     completed
 * @param statesVisited how many (point, state) pairs the worklist processed
 */
public record AnalysisResult(
    String method, List<Finding> findings, Abandonment abandonment, int statesVisited) {

  public AnalysisResult {
    findings = List.copyOf(findings);
  }

  /**
   * The analysis of a method stopped because one program point needed more distinct states than the
   * bound.
   *
   * @param position the point
   * @param maxStatesPerPoint the bound it exceeded
   */
  public record Abandonment(Position position, int maxStatesPerPoint) {
    /** "more than 512 states at line 40". */
    public String describe() {
      return "more than " + maxStatesPerPoint + " states at line " + position.line();
    }
  }

  /** Whether the analysis reached its fixed point. */
  public boolean complete() {
    return abandonment == null;
  }

  /** Why and where the analysis was abandoned, if it was. */
  public Optional<Abandonment> abandoned() {
    return Optional.ofNullable(abandonment);
  }

  /** The findings of one check. */
  public List<Finding> findings(Check check) {
    return findings.stream().filter(f -> f.check() == check).toList();
  }
}
