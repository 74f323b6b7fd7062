package org.aopcheck.stubs;

import java.util.OptionalInt;

/**
 * A stub file that cannot be used: missing, unreadable, not Java, or carrying an aopcheck
 * annotation that is unknown, misplaced or has a bad element value.
 *
 * <p>The message is one line, {@code FILE:LINE: problem} ({@code stubs/ext4.astub:12: unknown
 * annotation @Unlock (did you mean @Unlocks?)}), or {@code FILE: problem} where the problem is the
 * file itself ({@code stubs/ext4.astub: no such stub file or folder (looked for
 * /home/me/project/stubs/ext4.astub)}). Tools print it as it is, without a stack trace.
 */
public final class StubFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String problem;

  /** A problem at a line of the file; {@code line} counts from 1. */
  StubFileException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  /** A problem with the file as a whole. */
  StubFileException(String file, String problem) {
    super(file + ": " + problem);
    this.file = file;
    this.line = 0;
    this.problem = problem;
  }

  /** The file as it was named to {@link StubContracts#load}, or found in a named folder. */
  public String file() {
    return file;
  }

  /** The line, counting from 1; empty when the problem is the file as a whole. */
  public OptionalInt line() {
    return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** The problem, without the file and line. */
  public String problem() {
    return problem;
  }
}
