package org.aopcheck.stubs;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
import static org.aopcheck.annotations.PageState.LOCKED;
import static org.aopcheck.annotations.PageState.UNLOCKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.aopcheck.annotations.BestEffort;
import org.aopcheck.annotations.Locks;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.Redirties;
import org.aopcheck.annotations.Releases;
import org.aopcheck.annotations.TakesOver;
import org.aopcheck.annotations.Unlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Good stub files: what a method's key is and which annotations it carries. */
class StubContractsTest {
  @TempDir Path folder;

  private StubContracts load(String text) throws IOException, StubFileException {
    Path file = folder.resolve("test.astub");
    Files.writeString(file, text);
    return StubContracts.load(List.of(file));
  }

  private static MethodAnnotations find(
      StubContracts stubs, String type, String method, String... parameterTypes) {
    return stubs
        .find(type, method, List.of(parameterTypes))
        .orElseThrow(
            () ->
                new AssertionError(
                    "no "
                        + new MethodKey(type, method, List.of(parameterTypes))
                        + " in "
                        + stubs.methods()));
  }

  @Test
  void theDocumentedExampleStubIsReadAsTheDocsSay() throws URISyntaxException, StubFileException {
    Path example = Path.of(getClass().getResource("example-fs.astub").toURI());
    StubContracts stubs = StubContracts.load(List.of(example));

    MethodAnnotations readPage =
        find(
            stubs,
            "org.example.cachefs.CacheFsOperations",
            "readPage",
            "java.io.File",
            "org.example.cachefs.CachePage");
    assertEquals(
        List.of(PageOperation.class, MayReturn.class, PageParameter.class),
        List.copyOf(readPage.annotationTypes()));
    assertEquals(
        new PageOperationContract("readpage", UNLOCKED, UNLOCKED, UNLOCKED, LOCKED),
        readPage.pageOperation().orElseThrow());
    assertEquals(Set.of(TRUNCATED_PAGE), readPage.mayReturn().orElseThrow());
    assertEquals(OptionalInt.of(1), readPage.pageParameter());
    assertEquals(example + ":15", readPage.source());

    MethodAnnotations writePage =
        find(
            stubs,
            "org.example.cachefs.CacheFsOperations",
            "writePage",
            "org.example.cachefs.CachePage",
            "org.example.cachefs.CacheFsOperations.WritebackControl");
    assertEquals(Set.of(WRITEPAGE_ACTIVATE), writePage.mayReturn().orElseThrow());
    assertEquals(OptionalInt.of(0), writePage.pageParameter());
    assertEquals(
        "prepare_write",
        find(
                stubs,
                "org.example.cachefs.CacheFsOperations",
                "prepareWrite",
                "java.io.File",
                "org.example.cachefs.CachePage",
                "int",
                "int")
            .pageOperation()
            .orElseThrow()
            .name());

    assertTrue(find(stubs, "org.example.cachefs.CachePage", "lock").locks());
    assertTrue(find(stubs, "org.example.cachefs.CachePage", "unlock").unlocks());
    assertTrue(find(stubs, "org.example.cachefs.CachePage", "put").releases());
    assertTrue(find(stubs, "org.example.cachefs.CachePage", "markDirty").redirties());
    MethodAnnotations unlock = find(stubs, "org.example.cachefs.CachePage", "unlock");
    assertEquals(OptionalInt.empty(), unlock.pageParameter(), "no @PageParameter: the receiver");
    assertFalse(unlock.locks());
    assertEquals(
        new LooksUpContract(false),
        find(stubs, "org.example.cachefs.PageCache", "findGet", "long").looksUp().orElseThrow());
    assertEquals(
        new LooksUpContract(true),
        find(stubs, "org.example.cachefs.PageCache", "findLock", "long").looksUp().orElseThrow());
    assertTrue(
        find(
                stubs,
                "org.example.cachefs.PageCache",
                "readAhead",
                "java.io.File",
                "org.example.cachefs.CachePage[]")
            .bestEffort());
    assertEquals(11, stubs.methods().size());
    assertEquals(List.of(example), stubs.files());
  }

  @Test
  void everyMarkerAnnotationIsRecognised() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import org.aopcheck.annotations.*;

