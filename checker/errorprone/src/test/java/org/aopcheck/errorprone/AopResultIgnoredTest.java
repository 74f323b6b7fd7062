package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class AopResultIgnoredTest {
  private final com.google.errorprone.CompilationTestHelper helper =
      InlineApi.helper(AopResultIgnored.class, getClass());

  /** read_pages before the 2005 patch: readpage's result is dropped, the page always to the LRU. */
  @Test
  void readPagesBeforeThePatch() {
    helper
        .addSourceLines(
            "ReadPages.java",
            """
            import api.*;
            import java.util.List;

            class ReadPages {
              void readPages(Ops ops, Cache cache, Lru lru, Object file, List<Pg> pages) {
                for (Pg page : pages) {
                  if (cache.addLocked(page, page.index) == 0) {
                    // BUG: Diagnostic contains: the result of readpage is discarded, but it may return AOP_TRUNCATED_PAGE
                    ops.readpage(file, page);
                    lru.add(page);
                  } else {
                    page.release();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /** read_pages after the patch keeps the result; a best-effort caller may also drop it (K01). */
  @Test
  void readPagesAfterThePatchAndBestEffortAreClean() {
    helper
        .addSourceLines(
            "ReadPages.java",
            """
            import api.*;
            import java.util.List;
            import org.aopcheck.annotations.BestEffort;

            class ReadPages {
              @BestEffort
              void afterThePatch(Ops ops, Cache cache, Lru lru, Object file, List<Pg> pages) {
                for (Pg page : pages) {
                  if (cache.addLocked(page, page.index) == 0) {
                    int ret = ops.readpage(file, page);
                    if (ret != Codes.TRUNCATED) {
                      lru.add(page);
                      continue;
                    }
                  }
                  page.release();
                }
              }

              @BestEffort
              void readaheadIgnoresTheResult(Ops ops, Cache cache, Lru lru, Object file, List<Pg> pages) {
                for (Pg page : pages) {
                  if (cache.addLocked(page, page.index) == 0) {
                    ops.readpage(file, page);
                    lru.add(page);
                  } else {
                    page.release();
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void discardedWritepageResult() {
    helper
        .addSourceLines(
            "Writeback.java",
            """
            import api.*;

            class Writeback {
              void write(Ops ops, Cache cache, Wbc wbc) {
                Pg page = cache.findLock(0);
                // BUG: Diagnostic contains: AOP_WRITEPAGE_ACTIVATE unlock the page
                ops.writepage(page, wbc);
                page.release();
              }
            }
            """)
        .doTest();
  }

  @Test
  void resultUsedInAConditionIsNotIgnored() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import api.*;

            class Reader {
              int read(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  if (ops.readpage(file, page) == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  page.release();
                  return 0;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * One mistake, one finding: with every check on, a discarded result is only AopResultIgnored, not
   * also AopPageLeftLocked for the ACTIVATE path or AopDoubleUnlock for the TRUNCATED path, which
   * are what keeping the result would have shown. The same code with the result kept and not tested
   * still reports the page left locked.
   */
  @Test
  void discardedResultIsTheOnlyFindingWithEveryCheckOn() {
    Map<String, String> sources =
        ErrorProneConventionsTest.apiAnd(
            "Writeback.java",
            """
            import api.*;

            class Writeback {
              void write(Ops ops, Cache cache, Wbc wbc) {
                Pg page = cache.findLock(0);
                ops.writepage(page, wbc);
                page.release();
              }

              void prepare(Ops ops, Cache cache, Object file) {
                Pg page = cache.findLock(0);
                ops.prepareWrite(file, page, 0, 1);
                page.unlock();
                page.release();
              }

              int kept(Ops ops, Cache cache, Wbc wbc) {
                Pg page = cache.findLock(0);
                int ret = ops.writepage(page, wbc);
                page.release();
                return ret < 0 ? ret : 0;
              }
            }
            """);
    Javac.Result result = Javac.compile(sources, Javac.allDataflowChecksAt("WARN"));
    assertTrue(result.success(), result.output());
    List<String> findings =
        result.diagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
            .map(d -> d.getLineNumber() + " " + d.getMessage(null).replaceAll("(?s)\\] .*", "]"))
            .sorted()
            .toList();
    assertEquals(
        List.of("12 [AopResultIgnored]", "21 [AopPageLeftLocked]", "6 [AopResultIgnored]"),
        findings,
        result.output());
  }
}
