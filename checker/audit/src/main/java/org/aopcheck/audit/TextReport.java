package org.aopcheck.audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plain-text report: findings grouped by the folder of their source file, one {@code path:line:
 * CheckName: message} line each, then a count.
 *
 * <p>A folder is a package, and in the bundled samples one package is one kernel case (or the
 * pre-patch call sites, or one kind of variant), so the groups are the cases. Findings arrive
 * sorted by path, line and column, so a group's findings are contiguous and the output is the same
 * bytes for the same input.
 */
final class TextReport {
  private TextReport() {}

  static void print(List<Finding> findings, int filesChecked, PrintWriter out) {
    Map<Path, Integer> perFolder = new LinkedHashMap<>();
    Map<Path, Integer> perFile = new LinkedHashMap<>();
    for (Finding finding : findings) {
      perFolder.merge(folderOf(finding), 1, Integer::sum);
      perFile.merge(finding.file(), 1, Integer::sum);
    }
    Path currentFolder = null;
    for (Finding finding : findings) {
      Path folder = folderOf(finding);
      if (!folder.equals(currentFolder)) {
        if (currentFolder != null) {
          out.println();
        }
        out.println("== " + folder + ": " + count(perFolder.get(folder), "finding"));
        currentFolder = folder;
      }
      out.println(finding.render());
    }
    if (!findings.isEmpty()) {
      out.println();
    }
    out.println(
        count(findings.size(), "finding")
            + " in "
            + perFile.size()
            + " of "
            + count(filesChecked, "file"));
  }

  private static Path folderOf(Finding finding) {
    return Objects.requireNonNullElse(finding.file().getParent(), Path.of("."));
  }

  private static String count(int number, String noun) {
    return number + " " + noun + (number == 1 ? "" : "s");
  }
}
