package org.aopcheck.samples.corpus;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aopcheck.audit.ErrorProneRun;

/**
 * Compiles a source root with javac, Error Prone and the aopcheck plugin in this JVM, as a user's
 * build does, and returns the aopcheck findings per file.
 *
 * <p>The compile itself is {@link ErrorProneRun}, the same code the {@code aopcheck} command runs:
 * only the aopcheck checks (every check named {@code Aop...} on the class path, each at WARN so
 * that one file's findings cannot stop the analysis of another). A javac error in a sample, or a
 * note from the plugin about itself (an abandoned analysis, an internal error), is not a finding:
 * it fails the compilation with the message.
 */
final class CorpusCompiler {
  /** The samples compile against the test class path: the reference VM and samples' main code. */
  private final ErrorProneRun.Settings settings;

  CorpusCompiler() {
    List<Path> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      if (!entry.isEmpty()) {
        classpath.add(Path.of(entry));
      }
    }
    this.settings = new ErrorProneRun.Settings(classpath, List.of(), Set.of());
  }

  /** The aopcheck check names found on the class path, sorted. */
  List<String> checkNames() {
    return ErrorProneRun.checkNames();
  }

  /** The Java files under {@code sourceRoot}, sorted. */
  static List<Path> javaFiles(Path sourceRoot) {
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      return files
          .filter(path -> path.toString().endsWith(".java"))
          .map(Path::toAbsolutePath)
          .map(Path::normalize)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list sources under " + sourceRoot, e);
    }
  }

  /**
   * Compiles {@code files} together and returns, for each of them, the aopcheck findings reported
   * on it (files without findings map to an empty set).
   *
   * @throws IllegalStateException if javac reports an error or the plugin a note, with the messages
   */
  Map<Path, Set<Finding>> compile(List<Path> files) {
    ErrorProneRun.Result result = ErrorProneRun.check(files, settings);
    List<String> problems = new ArrayList<>(result.compileErrors());
    problems.addAll(result.notes());
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the corpus does not compile:\n" + String.join("\n", problems));
    }
    Map<Path, Set<Finding>> findings = new HashMap<>();
    for (Path file : files) {
      findings.put(file, new TreeSet<>());
    }
    for (org.aopcheck.audit.Finding finding : result.findings()) {
      findings
          .computeIfAbsent(finding.file().toAbsolutePath().normalize(), unused -> new TreeSet<>())
          .add(new Finding((int) finding.line(), finding.check()));
    }
    return findings;
  }
}
