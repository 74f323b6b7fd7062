package org.aopcheck.audit;

import com.google.errorprone.BugCheckerInfo;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources with javac and the aopcheck Error Prone plugin, exactly as a Maven build with
 * the plugin does, and collects aopcheck's diagnostics. It is the one place that does so: the
 * {@code aopcheck} command, its benchmark and the samples' corpus test all call it. The plugin is
 * loaded from this JVM's {@code java.class.path}, which must therefore be the real class path.
 *
 * <p>Only aopcheck's checks run ({@code -XepDisableAllChecks}, then each check found on the
 * classpath re-enabled as a warning, so that no finding stops the compile of the rest); the exit
 * code is the command's decision, not javac's.
 */
public final class ErrorProneRun {
  /** Error Prone's message: {@code [CheckName] text}, then {@code (see link)} on its own line. */
  private static final Pattern ERROR_PRONE_MESSAGE =
      Pattern.compile("^\\[(\\w+)\\] (.*?)(?:\\s*\\(see [^)]*\\))?\\s*$", Pattern.DOTALL);

  /**
   * The findings of one run; aopcheck's own notes (an analysis abandoned, an internal error), which
   * are not findings; and the compile errors that kept it from checking everything.
   */
  public record Result(List<Finding> findings, List<String> notes, List<String> compileErrors) {}

  /** What to check besides the sources: classpath, stub files and checks to leave out. */
  public record Settings(List<Path> extraClasspath, List<Path> stubs, Set<String> disabledChecks) {
    public static final Settings DEFAULT = new Settings(List.of(), List.of(), Set.of());
  }

  private ErrorProneRun() {}

  /** What runs inside javac. */
  enum Plugins {
    /** javac alone: the floor. */
    NONE,
    /** Error Prone with every check disabled: the cost of hosting any Error Prone plugin. */
    ERROR_PRONE_WITHOUT_CHECKS,
    /** Error Prone running aopcheck's checks only: what {@code aopcheck} does. */
    AOPCHECK
  }

  /** The diagnostics of one compile and the time javac took to run it. */
  record Compilation(List<Diagnostic<? extends JavaFileObject>> diagnostics, long nanoseconds) {}

  public static Result check(List<Path> sources, Settings settings) {
    return collect(compile(sources, settings, Plugins.AOPCHECK).diagnostics());
  }

