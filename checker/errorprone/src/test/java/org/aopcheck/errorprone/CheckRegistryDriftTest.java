package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aopcheck.core.Check;
import org.junit.jupiter.api.Test;

/**
 * One check, one name everywhere: every entry of the engine's registry has a BugChecker class of
 * that simple name (with the registry's summary, severity and doc link), a line in the services
 * file, a test class, and a doc page {@code docs/checks/NAME.md}; and nothing exists under a name
 * the registry does not know.
 */
class CheckRegistryDriftTest {
  private static final String PACKAGE = "org.aopcheck.errorprone.";

  /** Checks whose class and doc page another branch contributes; listed, not failed, until then. */
  private static final Set<String> FROM_OTHER_BRANCHES = Set.of("AopLegacyName");

  private static final Path REPOSITORY = repositoryRoot();

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no docs/ above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static Set<String> servicesEntries() throws IOException {
    try (InputStream in =
        CheckRegistryDriftTest.class.getResourceAsStream(
            "/META-INF/services/com.google.errorprone.bugpatterns.BugChecker")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Class<?> classOrNull(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  /** What is missing for one check, as readable lines; empty when complete. */
  private static List<String> missing(Check check, Set<String> services) {
    List<String> problems = new ArrayList<>();
    String name = check.checkName();
    Class<?> checker = classOrNull(PACKAGE + name);
    if (checker == null) {
      problems.add("class " + PACKAGE + name);
    } else {
      if (!BugChecker.class.isAssignableFrom(checker)) {
        problems.add(name + " is not a BugChecker");
      }
      BugPattern pattern = checker.getAnnotation(BugPattern.class);
      if (pattern == null) {
        problems.add("@BugPattern on " + name);
      } else {
        if (!pattern.name().isEmpty() && !pattern.name().equals(name)) {
          problems.add(name + " @BugPattern name " + pattern.name());
        }
        if (!pattern.summary().equals(check.summary())) {
          problems.add(name + " summary differs from the registry: " + pattern.summary());
        }
        if (!pattern.severity().name().equals(check.defaultSeverity().name())) {
          problems.add(name + " severity " + pattern.severity() + " != " + check.defaultSeverity());
        }
        if (pattern.linkType() != BugPattern.LinkType.CUSTOM || !pattern.link().equals(check.docPath())) {
          problems.add(name + " link must be CUSTOM " + check.docPath());
        }
      }
    }
    if (!services.contains(PACKAGE + name)) {
      problems.add("services line " + PACKAGE + name);
    }
    if (classOrNull(PACKAGE + name + "Test") == null) {
      problems.add("test class " + PACKAGE + name + "Test");
    }
    if (!Files.isRegularFile(REPOSITORY.resolve(check.docPath()))) {
      problems.add("doc page " + check.docPath());
    }
    return problems;
  }

  @Test
  void everyRegisteredCheckHasClassTestServicesLineAndDocPage() throws IOException {
    Set<String> services = servicesEntries();
    List<String> problems = new ArrayList<>();
    for (Check check : Check.values()) {
      if (!FROM_OTHER_BRANCHES.contains(check.checkName())) {
        problems.addAll(missing(check, services));
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void checksFromOtherBranchesAreCompleteOnceTheyLand() throws IOException {
    Set<String> services = servicesEntries();
    List<String> problems = new ArrayList<>();
    for (String name : FROM_OTHER_BRANCHES) {
      problems.addAll(missing(Check.byName(name), services));
    }
    assumeTrue(problems.isEmpty(), () -> "not landed yet on this branch: " + problems);
  }

  @Test
  void nothingExistsUnderANameTheRegistryDoesNotKnow() throws IOException {
    Set<String> known =
        Arrays.stream(Check.values()).map(Check::checkName).collect(Collectors.toSet());
    List<String> unknown = new ArrayList<>();
    for (String entry : servicesEntries()) {
      String simple = entry.substring(entry.lastIndexOf('.') + 1);
      if (!known.contains(simple)) {
        unknown.add("services line " + entry);
      }
    }
    try (Stream<Path> pages = Files.list(REPOSITORY.resolve("docs/checks"))) {
      pages
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".md"))
          .map(f -> f.substring(0, f.length() - 3))
          .filter(n -> !known.contains(n))
          .forEach(n -> unknown.add("doc page docs/checks/" + n + ".md"));
    }
    Path classes = Path.of(AopDataflowChecker.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (Stream<Path> files = Files.walk(classes)) {
      files
          .filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
          .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .map(CheckRegistryDriftTest::classOrNull)
          .filter(c -> c != null && BugChecker.class.isAssignableFrom(c) && c.getAnnotation(BugPattern.class) != null)
          .filter(c -> !known.contains(c.getSimpleName()))
          .forEach(c -> unknown.add("BugChecker " + c.getName()));
    }
    assertTrue(unknown.isEmpty(), () -> "unknown to the registry: " + unknown);
  }
}
