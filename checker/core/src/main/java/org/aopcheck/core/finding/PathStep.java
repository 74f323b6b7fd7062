package org.aopcheck.core.finding;

import org.aopcheck.core.ir.Position;

/** One step of the path that leads to a finding: "readpage returned AOP_TRUNCATED_PAGE". */
public record PathStep(Position position, String description) {
  @Override
  public String toString() {
    return "line " + position.line() + ": " + description;
  }
}
