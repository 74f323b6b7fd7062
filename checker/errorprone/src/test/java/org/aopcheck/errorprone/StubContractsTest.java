package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unannotated third-party API described by a stub file ({@code -XepOpt:Aop:Stubs}) is checked
 * exactly like an annotated one; a bad stub file is one error naming the file and line.
 */
class StubContractsTest {
  private static final String LIBRARY =
      """
      package lib;

      public interface LibOps {
        int fill(Object file, LibPage page);
      }
      """;

  private static final String PAGE =
      """
      package lib;

      public class LibPage {
        public void unlock() {}
        public void put() {}
      }
      """;

  private static final String CALLER =
      """
      import lib.*;

      class Caller {
        int read(LibOps ops, LibPage page, Object file) {
          int ret = ops.fill(file, page);
          if (ret != 0) {
            page.unlock();
          }
          page.put();
          return 0;
        }
      }
      """;

  private static final String STUB =
      """
      import org.aopcheck.annotations.*;
      import static org.aopcheck.annotations.AopCode.*;
      import static org.aopcheck.annotations.PageState.*;

      package lib;

      public interface LibOps {
        @PageOperation(value = "readpage", onSuccess = UNLOCKED, onError = UNLOCKED)
        @MayReturn(TRUNCATED_PAGE)
        int fill(Object file, @PageParameter LibPage page);
      }

      public class LibPage {
        @Unlocks void unlock();
        @Releases void put();
      }
      """;

  @TempDir Path folder;

  @Test
  void unannotatedApiIsCheckedThroughItsStub() throws IOException {
    Path stub = Files.writeString(folder.resolve("lib.astub"), STUB);
    Map<String, String> sources =
        Map.of("lib/LibOps.java", LIBRARY, "lib/LibPage.java", PAGE, "Caller.java", CALLER);

    Javac.Result without = Javac.compile(sources, Javac.allDataflowChecksAt("ERROR"));
    assertTrue(without.success(), "without the stub the API means nothing: " + without.output());

    Javac.Result with =
        Javac.compile(sources, Javac.allDataflowChecksAt("ERROR") + " -XepOpt:Aop:Stubs=" + stub);
    assertFalse(with.success());
    List<String> errors = with.messages(Diagnostic.Kind.ERROR);
    assertTrue(
        errors.stream().anyMatch(m -> m.contains("[AopDoubleUnlock] page `page` unlocked again")),
        with.output());
    assertTrue(
        errors.stream().anyMatch(m -> m.contains("[AopTruncatedPageUnhandled]")), with.output());
  }

  @Test
  void badStubFileIsOneErrorNamingFileAndLine() throws IOException {
    Path stub =
        Files.writeString(
            folder.resolve("bad.astub"),
            STUB.replace("@Unlocks void unlock();", "@Unlock void unlock();"));
    Javac.Result result =
        Javac.compile(
            Map.of("lib/LibOps.java", LIBRARY, "lib/LibPage.java", PAGE, "Caller.java", CALLER),
            Javac.allDataflowChecksAt("ERROR") + " -XepOpt:Aop:Stubs=" + stub);
    assertFalse(result.success());
    List<String> stubErrors =
        result.messages(Diagnostic.Kind.ERROR).stream()
            .filter(m -> m.startsWith("aopcheck: bad stub file"))
            .toList();
    assertEquals(1, stubErrors.size(), result.output());
    assertTrue(
        stubErrors.get(0).contains(stub + ":14: unknown annotation @Unlock"), stubErrors.get(0));
    assertFalse(stubErrors.get(0).contains("\n"), stubErrors.get(0));
  }

  /**
   * {@code -XepOpt:Aop:Stubs=stubs} is resolved against the directory the compiler runs in (for
   * Maven, where {@code mvn} was started): a missing folder is one error saying "file or folder"
   * and where it was looked for.
   */
  @Test
  void missingRelativeStubFolderShowsTheResolvedPath() {
    Javac.Result result =
        Javac.compile(
            Map.of("lib/LibOps.java", LIBRARY, "lib/LibPage.java", PAGE, "Caller.java", CALLER),
            Javac.allDataflowChecksAt("ERROR") + " -XepOpt:Aop:Stubs=no-such-stubs");
    assertFalse(result.success());
    assertEquals(
        List.of(
            "aopcheck: bad stub file no-such-stubs: no such stub file or folder (looked for "
                + Path.of("no-such-stubs").toAbsolutePath()
                + ")"),
        result.messages(Diagnostic.Kind.ERROR),
        result.output());
  }
}
