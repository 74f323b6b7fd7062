package org.aopcheck.errorprone;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Runs javac in process with Error Prone and aopcheck, as a user's build does, and keeps every
 * diagnostic: for tests that count diagnostics or look at their kind, which the inline test helper
 * does not.
 */
final class Javac {
  /** What one compilation gave. */
  record Result(
      boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, String output) {
    List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
          .filter(d -> d.getKind() == kind)
          .map(d -> d.getMessage(null))
          .toList();
    }
  }

  private Javac() {}

  /**
   * Compiles {@code sources} (path to text) with {@code errorProneFlags} after -Xplugin:ErrorProne.
   */
  static Result compile(Map<String, String> sources, String errorProneFlags) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach(
        (path, text) ->
            files.add(
                new SimpleJavaFileObject(
                    URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                  }
                }));
    Path out;
    try {
      out = Files.createTempDirectory("aopcheck-javac");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options =
        List.of(
            "-d",
            out.toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            "-processorpath",
            System.getProperty("java.class.path"),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-Xplugin:ErrorProne -XepDisableAllChecks " + errorProneFlags);
    StringWriter output = new StringWriter();
    boolean success = compiler.getTask(output, null, diagnostics, options, null, files).call();
    return new Result(success, diagnostics.getDiagnostics(), output.toString());
  }

  /** Every dataflow check enabled at {@code level}: "-Xep:AopResultIgnored:ERROR ...". */
  static String allDataflowChecksAt(String level) {
    StringBuilder flags = new StringBuilder();
    for (org.aopcheck.core.Check check : org.aopcheck.core.Check.values()) {
      if (check.usesDataflow()) {
        flags.append(" -Xep:").append(check.checkName()).append(':').append(level);
      }
    }
    return flags.toString();
  }
}
