package org.aopcheck.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad stub files: each kind of problem gives one line, {@code FILE:LINE: problem}, naming the first
 * line to fix.
 */
class StubFileErrorsTest {
  @TempDir Path folder;

  private Path write(String name, String text) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** Loads the text as {@code ext4.astub} and returns the message after the file name. */
  private String problem(String text) throws IOException {
    Path file = write("ext4.astub", text);
    StubFileException e =
        assertThrows(StubFileException.class, () -> StubContracts.load(List.of(file)));
    String prefix = file + ":";
    assertEquals(prefix, e.getMessage().substring(0, prefix.length()), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    assertEquals(file.toString(), e.file());
    assertEquals(e.getMessage(), file + ":" + e.line().orElseThrow() + ": " + e.problem());
    return e.getMessage().substring(prefix.length());
  }

  @Test
  void theMessageNamesTheFileAsGivenAndTheLine() throws IOException {
    Path stubs = Files.createDirectories(folder.resolve("stubs"));
    Files.writeString(
        stubs.resolve("ext4.astub"),
        """
        package fs;

        import org.aopcheck.annotations.*;

        class Ext4 {
          @Unlock void unlock();
        }
        """);
    StubFileException e =
        assertThrows(
            StubFileException.class,
            () -> StubContracts.load(List.of(folder.relativize(stubs).resolve("ext4.astub"))));
    // Relative to the working directory, as given: here it does not exist, and the message says
    // where it was looked for.
    assertEquals(
        "stubs/ext4.astub: no such stub file or folder (looked for "
            + Path.of("stubs/ext4.astub").toAbsolutePath()
            + ")",
        e.getMessage());

    e = assertThrows(StubFileException.class, () -> StubContracts.load(List.of(stubs)));
    assertEquals(
        stubs.resolve("ext4.astub") + ":6: unknown annotation @Unlock (did you mean @Unlocks?)",
        e.getMessage());
    assertEquals(OptionalInt.of(6), e.line());
    assertEquals("unknown annotation @Unlock (did you mean @Unlocks?)", e.problem());
  }

  @Nested
  class Files_ {
    @Test
    void aFileThatDoesNotExist() {
      Path missing = folder.resolve("missing.astub");
      StubFileException e =
          assertThrows(StubFileException.class, () -> StubContracts.load(List.of(missing)));
      assertEquals(missing + ": no such stub file or folder", e.getMessage());
      assertEquals(OptionalInt.empty(), e.line());
    }

    /**
     * {@code -XepOpt:Aop:Stubs=stubs} names a folder relative to where the compiler runs, which in
     * a multi-module Maven build is not the module: the message says "file or folder" and shows the
     * absolute path that was looked for.
     */
    @Test
    void aRelativeFolderThatDoesNotExistShowsWhereItWasLookedFor() {
      StubFileException e =
          assertThrows(
              StubFileException.class, () -> StubContracts.load(List.of(Path.of("no-such-stubs"))));
      Path resolved = Path.of("").toAbsolutePath().resolve("no-such-stubs");
      assertEquals(
          "no-such-stubs: no such stub file or folder (looked for " + resolved + ")",
          e.getMessage());
      assertEquals("no-such-stubs", e.file());
    }

    @Test
    void aFileThatIsNotUtf8() throws IOException {
      Path file = folder.resolve("latin1.astub");
      Files.write(file, new byte[] {'p', 'a', 'c', 'k', (byte) 0xE9, ';'});
      StubFileException e =
          assertThrows(StubFileException.class, () -> StubContracts.load(List.of(file)));
      assertEquals(file + ": not UTF-8 text", e.getMessage());
    }

    @Test
    void theSameMethodInTwoFiles() throws IOException {
      Path first =
          write(
              "first.astub",
              "package p;\n"
                  + "import org.aopcheck.annotations.*;\n"
                  + "class A {\n"
                  + "  @Unlocks void u();\n"
                  + "}\n");
      Path second =
          write(
              "second.astub",
              "package p;\n"
                  + "import org.aopcheck.annotations.*;\n\n"
                  + "class A {\n"
                  + "  @Locks void u();\n"
                  + "}\n");
      StubFileException e =
          assertThrows(StubFileException.class, () -> StubContracts.load(List.of(first, second)));
      assertEquals(second + ":5: p.A.u() is already described at " + first + ":4", e.getMessage());
    }
  }

  @Nested
  class Syntax {
    @Test
    void aMissingSemicolonAfterAMethod() throws IOException {
      assertEquals(
          "4: syntax error: found \"}\", expected \";\" or \"@\" or \"[\" or \"throws\" or \"{\"",
          problem(
              """
              package p;
              class A {
                int m(int x)
              }
              """));
    }

    @Test
    void aLongListOfExpectedTokensIsLeftOut() throws IOException {
      assertEquals(
          "3: syntax error: unexpected \"int\"",
          problem(
              """
              package p;
              class A {
                @Unlocks(1 int m(int x);
              }
              """));
    }

    @Test
    void aConstructorWithoutABody() throws IOException {
      assertEquals(
          "3: syntax error: found \";\", expected \"throws\" or \"{\"",
          problem(
              """
              package p;
              class A {
                A(int size);
              }
              """));
    }

    @Test
    void inALaterPackageSectionTheLineIsTheFilesLine() throws IOException {
      assertEquals(
          "7: syntax error: unexpected \"class\"",
          problem(
              """
              import org.aopcheck.annotations.*;
              package p;
              class A {}

              package q;

              class class B {}
              """));
    }
  }

  @Nested
  class Annotations {
    @Test
    void aMisspeltAnnotation() throws IOException {
      assertEquals(
          "5: unknown annotation @Unlock (did you mean @Unlocks?)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;

              class A {
                @Unlock void u();
              }
              """));
    }

    @Test
    void aMisspeltAnnotationWrittenFullyQualified() throws IOException {
      assertEquals(
          "3: unknown annotation @org.aopcheck.annotations.Release (did you mean @Releases?)",
          problem(
              """
              package p;
              class A {
                @org.aopcheck.annotations.Release void r();
              }
              """));
    }

    @Test
    void anUnknownNameInTheAnnotationsPackageWithoutSuggestion() throws IOException {
      assertEquals(
          "3: unknown annotation @org.aopcheck.annotations.Frobnicates",
          problem(
              """
              package p;
              class A {
                @org.aopcheck.annotations.Frobnicates void r();
              }
              """));
    }

    @Test
    void aSingleTypeImportOfAnUnknownName() throws IOException {
      assertEquals(
          "2: import org.aopcheck.annotations.Unlock names no type of the annotations jar"
              + " (did you mean Unlocks?)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.Unlock;
              class A {
                @Unlock void u();
              }
              """));
    }

    @Test
    void anAnnotationThatIsNotImported() throws IOException {
      assertEquals(
          "3: @Unlocks is not imported (add import org.aopcheck.annotations.Unlocks;"
              + " or import org.aopcheck.annotations.*;)",
          problem(
              """
              package p;
              class A {
                @Unlocks void u();
              }
              """));
    }

    @Test
    void theAnnotationsPackageImportedBeforeTheFirstPackageReachesEveryPackage()
        throws IOException {
      assertEquals(
          "7: unknown annotation @Lock (did you mean @Locks?)",
          problem(
              """
              import org.aopcheck.annotations.*;
              package p;
              class A { @Locks void l(); }

              package q;
              class B {
                @Lock void l();
              }
              """));
    }

    @Test
    void onADeclarationThatIsNotAMethod() throws IOException {
      assertEquals(
          "4: @Unlocks belongs on a method, not on a type declaration",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;

              @Unlocks class A {}
              """));
      assertEquals(
          "4: @Locks belongs on a method, not on a field",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                @Locks int locked;
              }
              """));
      assertEquals(
          "4: @LooksUp belongs on a method, not on a constructor",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                @LooksUp(locked = true) A() {}
              }
              """));
      assertEquals(
          "4: @Releases belongs on a method, not on a method parameter",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                void put(@Releases Object page);
              }
              """));
    }

    @Test
    void pageParameterOnAnythingButAMethodParameter() throws IOException {
      assertEquals(
          "4: @PageParameter belongs on a method parameter, not on a method",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                @PageParameter int readpage(Object page);
              }
              """));
      assertEquals(
          "4: @PageParameter belongs on a method parameter, not on a constructor parameter",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                A(@PageParameter Object page) {}
              }
              """));
    }

    @Test
    void twiceOnOneMethod() throws IOException {
      assertEquals(
          "4: @Unlocks appears twice on u",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                @Unlocks @Unlocks void u();
              }
              """));
    }

    @Test
    void twoPageParameters() throws IOException {
      assertEquals(
          "5: only one parameter of copy may be @PageParameter",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                @Unlocks void copy(@PageParameter Object from,
                    @PageParameter Object to);
              }
              """));
    }

    @Test
    void inAnAnonymousClassWhichIsNotRead() throws IOException {
      assertEquals(
          "5: @Unlocks is in an anonymous or local class, whose methods aopcheck does not read",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                Object o = new Object() {
                  @Unlocks void u() {}
                };
              }
              """));
    }
  }

  @Nested
  class ElementValues {
    @Test
    void aConstantOfTheWrongEnum() throws IOException {
      assertEquals(
          "6: bad value for onSuccess of @PageOperation: AopCode.TRUNCATED_PAGE is not"
              + " a PageState (LOCKED, UNLOCKED)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              import static org.aopcheck.annotations.AopCode.*;
              import static org.aopcheck.annotations.PageState.*;
              interface Ops {
                @PageOperation(value = "readpage", onSuccess = TRUNCATED_PAGE, onError = UNLOCKED)
                int readpage(@PageParameter Object page);
              }
              """));
    }

    @Test
    void aConstantThatDoesNotExist() throws IOException {
      assertEquals(
          "4: bad value for @MayReturn: AopCode has no constant TRUNCATED"
              + " (did you mean TRUNCATED_PAGE?)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              interface Ops {
                @MayReturn(AopCode.TRUNCATED) int readpage(@PageParameter Object page);
              }
              """));
    }

    @Test
    void aStaticImportOfAConstantThatDoesNotExist() throws IOException {
      assertEquals(
          "3: import static org.aopcheck.annotations.PageState.UNLOCK: PageState has no constant"
              + " UNLOCK (did you mean UNLOCKED?)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              import static org.aopcheck.annotations.PageState.UNLOCK;
              interface Ops {}
              """));
    }

    @Test
    void aConstantThatIsNotImported() throws IOException {
      assertEquals(
          "4: bad value for onError of @PageOperation: LOCKED is not imported"
              + " (add import static org.aopcheck.annotations.PageState.LOCKED;"
              + " or import static org.aopcheck.annotations.PageState.*;)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              interface Ops {
                @PageOperation(value = "prepare_write", onSuccess = PageState.LOCKED, onError = LOCKED)
                int prepareWrite(@PageParameter Object page);
              }
              """));
    }

    @Test
    void aStringWhereAConstantBelongs() throws IOException {
      assertEquals(
          "4: bad value for onSuccess of @PageOperation: expected a PageState (LOCKED, UNLOCKED),"
              + " found \"LOCKED\"",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              interface Ops {
                @PageOperation(value = "w", onSuccess = "LOCKED", onError = PageState.LOCKED)
                int w(@PageParameter Object page);
              }
              """));
    }

    @Test
    void aNameWhereAStringBelongs() throws IOException {
      assertEquals(
          "5: bad value for value of @PageOperation: expected a string literal, found readpage",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              import static org.aopcheck.annotations.PageState.*;
              interface Ops {
                @PageOperation(value = readpage, onSuccess = UNLOCKED, onError = UNLOCKED)
                int readpage(@PageParameter Object page);
              }
              """));
    }

    @Test
    void aNumberWhereABooleanBelongs() throws IOException {
      assertEquals(
          "4: bad value for locked of @LooksUp: expected true or false, found 1",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class Cache {
                @LooksUp(locked = 1) Object findLock(long index);
              }
              """));
    }

    @Test
    void aMissingElement() throws IOException {
      assertEquals(
          "5: @PageOperation is missing onError",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              import static org.aopcheck.annotations.PageState.*;
              interface Ops {
                @PageOperation(value = "readpage", onSuccess = UNLOCKED)
                int readpage(@PageParameter Object page);
              }
              """));
      assertEquals(
          "4: @LooksUp is missing locked",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class Cache {
                @LooksUp Object findGet(long index);
              }
              """));
    }

    @Test
    void anElementThatDoesNotExist() throws IOException {
      assertEquals(
          "5: @PageOperation has no element onFailure (it has onError, onSuccess,"
              + " onTruncatedPage, onWritepageActivate, value)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              import static org.aopcheck.annotations.PageState.*;
              interface Ops {
                @PageOperation(value = "readpage", onSuccess = UNLOCKED, onFailure = UNLOCKED)
                int readpage(@PageParameter Object page);
              }
              """));
    }

    @Test
    void anElementSetTwice() throws IOException {
      assertEquals(
          "5: @PageOperation sets onSuccess twice",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              import static org.aopcheck.annotations.PageState.*;
              interface Ops {
                @PageOperation(value = "r", onSuccess = UNLOCKED, onSuccess = LOCKED, onError = UNLOCKED)
                int readpage(@PageParameter Object page);
              }
              """));
    }

    @Test
    void aMarkerAnnotationWithAValue() throws IOException {
      assertEquals(
          "4: @Unlocks takes no elements",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              class A {
                @Unlocks(true) void u();
              }
              """));
    }
  }

  @Nested
  class Keys {
    @Test
    void twoMethodsWithTheSameErasure() throws IOException {
      Path file = folder.resolve("ext4.astub");
      assertEquals(
          "6: p.A.put(java.util.List) is already described at " + file + ":5",
          problem(
              """
              package p;
              import java.util.List;
              import org.aopcheck.annotations.*;
              class A {
                @Releases void put(List<String> pages);
                @Releases void put(List<Integer> pages);
              }
              """));
    }

    @Test
    void aTypeThatAnOnDemandImportOfAnotherLibraryMightHold() throws IOException {
      assertEquals(
          "5: cannot tell which type Page is: import it by name or write it fully qualified"
              + " (import org.example.mm.*; is searched for JDK types only)",
          problem(
              """
              package p;
              import org.aopcheck.annotations.*;
              import org.example.mm.*;
              class A {
                @Unlocks void unlock(Page page);
              }
              """));
    }

    @Test
    void theEarliestProblemIsReported() throws IOException {
      assertEquals(
          "4: cannot tell which type Page is: import it by name or write it fully qualified"
              + " (import org.example.mm.*; is searched for JDK types only)",
          problem(
              """
              import org.aopcheck.annotations.*;
              import org.example.mm.*;
              class A {
                @Unlocks void unlock(Page page);
                @Unlock void later();
              }
              """));
    }
  }
}
