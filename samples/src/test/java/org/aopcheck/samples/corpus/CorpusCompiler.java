package org.aopcheck.samples.corpus;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a source root with javac, Error Prone and the aopcheck plugin in this JVM, as a user's
 * build does ({@code -Xplugin:ErrorProne}, the plugin found on the processor path), and returns the
 * aopcheck findings per file.
 *
 * <p>Only the aopcheck checks run (every Error Prone check named {@code Aop...} found on the class
 * path, each at WARN so that one file's findings cannot stop the analysis of another). A javac
 * error in a sample is not a finding: it fails the compilation with the compiler's message.
 */
final class CorpusCompiler {
  private static final Pattern CHECK_PREFIX = Pattern.compile("^\\[(Aop[A-Za-z]+)\\]");

  private final String classPath;
  private final List<String> checkNames;

  CorpusCompiler() {
    String surefireClassPath = System.getProperty("surefire.test.class.path");
    this.classPath =
        surefireClassPath != null && !surefireClassPath.isEmpty()
            ? surefireClassPath
            : System.getProperty("java.class.path");
    this.checkNames = discoverAopChecks();
  }

  /** The aopcheck check names found on the class path, sorted. */
  List<String> checkNames() {
    return checkNames;
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
   * @throws IllegalStateException if javac reports an error, with the compiler's messages
   */
  Map<Path, Set<Finding>> compile(List<Path> files) {
    Map<Path, Set<Finding>> findings = new HashMap<>();
    for (Path file : files) {
      findings.put(file, new TreeSet<>());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path outputDirectory;
    try {
      outputDirectory = Files.createTempDirectory("aopcheck-corpus");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for the corpus classes", e);
    }
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
      StringWriter compilerOutput = new StringWriter();
      boolean compiled =
          javac
              .getTask(
                  compilerOutput, fileManager, diagnostics, options(outputDirectory), null, units)
              .call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        String message = diagnostic.getMessage(Locale.ROOT);
        Matcher check = CHECK_PREFIX.matcher(message);
        if (check.find() && diagnostic.getSource() != null) {
          Path file = Path.of(diagnostic.getSource().toUri()).toAbsolutePath().normalize();
          findings
              .computeIfAbsent(file, unused -> new TreeSet<>())
              .add(new Finding((int) diagnostic.getLineNumber(), check.group(1)));
        } else if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(diagnostic.toString());
        }
      }
      if (!compiled || !errors.isEmpty()) {
        throw new IllegalStateException(
            "the corpus does not compile:\n" + String.join("\n", errors) + compilerOutput);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("javac file manager failed", e);
    }
    return findings;
  }

  private List<String> options(Path outputDirectory) {
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    for (String name : checkNames) {
      plugin.append(" -Xep:").append(name).append(":WARN");
    }
    return List.of(
        plugin.toString(),
        "-XDcompilePolicy=simple",
        "--should-stop=ifError=FLOW",
        "-proc:none",
        "-implicit:none",
        "-Xmaxwarns",
        "100000",
        "-Xmaxerrs",
        "100000",
        "-encoding",
        "UTF-8",
        "-classpath",
        classPath,
        "-processorpath",
        classPath,
        "-d",
        outputDirectory.toString());
  }

  private static List<String> discoverAopChecks() {
    Set<String> names = new TreeSet<>();
    ServiceLoader.load(BugChecker.class, CorpusCompiler.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::type)
        .forEach(
            type -> {
              BugPattern pattern = type.getAnnotation(BugPattern.class);
              String name =
                  pattern != null && !pattern.name().isEmpty()
                      ? pattern.name()
                      : type.getSimpleName();
              if (name.startsWith("Aop")) {
                names.add(name);
              }
            });
    return List.copyOf(names);
  }

  /** The class path the samples are compiled against, for messages. */
  String classPathSummary() {
    return classPath.split(File.pathSeparator).length + " entries";
  }
}
