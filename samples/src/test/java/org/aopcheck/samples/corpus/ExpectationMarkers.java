package org.aopcheck.samples.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code // expect: CheckName} markers of a sample file.
 *
 * <p>A marker says that the check reports a finding on the first line after it that is not itself a
 * marker. Several checks on one line are written {@code // expect: A, B} or as consecutive marker
 * lines. A marker followed by no code line is an error in the sample, reported with its file and
 * line.
 */
final class ExpectationMarkers {
  private static final Pattern MARKER = Pattern.compile("^\\s*//\\s*expect:\\s*(.*?)\\s*$");
  private static final Pattern CHECK_NAME = Pattern.compile("Aop[A-Za-z]+");

  private ExpectationMarkers() {}

  /** The expected findings of {@code file}. */
  static Set<Finding> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sample " + file, e);
    }
    Set<Finding> expected = new TreeSet<>();
    Set<String> pending = new TreeSet<>();
    int firstPendingLine = 0;
    for (int index = 0; index < lines.size(); index++) {
      int lineNumber = index + 1;
      Matcher marker = MARKER.matcher(lines.get(index));
      if (marker.matches()) {
        for (String name : marker.group(1).split(",")) {
          String check = name.trim();
          if (!CHECK_NAME.matcher(check).matches()) {
            throw new IllegalArgumentException(
                file
                    + ":"
                    + lineNumber
                    + ": marker names no check: '"
                    + lines.get(index).trim()
                    + "'");
          }
          pending.add(check);
        }
        if (firstPendingLine == 0) {
          firstPendingLine = lineNumber;
        }
        continue;
      }
      for (String check : pending) {
        expected.add(new Finding(lineNumber, check));
      }
      pending.clear();
      firstPendingLine = 0;
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException(
          file + ":" + firstPendingLine + ": marker with no code line after it");
    }
    return expected;
  }
}
