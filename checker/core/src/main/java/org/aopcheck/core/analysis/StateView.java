package org.aopcheck.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.aopcheck.core.analysis.Fact.FlagFact;
import org.aopcheck.core.analysis.Fact.IntFact;
import org.aopcheck.core.analysis.Fact.PageFact;
import org.aopcheck.core.analysis.State.PendingTruncation;

/**
 * A read-only description of one abstract state, for tests and debugging (the test-only state dump,
 * docs/engine.md §7): what the path knows of each variable, the AOP_TRUNCATED_PAGE outcomes it has
 * not handled yet, and whether it is retrying. The checks never use it.
 *
 * <p>{@link #toString()} is one line, e.g. {@code err = TRUNCATED_PAGE (readpage at line 8); page =
 * UNLOCKED_BY_CALLEE (readpage returned AOP_TRUNCATED_PAGE at line 8), owned, stale since line 8;
 * pending: readpage at line 8}.
 *
 * @param variables each variable the path knows something about, by name, with what it knows
 * @param aliases the names that hold the same object, each group as "p2 = page", sorted
 * @param pending the unhandled AOP_TRUNCATED_PAGE outcomes, as "readpage at line 8", sorted
 * @param settled the unhandled ones nothing can retry any more, reported at every exit, the same
 *     way
 * @param retrying whether the path went back around a loop to retry and has not looked up again
 */
public record StateView(
    SortedMap<String, String> variables,
    List<String> aliases,
    List<String> pending,
    List<String> settled,
    boolean retrying) {

  public StateView {
    variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
    aliases = List.copyOf(aliases);
    pending = List.copyOf(pending);
    settled = List.copyOf(settled);
  }

  static StateView of(State state) {
    SortedMap<String, String> variables = new TreeMap<>();
    for (Map.Entry<String, Fact> entry : state.facts().entrySet()) {
      variables.put(entry.getKey(), describe(entry.getValue()));
    }
    java.util.SortedSet<String> aliases = new java.util.TreeSet<>();
    for (String variable : state.aliasedVariables()) {
      aliases.add(String.join(" = ", new java.util.TreeSet<>(state.aliasesOf(variable))));
    }
    List<String> pending = new ArrayList<>();
    for (PendingTruncation truncation : state.pending().values()) {
      pending.add(describe(truncation));
    }
    Collections.sort(pending);
    List<String> settled = new ArrayList<>();
    for (State.SettledTruncation truncation : state.settled().values()) {
      settled.add(describe(truncation.truncation()));
    }
    Collections.sort(settled);
    return new StateView(variables, List.copyOf(aliases), pending, settled, state.retrying());
  }

  private static String describe(PendingTruncation truncation) {
    return truncation.origin().operation()
        + " at line "
        + truncation.origin().callPosition().line();
  }

  private static String describe(Fact fact) {
    if (fact instanceof IntFact value) {
      String atoms =
          EnumSet.copyOf(value.atoms()).stream()
              .map(IntAtom::name)
              .collect(Collectors.joining(" | "));
      if (value.origin() != null) {
        Origin origin = value.origin();
        return atoms
            + " ("
            + origin.operation()
            + " at line "
            + origin.callPosition().line()
            + ")"
            + origin.testClause();
      }
      return value.constantAt() != null
          ? atoms + " (constant at line " + value.constantAt().line() + ")"
          : atoms;
    } else if (fact instanceof FlagFact flag) {
      return String.valueOf(flag.value());
    } else if (fact instanceof Fact.NullFact) {
      return "null";
    }
    PageFact page = (PageFact) fact;
    StringBuilder text = new StringBuilder(page.lock().name());
    if (page.lockCause() != null) {
      text.append(" (").append(describe(page.lockCause())).append(')');
    }
    if (page.owned()) {
      text.append(", owned");
    }
    if (page.stale() != null) {
      text.append(", stale since line ").append(page.stale().callPosition().line());
    }
    if (page.firstReleaseSinceStale() != null) {
      text.append(", released at line ").append(page.firstReleaseSinceStale().line());
    }
    if (page.redirtied()) {
      text.append(", redirtied");
    }
    if (page.nonNull()) {
      text.append(", not null");
    }
    return text.toString();
  }

  private static String describe(Cause cause) {
    int line = cause.position().line();
    return switch (cause.kind()) {
      case ENTRY -> "on entry";
      case LOOK_UP -> "looked up by " + cause.what() + " at line " + line;
      case OUTCOME ->
          cause.what() + " returned " + cause.outcome().description() + " at line " + line;
      case LOCK -> "locked by " + cause.what() + " at line " + line;
      case UNLOCK -> "unlocked by " + cause.what() + " at line " + line;
    };
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    variables.forEach(
        (name, fact) -> {
          if (text.length() > 0) {
            text.append("; ");
          }
          text.append(name).append(" = ").append(fact);
        });
    if (!aliases.isEmpty()) {
      text.append(text.length() > 0 ? "; " : "")
          .append("aliases: ")
          .append(String.join(", ", aliases));
    }
    if (!pending.isEmpty()) {
      text.append(text.length() > 0 ? "; " : "")
          .append("pending: ")
          .append(String.join(", ", pending));
    }
    if (!settled.isEmpty()) {
      text.append(text.length() > 0 ? "; " : "")
          .append("settled: ")
          .append(String.join(", ", settled));
    }
    if (retrying) {
      text.append(text.length() > 0 ? "; " : "").append("retrying");
    }
    return text.length() > 0 ? text.toString() : "(nothing known)";
  }
}
