package org.aopcheck.audit;

/** The exit codes of the {@code aopcheck} command. */
public enum ExitCode {
  /** The sources were checked and no finding was reported. */
  CLEAN(0),
  /** The sources were checked and at least one finding was reported. */
  FINDINGS(1),
  /** The command line was wrong or the input could not be checked (missing path, compile error). */
  USAGE_OR_INPUT_ERROR(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }
}
