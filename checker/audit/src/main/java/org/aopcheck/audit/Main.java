package org.aopcheck.audit;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code aopcheck} command: checks a Java source tree with the aopcheck Error Prone plugin and
 * prints each finding as {@code path:line: CheckName: message}, then a count.
 *
 * <p>{@link #run} does the work and returns the exit code, so tests drive it in-process; {@link
 * #main} only exits with it.
 */
public final class Main {
  private Main() {}

  public static void main(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command.
   *
   * @return the process exit code, one of {@link ExitCode}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    try {
      Options options = Options.parse(args);
      if (options.help()) {
        out.println(Options.USAGE);
        return ExitCode.CLEAN.code();
      }
      List<java.nio.file.Path> sources = SourceTree.javaFiles(options.inputs());
      ErrorProneRun.Result result =
          ErrorProneRun.check(
              sources,
              new ErrorProneRun.Settings(
                  options.classpath(), options.stubs(), options.disabledChecks()));
      if (!result.compileErrors().isEmpty()) {
        for (String error : result.compileErrors()) {
          err.println("aopcheck: " + error);
        }
        err.println(
            "aopcheck: the sources do not compile, so they were not checked"
                + (result.compileErrors().stream().anyMatch(ErrorProneRun::isMissingDependency)
                    ? " (add what they need with --classpath)"
                    : ""));
        return ExitCode.USAGE_OR_INPUT_ERROR.code();
      }
      for (String note : result.notes()) {
        err.println(note);
      }
      TextReport.print(result.findings(), sources.size(), out);
      return result.findings().isEmpty() ? ExitCode.CLEAN.code() : ExitCode.FINDINGS.code();
    } catch (UsageException e) {
      err.println("aopcheck: " + e.getMessage());
      return ExitCode.USAGE_OR_INPUT_ERROR.code();
    } finally {
      out.flush();
      err.flush();
    }
  }
}
