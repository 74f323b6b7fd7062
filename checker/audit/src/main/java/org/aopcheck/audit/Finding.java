package org.aopcheck.audit;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * One diagnostic of an aopcheck check, as the command prints it.
 *
 * @param file the source file
 * @param line 1-based line
 * @param column 1-based column
 * @param check the check's name, e.g. {@code AopDoubleUnlock}
 * @param message the message on one line, without Error Prone's "see" link
 */
public record Finding(Path file, long line, long column, String check, String message) {
  /** Path, line, column, then check name: identical input gives identical output. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding finding) -> finding.file().toString())
          .thenComparingLong(Finding::line)
          .thenComparingLong(Finding::column)
          .thenComparing(Finding::check);

  /** {@code path:line: CheckName: message}. */
  String render() {
    return file + ":" + line + ": " + check + ": " + message;
  }
}
