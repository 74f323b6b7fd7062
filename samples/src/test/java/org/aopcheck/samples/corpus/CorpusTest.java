package org.aopcheck.samples.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.aopcheck.samples.corpus.SampleFile.SourceSet;
import org.aopcheck.samples.dynamic.CrossCheck;
import org.aopcheck.samples.dynamic.CrossChecks;
import org.aopcheck.samples.prepatch.PrePatchScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus test: compiles every sample with Error Prone and the aopcheck plugin and compares the
 * findings, file by file, with the {@code // expect:} markers, exactly: nothing missed, nothing
 * extra. The fixed forms and the reference VM's own (post-patch) callers carry no marker, so they
 * must give no finding at all.
 *
 * <p>At the end it prints a table (case, file, expected, found, verdict, and whether the form is
 * flagged statically and fails at run time, from the {@link CrossChecks}, and for the pre-patch
 * call sites and their post-patch forms from the {@link PrePatchScenarios}) and recall and
 * precision over the whole corpus.
 */
@Tag("corpus")
class CorpusTest {
  private static final CorpusCompiler COMPILER = new CorpusCompiler();
  private static final Map<SourceSet, Map<Path, Set<Finding>>> FINDINGS =
      new EnumMap<>(SourceSet.class);
  private static final List<CorpusTable.Row> ROWS = new ArrayList<>();

  static Stream<SampleFile> samples() {
    return Stream.of(SourceSet.values())
        .flatMap(
            sourceSet -> {
              Path root = sourceSet.root();
              return CorpusCompiler.javaFiles(root).stream()
                  .map(path -> new SampleFile(sourceSet, root, path));
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void findingsMatchMarkers(SampleFile sample) {
    Set<Finding> expected = ExpectationMarkers.read(sample.path());
    Set<Finding> found = findingsOf(sample);
    Set<Finding> missed = new TreeSet<>(expected);
    missed.removeAll(found);
    Set<Finding> extra = new TreeSet<>(found);
    extra.removeAll(expected);
    ROWS.add(new CorpusTable.Row(sample, expected, found, runTimeColumn(sample, found)));
    assertTrue(
        missed.isEmpty() && extra.isEmpty(),
        () -> sample.relativePath() + ": missed " + missed + ", extra " + extra);
  }

  @AfterAll
  static void printTable() {
    System.out.println(CorpusTable.render(ROWS, COMPILER.checkNames()));
  }

  private static synchronized Set<Finding> findingsOf(SampleFile sample) {
    Map<Path, Set<Finding>> findings =
        FINDINGS.computeIfAbsent(
            sample.sourceSet(),
            sourceSet -> COMPILER.compile(CorpusCompiler.javaFiles(sourceSet.root())));
    return findings.getOrDefault(sample.path(), Set.of());
  }

  /**
   * "flagged / fails: [..]", "clean / passes", with "—" where the case has no run-time check. A
   * pre-patch call site runs its scenario ({@link PrePatchScenarios}) with the pre-patch and the
   * post-patch form: it fails, or behaves as the post-patch form does; the post-patch form (the
   * reference VM's class) runs the same scenario.
   */
  private static String runTimeColumn(SampleFile sample, Set<Finding> found) {
    String statically = found.isEmpty() ? "clean" : "flagged";
    if (sample.caseName().equals("prepatch")) {
      Optional<PrePatchScenarios.Site> site = PrePatchScenarios.byPrePatchClass(sample.className());
      if (site.isEmpty()) {
        return statically + " / —";
      }
      PrePatchScenarios.Outcome pre = site.get().runPrePatch();
      PrePatchScenarios.Outcome post = site.get().runPostPatch();
      return statically
          + " / "
          + (pre.equals(post) ? "same as post-patch (" + pre.summary() + ")" : pre.summary());
    }
    if (sample.sourceSet() == SourceSet.POST_PATCH) {
      return statically
          + " / "
          + PrePatchScenarios.byPostPatchClass(sample.className())
              .map(site -> site.runPostPatch().summary())
              .orElse("—");
    }
    Optional<CrossCheck> crossCheck = CrossChecks.forCase(sample.caseName());
    boolean isCaseForm =
        sample.className().endsWith("Buggy") || sample.className().endsWith("Fixed");
    if (crossCheck.isEmpty() || !isCaseForm) {
      return statically + " / —";
    }
    String atRunTime =
        (sample.buggy() ? crossCheck.get().runBuggy() : crossCheck.get().runFixed()).summary();
    return statically + " / " + atRunTime;
  }
}
