package org.aopcheck.stubs;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a stub file at its top-level {@code package} declarations.
 *
 * <p>A Checker Framework stub file may hold several packages, each starting with its {@code
 * package} declaration, and imports before the first one; Java, and so JavaParser, allow one
 * package per file, after nothing but comments. Each section is therefore parsed on its own, as the
 * whole file's text with everything outside the section blanked, so that JavaParser's line and
 * column numbers are those of the file.
 */
final class StubSections {

  /**
   * The leading section (everything before the first top-level {@code package}: imports shared by
   * the whole file, or the whole file if it declares no package) and then one section per package.
   */
  static List<String> split(String text) {
    List<Integer> packageStarts = topLevelPackageKeywords(text);
    List<String> sections = new ArrayList<>();
    int leadingEnd = packageStarts.isEmpty() ? text.length() : packageStarts.get(0);
    sections.add(blankOutside(text, 0, leadingEnd));
    for (int i = 0; i < packageStarts.size(); i++) {
      int end = i + 1 < packageStarts.size() ? packageStarts.get(i + 1) : text.length();
      sections.add(blankOutside(text, packageStarts.get(i), end));
    }
    return sections;
  }

  /** Offsets of the keyword {@code package} outside braces, comments and literals. */
  private static List<Integer> topLevelPackageKeywords(String text) {
    List<Integer> starts = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (text.startsWith("//", i)) {
        i = indexOrEnd(text, "\n", i);
      } else if (text.startsWith("/*", i)) {
        i = indexOrEnd(text, "*/", i + 2) + 2;
      } else if (text.startsWith("\"\"\"", i)) {
        i = endOfQuoted(text, i + 3, "\"\"\"");
      } else if (c == '"' || c == '\'') {
        i = endOfQuoted(text, i + 1, String.valueOf(c));
      } else if (c == '{') {
        depth++;
        i++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i;
        while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        if (depth == 0 && text.startsWith("package", i) && end - i == "package".length()) {
          starts.add(i);
        }
        i = end;
      } else {
        i++;
      }
    }
    return starts;
  }

  private static int indexOrEnd(String text, String what, int from) {
    int index = text.indexOf(what, from);
    return index < 0 ? text.length() : index;
  }

  /** The offset after the closing delimiter, skipping backslash escapes. */
  private static int endOfQuoted(String text, int from, String delimiter) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '\\') {
        i += 2;
      } else if (text.startsWith(delimiter, i)) {
        return i + delimiter.length();
      } else if (delimiter.length() == 1 && text.charAt(i) == '\n') {
        return i; // an unterminated literal: let the parser report it
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static String blankOutside(String text, int start, int end) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if ((i < start || i >= end) && chars[i] != '\n' && chars[i] != '\r') {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  private StubSections() {}
}
