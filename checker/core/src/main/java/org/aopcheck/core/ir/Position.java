package org.aopcheck.core.ir;

/**
 * Where an event is in the source: a 1-based line and column, and the character offsets the
 * front-end needs to point a diagnostic at it ({@code -1} when unknown, as in hand-built graphs).
 */
public record Position(int line, int column, int startOffset, int endOffset) {

  /** A position known only by its line, as used by hand-built graphs in tests. */
  public static Position line(int line) {
    return new Position(line, 1, -1, -1);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
