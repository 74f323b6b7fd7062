package org.aopcheck.samples.corpus;

/**
 * One finding, expected or reported: a check name on a line of a sample file. Ordered by line, then
 * check, so tables and messages are stable.
 */
record Finding(int line, String check) implements Comparable<Finding> {
  @Override
  public int compareTo(Finding other) {
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : check.compareTo(other.check);
  }

  @Override
  public String toString() {
    return line + ":" + check;
  }
}
