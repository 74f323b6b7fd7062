package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopTruncatedPageUseTest {
  private final CompilationTestHelper helper =
      InlineApi.helper(AopTruncatedPageUse.class, getClass());

  /** K17: after `err < 0` the stale page is waited on and returned as if read. */
  @Test
  void readCachePageWaitsOnTheStalePage() {
    helper
        .addSourceLines(
            "ReadCachePage.java",
            """
            import api.*;

            class ReadCachePage {
              Pg readCachePage(Ops ops, Cache cache, Object file) {
                Pg page = cache.findLock(0);
                int err = ops.readpage(file, page);
                if (err < 0) {
                  page.release();
                  return null;
                }
                // BUG: Diagnostic contains: page `page` is used at line 12 (call of waitUnlocked), but readpage at line 6 returned AOP_TRUNCATED_PAGE
                page.waitUnlocked();
                // Reported once per path: the uses below need the same fix.
                if (!page.isUptodate()) {
                  page.release();
                  return null;
                }
                return page;
              }
            }
            """)
        .doTest();
  }

  @Test
  void returningTheStalePageIsAUse() {
    helper
        .addSourceLines(
            "Lookup.java",
            """
            import api.*;

            class Lookup {
              Pg lookUp(Ops ops, Cache cache, Object file) {
                Pg page = cache.findLock(0);
                if (ops.readpage(file, page) < 0) {
                  page.release();
                  return null;
                }
                // BUG: Diagnostic contains: (returned to the caller)
                return page;
              }
            }
            """)
        .doTest();
  }

  /** filemap_nopage before the patch: any non-zero result fell through to lock_page. */
  @Test
  void nopageRelocksTheStalePage() {
    helper
        .addSourceLines(
            "Nopage.java",
            """
            import api.*;

            class Nopage {
              Pg nopage(Ops ops, Cache cache, Object file) {
                Pg page = cache.findLock(0);
                int error = ops.readpage(file, page);
                if (error == 0) {
                  page.waitUnlocked();
                  return page;
                }
                // BUG: Diagnostic contains: locked by lock
                page.lock();
                page.unlock();
                page.release();
                return null;
              }

              Pg afterThePatch(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int error = ops.readpage(file, page);
                  if (error == 0) {
                    page.waitUnlocked();
                    return page;
                  } else if (error == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  page.lock();
                  page.unlock();
                  page.release();
                  return null;
                }
              }
            }
            """)
        .doTest();
  }
}
