package org.aopcheck.stubs;

import com.github.javaparser.ast.Node;

/**
 * A problem found at a node of a stub file while it is read; the reader keeps the first one by
 * position and turns it into a {@link StubFileException}.
 */
final class StubProblem extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  StubProblem(Node at, String message) {
    this(
        at.getBegin().map(p -> p.line).orElse(1),
        at.getBegin().map(p -> p.column).orElse(1),
        message);
  }

  StubProblem(int line, int column, String message) {
    super(message, null, false, false);
    this.line = line;
    this.column = column;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