  /**
   * Compiles {@code sources} against the annotations, the reference VM and {@code extraClasspath}.
   * Only javac's own work is timed: setting up the file manager and the task is not.
   */
  static Compilation compile(List<Path> sources, Settings settings, Plugins plugins) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path outputDirectory = createTemporaryDirectory();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = new ArrayList<>();
      options.addAll(List.of("-d", outputDirectory.toString(), "-proc:none", "-implicit:none"));
      options.addAll(List.of("-encoding", "UTF-8", "-Xmaxwarns", "1000000", "-Xmaxerrs", "1000"));
      options.addAll(List.of("-classpath", joinPaths(classpathFor(settings.extraClasspath()))));
      if (plugins != Plugins.NONE) {
        options.addAll(List.of("-processorpath", System.getProperty("java.class.path")));
        options.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW"));
        options.add(errorProneOption(plugins == Plugins.AOPCHECK ? settings : null));
      }
      JavaCompiler.CompilationTask task =
          javac.getTask(
              new StringWriter(),
              fileManager,
              diagnostics,
              options,
              null,
              fileManager.getJavaFileObjectsFromPaths(sources));
      long start = System.nanoTime();
      task.call();
      long elapsed = System.nanoTime() - start;
      return new Compilation(diagnostics.getDiagnostics(), elapsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(outputDirectory);
    }
  }

  /** The names of aopcheck's checks: every BugChecker registered by a jar on our classpath. */
  public static List<String> checkNames() {
    return ServiceLoader.load(BugChecker.class, ErrorProneRun.class.getClassLoader()).stream()
        .map(provider -> BugCheckerInfo.create(provider.type()).canonicalName())
        .filter(name -> name.startsWith("Aop"))
        .sorted()
        .toList();
  }

  /**
   * Error Prone's option: only aopcheck's checks, as warnings; none at all when settings is null.
   */
  private static String errorProneOption(Settings settings) {
    StringBuilder option = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    if (settings == null) {
      return option.toString();
    }
    for (String check : checkNames()) {
      if (!settings.disabledChecks().contains(check)) {
        option.append(" -Xep:").append(check).append(":WARN");
      }
    }
    // The legacy-name fix can always point at the reference VM's constants, which are on the path.
    option.append(" -XepOpt:Aop:CodeConstants=").append(org.aopcheck.vm.AopCodes.class.getName());
    if (!settings.stubs().isEmpty()) {
      option
          .append(" -XepOpt:Aop:Stubs=")
          .append(
              String.join(
                  ",", settings.stubs().stream().map(p -> p.toAbsolutePath().toString()).toList()));
    }
    return option.toString();
  }

  private static Result collect(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      String message = diagnostic.getMessage(Locale.ROOT);
      Path file = sourcePath(diagnostic);
      Matcher errorProne = ERROR_PRONE_MESSAGE.matcher(message);
      if (diagnostic.getCode() != null
          && diagnostic.getCode().endsWith(".error.prone")
          && errorProne.matches()
          && file != null) {
        // The doc link is the check's name already printed; the fix suggestion, if any, stays.
        String text = oneLine(errorProne.group(2)).replaceAll("\\s*\\(see [^)]*\\)", "");
        if (text.startsWith("aopcheck")) {
          // The plugin speaking about itself ("aopcheck: analysis of ... abandoned", "aopcheck
          // internal error in ..."): a note for the user, not a finding in their code.
          notes.add(relativize(file) + ":" + diagnostic.getLineNumber() + ": " + text);
        } else {
          findings.add(
              new Finding(
                  relativize(file),
                  diagnostic.getLineNumber(),
                  diagnostic.getColumnNumber(),
                  errorProne.group(1),
                  text));
        }
      } else if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(diagnostic);
      }
    }
    findings.sort(Finding.ORDER);
    errors.sort(
        Comparator.comparing(
                (Diagnostic<? extends JavaFileObject> d) -> String.valueOf(sourcePath(d)))
            .thenComparingLong(Diagnostic::getLineNumber));
    List<String> compileErrors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      compileErrors.add(describeCompileError(error));
    }
    return new Result(List.copyOf(findings), List.copyOf(notes), List.copyOf(compileErrors));
  }

  /** One line: where, then javac's whole message (its symbol and location lines included). */
  private static String describeCompileError(Diagnostic<? extends JavaFileObject> error) {
    Path file = sourcePath(error);
    String message = oneLine(error.getMessage(Locale.ROOT).replace("\n", " "));
    if (file == null) {
      return message;
    }
    if (error.getLineNumber() < 1) {
      // javac could not read the file at all (a dangling link, a folder named *.java).
      return relativize(file) + ": cannot read the file";
    }
    return relativize(file) + ":" + error.getLineNumber() + ": " + message;
  }

  /** Whether javac's error says a class or package is missing: a missing classpath entry. */
  static boolean isMissingDependency(String compileError) {
    return compileError.contains("cannot find symbol")
        || compileError.contains("does not exist")
        || compileError.contains("cannot access");
  }

  private static Path sourcePath(Diagnostic<? extends JavaFileObject> diagnostic) {
    return diagnostic.getSource() == null ? null : Path.of(diagnostic.getSource().toUri());
  }

  /** The annotations, the reference VM and JUnit's API, wherever this tool loaded them from. */
  private static List<Path> classpathFor(List<Path> extraClasspath) {
    List<Path> classpath = new ArrayList<>();
    classpath.add(codeSource(org.aopcheck.annotations.PageOperation.class));
    classpath.add(codeSource(org.aopcheck.vm.Page.class));
    // The reference VM's conformance kit is written against JUnit 5's API.
    classpath.add(codeSource(org.junit.jupiter.api.Test.class));
    classpath.addAll(extraClasspath);
    return classpath;
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
    }
  }

  private static Path relativize(Path file) {
    Path workingDirectory = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String joinPaths(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  private static Path createTemporaryDirectory() {
    try {
      return Files.createTempDirectory("aopcheck-classes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless; the findings are what matters.
    }
  }
}
