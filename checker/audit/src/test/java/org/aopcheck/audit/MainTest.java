package org.aopcheck.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the command in-process, as a user's shell would, and asserts output and exit codes. */
class MainTest {
  @TempDir Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void noArgumentsIsAUsageErrorOnOneLine() {
    assertEquals(2, run());
    assertEquals(
        "aopcheck: no sources given: name a directory or .java files (see --help)\n",
        err.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("--format=xml", "x"));
    assertEquals("aopcheck: unknown option --format=xml (see --help)\n", err.toString());
  }

  @Test
  void missingDirectoryIsNamed() {
    assertEquals(2, run(directory.resolve("absent").toString()));
    assertTrue(err.toString().endsWith("absent: no such file or directory\n"), err.toString());
  }

  @Test
  void aFileThatIsNotJavaIsRejected() throws IOException {
    Path text = Files.writeString(directory.resolve("notes.txt"), "hello");
    assertEquals(2, run(text.toString()));
    assertTrue(
        err.toString().contains("notes.txt: not a .java file or a directory"), err.toString());
  }

  @Test
  void aDirectoryWithoutJavaFilesIsAnInputError() {
    assertEquals(2, run(directory.toString()));
    assertTrue(err.toString().contains("no .java files to check"), err.toString());
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().startsWith("usage: aopcheck"), out.toString());
  }

  @Test
  void sourcesThatDoNotCompileAreAnInputErrorNamingFileAndLine() throws IOException {
    Files.writeString(directory.resolve("Broken.java"), "class Broken {\n  int x = ;\n}\n");
    assertEquals(2, run(directory.toString()));
    String firstLine = err.toString().lines().findFirst().orElseThrow();
    assertTrue(firstLine.matches("aopcheck: .*Broken.java:2: .*"), firstLine);
  }

  @Test
  void cleanSourcesUsingTheReferenceVmExitZero() throws IOException {
    Files.writeString(
        directory.resolve("Clean.java"),
        """
        import org.aopcheck.vm.Page;

        class Clean {
          void touch(Page page) {
            page.lock();
            page.unlock();
          }
        }
        """);
    assertEquals(0, run(directory.toString()), err.toString());
    assertEquals("0 findings in 0 of 1 file\n", out.toString());
  }

  @Test
  void testSourcesBuildOutputAndNestedProjectsAreNotChecked() throws IOException {
    Path tests = Files.createDirectories(directory.resolve("src/test/java"));
    Files.writeString(tests.resolve("NeedsJUnit.java"), "class NeedsJUnit { org.junit.X x; }");
    Path nested = Files.createDirectories(directory.resolve("consumer/src/main/java"));
    Files.writeString(directory.resolve("consumer/pom.xml"), "<project/>");
    Files.writeString(nested.resolve("Other.java"), "class Other { Missing m; }");
    Path main = Files.createDirectories(directory.resolve("src/main/java"));
    Files.writeString(main.resolve("Fine.java"), "class Fine {}");
    assertEquals(0, run(directory.toString()), err.toString());
    assertEquals("0 findings in 0 of 1 file\n", out.toString());
  }

  @Test
  void findingsArePrintedGroupedByFolderWithACountAndExitOne() throws IOException {
    Path readers = Files.createDirectories(directory.resolve("readers"));
    Files.writeString(
        readers.resolve("ReadAndForget.java"),
        """
        import org.aopcheck.vm.OpenFile;
        import org.aopcheck.vm.Page;

        class ReadAndForget {
          void read(OpenFile file, Page page) {
            file.mapping().operations().readpage(file, page);
          }
        }
        """);
    Files.writeString(
        directory.resolve("Fine.java"),
        """
        class Fine {}
        """);
    assertEquals(1, run(directory.toString()), err.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals("== " + readers + ": 1 finding", lines.get(0));
    assertTrue(
        lines.get(1).startsWith(readers.resolve("ReadAndForget.java") + ":6: AopResultIgnored: "),
        lines.get(1));
    assertEquals("", lines.get(2));
    assertEquals("1 finding in 1 of 2 files", lines.get(3));
  }

  @Test
  void identicalInputGivesIdenticalOutput() throws IOException {
    Files.writeString(
        directory.resolve("Twice.java"),
        """
        import org.aopcheck.vm.OpenFile;
        import org.aopcheck.vm.Page;

        class Twice {
          void read(OpenFile file, Page first, Page second) {
            file.mapping().operations().readpage(file, second);
            file.mapping().operations().readpage(file, first);
          }
        }
        """);
    run(directory.toString());
    String first = out.toString();
    out.getBuffer().setLength(0);
    run(directory.toString());
    assertEquals(first, out.toString());
  }

  private static final String READ_AND_FORGET =
      """
      import org.aopcheck.vm.OpenFile;
      import org.aopcheck.vm.Page;

      class ReadAndForget {
        void read(OpenFile file, Page page) {
          file.mapping().operations().readpage(file, page);
        }
      }
      """;

  @Test
  void disabledChecksDoNotRun() throws IOException {
    Files.writeString(directory.resolve("ReadAndForget.java"), READ_AND_FORGET);
    assertEquals(0, run("--disable=AopResultIgnored", "--", directory.toString()), err.toString());
    assertEquals("0 findings in 0 of 1 file\n", out.toString());
  }

  @Test
  void anUnknownCheckToDisableIsAUsageError() {
    assertEquals(2, run("--disable", "AopNoSuchCheck", directory.toString()));
    assertTrue(
        err.toString()
            .startsWith("aopcheck: --disable: unknown check AopNoSuchCheck (the checks: "),
        err.toString());
  }

  @Test
  void stubFilesGiveUnannotatedApisTheirContract() throws IOException {
    Path library = Files.createDirectories(directory.resolve("src/org/example/cachefs"));
    Files.writeString(
        library.resolve("CachePage.java"),
        """
        package org.example.cachefs;

        public class CachePage {
          public void unlock() {}
          public void release() {}
        }
        """);
    Files.writeString(
        library.resolve("CacheFs.java"),
        """
        package org.example.cachefs;

        public interface CacheFs {
          int readPage(Object file, CachePage page);
        }
        """);
    Files.writeString(
        library.resolve("Reader.java"),
        """
        package org.example.cachefs;

        class Reader {
          void read(CacheFs fs, CachePage page) {
            int ret = fs.readPage(null, page);
            page.unlock();
            page.release();
          }
        }
        """);
    Path stub =
        Files.writeString(
            directory.resolve("cachefs.astub"),
            """
            import org.aopcheck.annotations.*;
            import static org.aopcheck.annotations.AopCode.*;
            import static org.aopcheck.annotations.PageState.*;

            package org.example.cachefs;

            public interface CacheFs {
              @PageOperation(value = "readpage", onSuccess = UNLOCKED, onError = UNLOCKED)
              @MayReturn(TRUNCATED_PAGE)
              int readPage(Object file, @PageParameter CachePage page);
            }

            public class CachePage {
              @Unlocks void unlock();
              @Releases void release();
            }
            """);
    Path sources = directory.resolve("src");
    assertEquals(0, run(sources.toString()), err.toString());
    out.getBuffer().setLength(0);
    assertEquals(1, run("--stubs", stub.toString(), sources.toString()), err.toString());
    assertTrue(out.toString().contains("Reader.java:6: AopDoubleUnlock: "), out.toString());
  }

  @Test
  void aMissingStubFileIsNamedWithItsAbsolutePath() {
    assertEquals(2, run("--stubs=nowhere.astub", directory.toString()));
    assertEquals(
        "aopcheck: "
            + Path.of("nowhere.astub").toAbsolutePath()
            + ": no such stub file or folder\n",
        err.toString());
  }

  @Test
  void aMissingSymbolKeepsJavacsDetailAndSuggestsTheClasspath() throws IOException {
    Files.writeString(directory.resolve("Missing.java"), "class Missing {\n  Foo foo;\n}\n");
    assertEquals(2, run(directory.toString()));
    List<String> lines = err.toString().lines().toList();
    assertTrue(
        lines.get(0).matches("aopcheck: .*Missing.java:2: cannot find symbol.*class Foo.*"),
        lines.get(0));
    assertTrue(lines.get(1).endsWith("(add what they need with --classpath)"), lines.get(1));
  }

  @Test
  void aSyntaxErrorDoesNotSuggestTheClasspathAndErrorsAreSorted() throws IOException {
    Files.writeString(
        directory.resolve("Broken.java"), "class Broken {\n  int x = ;\n  int y = ;\n}\n");
    assertEquals(2, run(directory.toString()));
    List<String> lines = err.toString().lines().toList();
    assertTrue(lines.get(0).contains("Broken.java:2: "), lines.get(0));
    assertTrue(lines.get(1).contains("Broken.java:3: "), lines.get(1));
    assertEquals("aopcheck: the sources do not compile, so they were not checked", lines.get(2));
  }

  @Test
  void aDirectoryWhoseJavaFilesAreAllSkippedSaysWhere() throws IOException {
    Path nested = Files.createDirectories(directory.resolve("module/src/main/java"));
    Files.writeString(directory.resolve("module/pom.xml"), "<project/>");
    Files.writeString(nested.resolve("A.java"), "class A {}");
    assertEquals(2, run(directory.toString()));
    assertTrue(
        err.toString()
            .contains(
                "no .java files to check (skipped, as tests, build output or nested"
                    + " Maven projects: "
                    + directory.resolve("module")
                    + "/)"),
        err.toString());
  }

  @Test
  void theReferenceVmsOwnCallersGiveNoFinding() {
    Path referenceVm = Path.of("../../reference-vm/src/main/java");
    assertEquals(0, run(referenceVm.toString()), err.toString() + out.toString());
  }
}