            class Reclaim {
              @TakesOver void keepLocked(@PageParameter Object page);
              @BestEffort void readahead();
              @Locks @Unlocks @Releases @Redirties void everything();
            }
            """);
    MethodAnnotations keep = find(stubs, "p.Reclaim", "keepLocked", "java.lang.Object");
    assertTrue(keep.takesOver());
    assertTrue(keep.has(TakesOver.class));
    assertEquals(OptionalInt.of(0), keep.pageParameter());
    assertTrue(find(stubs, "p.Reclaim", "readahead").has(BestEffort.class));
    MethodAnnotations everything = find(stubs, "p.Reclaim", "everything");
    assertEquals(
        List.of(Locks.class, Unlocks.class, Releases.class, Redirties.class),
        List.copyOf(everything.annotationTypes()));
    assertFalse(everything.takesOver());
    assertTrue(everything.pageOperation().isEmpty());
    assertTrue(everything.mayReturn().isEmpty());
    assertTrue(everything.looksUp().isEmpty());
  }

  @Test
  void annotationNamesResolveThroughEveryKindOfImport() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import org.aopcheck.annotations.AopCode;
            import org.aopcheck.annotations.MayReturn;
            import org.aopcheck.annotations.PageState;

            interface Ops {
              @org.aopcheck.annotations.PageOperation(
                  value = "commit_write",
                  onSuccess = PageState.LOCKED,
                  onError = org.aopcheck.annotations.PageState.LOCKED,
                  onTruncatedPage = PageState.UNLOCKED)
              @MayReturn({AopCode.TRUNCATED_PAGE, org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE})
              int commit(@org.aopcheck.annotations.PageParameter Object page);

              @MayReturn({})
              int quiet();

              @MayReturn(AopCode.WRITEPAGE_ACTIVATE)
              int single();
            }
            """);
    MethodAnnotations commit = find(stubs, "p.Ops", "commit", "java.lang.Object");
    assertEquals(
        new PageOperationContract("commit_write", LOCKED, LOCKED, UNLOCKED, LOCKED),
        commit.pageOperation().orElseThrow());
    assertEquals(Set.of(TRUNCATED_PAGE, WRITEPAGE_ACTIVATE), commit.mayReturn().orElseThrow());
    assertEquals(OptionalInt.of(0), commit.pageParameter());
    assertEquals(Set.of(), find(stubs, "p.Ops", "quiet").mayReturn().orElseThrow());
    assertEquals(
        Set.of(WRITEPAGE_ACTIVATE), find(stubs, "p.Ops", "single").mayReturn().orElseThrow());
  }

  @Test
  void staticImportsOfTheEnumConstantsOneByOneOrAll() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import static org.aopcheck.annotations.AopCode.*;
            import static org.aopcheck.annotations.PageState.LOCKED;
            import static org.aopcheck.annotations.PageState.UNLOCKED;

            import org.aopcheck.annotations.*;

            interface Ops {
              @PageOperation(
                  value = "writepage",
                  onSuccess = UNLOCKED,
                  onError = UNLOCKED,
                  onWritepageActivate = LOCKED)
              @MayReturn(WRITEPAGE_ACTIVATE)
              int writepage(@PageParameter Object page);
            }
            """);
    MethodAnnotations writepage = find(stubs, "p.Ops", "writepage", "java.lang.Object");
    assertEquals(
        new PageOperationContract("writepage", UNLOCKED, UNLOCKED, UNLOCKED, LOCKED),
        writepage.pageOperation().orElseThrow());
    assertEquals(Set.of(WRITEPAGE_ACTIVATE), writepage.mayReturn().orElseThrow());
  }

  @Test
  void nestedTypesAreNamedWithDots() throws Exception {
    StubContracts stubs =
        load(
            """
            package a.b;

            import org.aopcheck.annotations.*;

            class Outer {
              static class Cache {
                class Entry {}

                enum Mode { FAST }

                @Unlocks void unlock(Entry entry, Mode mode, Cache cache, Outer outer, Inner inner);
              }

              interface Inner {
                @Releases void put(Cache.Entry entry);
              }

              record Slot(int index) {
                @Locks void lock();
              }
            }
            """);
    find(
        stubs,
        "a.b.Outer.Cache",
        "unlock",
        "a.b.Outer.Cache.Entry",
        "a.b.Outer.Cache.Mode",
        "a.b.Outer.Cache",
        "a.b.Outer",
        "a.b.Outer.Inner");
    find(stubs, "a.b.Outer.Inner", "put", "a.b.Outer.Cache.Entry");
    find(stubs, "a.b.Outer.Slot", "lock");
  }

  @Test
  void overloadsAreDistinctMethods() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import org.aopcheck.annotations.*;

            class Page {
              @Releases void release();
              @Unlocks void release(int count);
              @Locks void release(long count, String reason);
              void release(byte[] unannotated);
            }
            """);
    assertTrue(find(stubs, "p.Page", "release").releases());
    assertTrue(find(stubs, "p.Page", "release", "int").unlocks());
    assertTrue(find(stubs, "p.Page", "release", "long", "java.lang.String").locks());
    assertTrue(stubs.find("p.Page", "release", List.of("byte[]")).isEmpty(), "no annotation");
    assertTrue(stubs.find("p.Page", "release", List.of("long")).isEmpty(), "no such overload");
    assertTrue(stubs.find("p.Other", "release", List.of()).isEmpty(), "no such type");
  }

  @Test
  void parameterTypesAreErasedAndResolvedThroughImportsAndPackage() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import java.io.File;
            import java.util.*;
            import org.aopcheck.annotations.*;

            class Generic<T extends Comparable<T>, U> {
              @Unlocks <P extends Page> void one(
                  P page, T key, U value, List<Map.Entry<String, File>> entries, Map.Entry<T, U> entry);

            }
            """);
    find(
        stubs,
        "p.Generic",
        "one",
        "p.Page",
        "java.lang.Comparable",
        "java.lang.Object",
        "java.util.List",
        "java.util.Map.Entry");
  }

  @Test
  void varargsArraysAndTypesOfOuterClasses() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import java.io.File;
            import java.util.*;
            import org.aopcheck.annotations.*;

            class Generic<T extends Comparable<T>, U> {
              @Releases void two(int[][] matrix, Runnable task, Page page, java.nio.file.Path path, String... names);

              class Inner {
                @Locks void three(T key, U value);
              }

              static class Nested<T> {
                @Locks void four(T unbounded);
              }
            }
            """);
    find(
        stubs,
        "p.Generic",
        "two",
        "int[][]",
        "java.lang.Runnable",
        "p.Page",
        "java.nio.file.Path",
        "java.lang.String[]");
    find(stubs, "p.Generic.Inner", "three", "java.lang.Comparable", "java.lang.Object");
    find(stubs, "p.Generic.Nested", "four", "java.lang.Object");
  }

  @Test
  void severalPackagesInOneFileWithSharedAndOwnImports() throws Exception {
    StubContracts stubs =
        load(
            """
            import org.aopcheck.annotations.*;

            package org.one;

            import java.io.File;

            class Fs {
              @Unlocks void unlock(File file, Buffer buffer);
            }

            class Buffer {}

            package org.two;

            // Not the package keyword: package org.three; "package"
            class Fs {
              @Unlocks void unlock(File file);
            }
            """);
    find(stubs, "org.one.Fs", "unlock", "java.io.File", "org.one.Buffer");
    // org.two does not see org.one's import of java.io.File: File is of its own package.
    find(stubs, "org.two.Fs", "unlock", "org.two.File");
    assertEquals(2, stubs.methods().size());
  }

  @Test
  void otherLibrariesAnnotationsAndUnannotatedDeclarationsAreIgnored() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import org.aopcheck.annotations.*;
            import org.checkerframework.checker.nullness.qual.Nullable;

            @Deprecated
            class Page {
              @Nullable Object data;

              Page(int size) {}

              @Override
              public String toString();

              @Deprecated @Nullable Object mapping();

              @Unlocks @SuppressWarnings("unused") void unlock(@Nullable Object reason);
            }
            """);
    assertEquals(1, stubs.methods().size());
    assertEquals(
        Set.of(Unlocks.class),
        find(stubs, "p.Page", "unlock", "java.lang.Object").annotationTypes());
  }

  @Test
  void aTypeDeclaredInTheStubWinsOverJavaLang() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;

            import org.aopcheck.annotations.*;

            class Process {}

            class Scheduler {
              @Unlocks void unlock(Process process, Thread thread);
            }
            """);
    find(stubs, "p.Scheduler", "unlock", "p.Process", "java.lang.Thread");
  }

  @Test
  void aFolderStandsForItsStubFilesInPathOrder() throws Exception {
    Path stubsFolder = Files.createDirectories(folder.resolve("stubs/nested"));
    Files.writeString(
        folder.resolve("stubs/b.astub"),
        "package p; import org.aopcheck.annotations.*; class B { @Unlocks void u(); }");
    Files.writeString(
        stubsFolder.resolve("a.astub"),
        "package p; import org.aopcheck.annotations.*; class A { @Locks void l(); }");
    Files.writeString(folder.resolve("stubs/notes.txt"), "not a stub @Unlock");
    StubContracts stubs = StubContracts.load(List.of(folder.resolve("stubs")));
    assertEquals(
        List.of(folder.resolve("stubs/b.astub"), stubsFolder.resolve("a.astub")), stubs.files());
    assertTrue(find(stubs, "p.B", "u").unlocks());
    assertTrue(find(stubs, "p.A", "l").locks());
  }

  @Test
  void theModelIsImmutable() throws Exception {
    StubContracts stubs =
        load(
            """
            package p;
            import org.aopcheck.annotations.*;
            import static org.aopcheck.annotations.AopCode.*;
            class A { @MayReturn(TRUNCATED_PAGE) int r(); }
            """);
    MethodAnnotations method = find(stubs, "p.A", "r");
    assertThrows(UnsupportedOperationException.class, () -> stubs.methods().clear());
    assertThrows(UnsupportedOperationException.class, () -> method.annotationTypes().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> method.mayReturn().orElseThrow().clear());
    assertThrows(
        UnsupportedOperationException.class, () -> method.method().parameterTypes().add("int"));
    assertTrue(StubContracts.empty().methods().isEmpty());
    assertTrue(StubContracts.load(List.of()).find("p.A", "r", List.of()).isEmpty());
  }
}
