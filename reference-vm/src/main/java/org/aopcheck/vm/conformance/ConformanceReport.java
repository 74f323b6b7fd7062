package org.aopcheck.vm.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link ConformanceKit} found for one filesystem: the broken rules, each with a readable
 * message naming the operation, the outcome and the page.
 */
public final class ConformanceReport {
  /** One broken rule. */
  public record Violation(ConformanceRule rule, String message) {
    @Override
    public String toString() {
      return rule + ": " + message;
    }
  }

  private final String filesystem;
  private final List<Violation> violations;
  private final long calls;

  ConformanceReport(String filesystem, List<Violation> violations, long calls) {
    this.filesystem = filesystem;
    this.violations = List.copyOf(violations);
    this.calls = calls;
  }

  public String filesystem() {
    return filesystem;
  }

  /** Every violation, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  /** The violations of {@code rule}. */
  public List<Violation> violations(ConformanceRule rule) {
    List<Violation> matching = new ArrayList<>();
    for (Violation violation : violations) {
      if (violation.rule() == rule) {
        matching.add(violation);
      }
    }
    return matching;
  }

  /** Whether no rule was broken. */
  public boolean passed() {
    return violations.isEmpty();
  }

  /** How many operation calls the kit made. */
  public long calls() {
    return calls;
  }

  /** A readable account of {@code rule}'s violations: the first few messages and a count. */
  public String describe(ConformanceRule rule) {
    List<Violation> matching = violations(rule);
    StringBuilder text = new StringBuilder();
    text.append(filesystem).append(" breaks \"").append(rule.title()).append("\" ");
    text.append(matching.size()).append(" time(s):");
    for (int i = 0; i < Math.min(3, matching.size()); i++) {
      text.append("\n  ").append(matching.get(i).message());
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return filesystem
        + ": "
        + (passed() ? "conforms" : violations.size() + " violation(s) " + violations);
  }
}
