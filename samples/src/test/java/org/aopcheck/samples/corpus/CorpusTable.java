package org.aopcheck.samples.corpus;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Renders the corpus test's table and its recall and precision totals. */
final class CorpusTable {
  /** One row: a sample file and what the corpus test saw for it. */
  record Row(SampleFile sample, Set<Finding> expected, Set<Finding> found, String runTime) {
    int matched() {
      Set<Finding> both = new TreeSet<>(expected);
      both.retainAll(found);
      return both.size();
    }

    String verdict() {
      if (expected.equals(found)) {
        return "OK";
      }
      Set<Finding> missed = new TreeSet<>(expected);
      missed.removeAll(found);
      Set<Finding> extra = new TreeSet<>(found);
      extra.removeAll(expected);
      return (missed.isEmpty() ? "" : "MISSED " + missed + " ")
          + (extra.isEmpty() ? "" : "EXTRA " + extra);
    }
  }

  private CorpusTable() {}

  static String render(List<Row> rows, List<String> checkNames) {
    StringBuilder out = new StringBuilder();
    out.append("\naopcheck corpus: ")
        .append(checkNames.isEmpty() ? "no aopcheck check on the class path" : checkNames)
        .append('\n');
    String format = "%-14s %-58s %-44s %-44s %-10s %s%n";
    out.append(
        String.format(
            format,
            "case",
            "file",
            "expected",
            "found",
            "verdict",
            "flagged statically / fails at run time"));
    List<Row> sorted =
        rows.stream()
            .sorted(Comparator.comparing((Row row) -> row.sample().toString()))
            .collect(Collectors.toList());
    for (Row row : sorted) {
      out.append(
          String.format(
              format,
              row.sample().caseName(),
              row.sample().sourceSet().name().toLowerCase(java.util.Locale.ROOT)
                  + ":"
                  + row.sample().className(),
              row.expected().isEmpty() ? "-" : row.expected().toString(),
              row.found().isEmpty() ? "-" : row.found().toString(),
              row.verdict(),
              row.runTime()));
    }
    Map<String, int[]> totals = new TreeMap<>();
    for (Row row : sorted) {
      for (String group : List.of(group(row.sample()), "whole corpus")) {
        int[] total = totals.computeIfAbsent(group, unused -> new int[3]);
        total[0] += row.expected().size();
        total[1] += row.found().size();
        total[2] += row.matched();
      }
    }
    out.append('\n');
    for (Map.Entry<String, int[]> total : totals.entrySet()) {
      int[] counts = total.getValue();
      out.append(
          String.format(
              "%-34s expected %4d  found %4d  matched %4d  recall %s  precision %s%n",
              total.getKey(),
              counts[0],
              counts[1],
              counts[2],
              percent(counts[2], counts[0]),
              percent(counts[2], counts[1])));
    }
    return out.toString();
  }

  private static String group(SampleFile sample) {
    String kase = sample.caseName();
    if (kase.equals("prepatch")) {
      return "12 patched call sites (pre)";
    }
    if (kase.startsWith("variants")) {
      return sample.buggy() ? "variants (buggy)" : "variants (fixed)";
    }
    if (kase.startsWith("K") || kase.startsWith("L")) {
      return sample.buggy() ? "kernel cases (buggy)" : "kernel cases (fixed)";
    }
    return kase.equals("post-patch") ? "post-patch (reference VM)" : "other correct code";
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "  n/a" : String.format("%5.1f%%", 100.0 * part / whole);
  }
}
