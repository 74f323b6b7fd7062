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
}
