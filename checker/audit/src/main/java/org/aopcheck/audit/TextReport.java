package org.aopcheck.audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain-text report: findings grouped by source file (in the samples, one file is one form of
 * one case), one {@code path:line: CheckName: message} line each, then a count.
 */
final class TextReport {
  private TextReport() {}

  static void print(List<Finding> findings, int filesChecked, PrintWriter out) {
    Map<Path, Integer> perFile = new LinkedHashMap<>();
    for (Finding finding : findings) {
      perFile.merge(finding.file(), 1, Integer::sum);
    }
    Path currentFile = null;
    for (Finding finding : findings) {
      if (!finding.file().equals(currentFile)) {
        if (currentFile != null) {
          out.println();
        }
        currentFile = finding.file();
      }
      out.println(finding.render());
    }
    if (!findings.isEmpty()) {
      out.println();
    }
    out.println(
        findings.size()
            + (findings.size() == 1 ? " finding" : " findings")
            + " in "
            + perFile.size()
            + " of "
            + filesChecked
            + (filesChecked == 1 ? " file" : " files"));
  }
}
