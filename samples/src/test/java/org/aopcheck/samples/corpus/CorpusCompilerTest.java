package org.aopcheck.samples.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus test's harness: markers are read as documented and plugin findings come back. */
class CorpusCompilerTest {
  @TempDir Path directory;

  @Test
  void pluginChecksOnTheProcessorPathReportFindingsByFileAndLine() throws IOException {
    Path sample =
        write(
            "Sample.java",
            "class Sample {",
            "  // expect: AopCorpusSelfTest",
            "  void corpusSelfTestTarget() {}",
            "  void other() {}",
            "}");
    CorpusCompiler compiler = new CorpusCompiler();
    assertTrue(
        compiler.checkNames().contains("AopCorpusSelfTest"), compiler.checkNames()::toString);
    Map<Path, Set<Finding>> findings = compiler.compile(List.of(sample));
    assertEquals(Set.of(new Finding(3, "AopCorpusSelfTest")), findings.get(sample));
    assertEquals(ExpectationMarkers.read(sample), findings.get(sample));
  }

  @Test
  void aSampleThatDoesNotCompileFailsWithTheCompilerMessage() throws IOException {
    Path sample = write("Broken.java", "class Broken { int x = ; }");
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class, () -> new CorpusCompiler().compile(List.of(sample)));
    assertTrue(failure.getMessage().contains("Broken.java"), failure::getMessage);
  }

  @Test
  void markersListSeveralChecksOrStackOnTheNextCodeLine() throws IOException {
    Path sample =
        write(
            "Markers.java",
            "class Markers {",
            "  // expect: AopDoubleUnlock, AopPageLeftLocked",
            "  // expect: AopTruncatedPageUse",
            "  void a() {}",
            "  void b() {}",
            "  // expect: AopResultIgnored",
            "  void c() {}",
            "}");
    assertEquals(
        Set.of(
            new Finding(4, "AopDoubleUnlock"),
            new Finding(4, "AopPageLeftLocked"),
            new Finding(4, "AopTruncatedPageUse"),
            new Finding(7, "AopResultIgnored")),
        ExpectationMarkers.read(sample));
  }

  @Test
  void aMarkerWithNoCodeAfterItOrNoCheckNameIsReportedWithFileAndLine() throws IOException {
    Path dangling = write("Dangling.java", "class Dangling {}", "// expect: AopDoubleUnlock");
    IllegalArgumentException danglingFailure =
        assertThrows(IllegalArgumentException.class, () -> ExpectationMarkers.read(dangling));
    assertTrue(
        danglingFailure.getMessage().contains("Dangling.java:2"), danglingFailure::getMessage);

    Path nameless = write("Nameless.java", "class Nameless {", "  // expect: double unlock", "}");
    IllegalArgumentException namelessFailure =
        assertThrows(IllegalArgumentException.class, () -> ExpectationMarkers.read(nameless));
    assertTrue(
        namelessFailure.getMessage().contains("Nameless.java:2"), namelessFailure::getMessage);
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = directory.resolve(name).toAbsolutePath().normalize();
    Files.write(file, List.of(lines));
    return file;
  }
}
