package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopWritepageActivateUnhandledTest {
  private final CompilationTestHelper helper =
      InlineApi.helper(AopWritepageActivateUnhandled.class, getClass());

  /** K04: the page is unlocked on ACTIVATE, but 0x80000 still ends the loop and is returned. */
  @Test
  void writeCachePagesReturnsTheCode() {
    helper
        .addSourceLines(
            "WriteCachePages.java",
            """
            import api.*;
            import java.util.List;

            class WriteCachePages {
              int writeCachePages(Ops ops, List<Pg> dirty, Wbc wbc) {
                int ret = 0;
                boolean done = false;
                for (Pg page : dirty) {
                  if (done) {
                    break;
                  }
                  page.lock();
                  if (!page.clearDirtyForIo()) {
                    page.unlock();
                    continue;
                  }
                  ret = ops.writepage(page, wbc);
                  if (ret == Codes.ACTIVATE) {
                    page.unlock();
                  }
                  if (ret != 0 || --wbc.nrToWrite <= 0) {
                    done = true;
                  }
                }
                // BUG: Diagnostic contains: writepage at line 17 returned AOP_WRITEPAGE_ACTIVATE (the test `ret != 0` at line 21 took it as an error), and writeCachePages returns it to its caller at line 26
                return ret;
              }

              int fixed(Ops ops, List<Pg> dirty, Wbc wbc) {
                int ret = 0;
                for (Pg page : dirty) {
                  page.lock();
                  ret = ops.writepage(page, wbc);
                  if (ret == Codes.ACTIVATE) {
                    page.unlock();
                    ret = 0;
                  }
                  if (ret != 0 || --wbc.nrToWrite <= 0) {
                    break;
                  }
                }
                return ret;
              }
            }
            """)
        .doTest();
  }

  /** K05: the code recorded as an I/O error on the mapping. */
  @Test
  void writepageCallbackRecordsTheCodeAsAnError() {
    helper
        .addSourceLines(
            "WritepageCallback.java",
            """
            import api.*;

            class WritepageCallback {
              int writepageCb(Ops ops, Pg page, Wbc wbc, Cache mapping) {
                int ret = ops.writepage(page, wbc);
                if (ret != 0) {
                  // BUG: Diagnostic contains: (the test `ret != 0` at line 6 took it as an error), and on that path the result is passed to setError
                  mapping.setError(ret == -Codes.ENOSPC ? -Codes.ENOSPC : -Codes.EIO);
                }
                // BUG: Diagnostic contains: returns it to its caller
                return ret;
              }

              int fixed(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret == Codes.ACTIVATE) {
                  page.unlock();
                  ret = 0;
                }
                return ret;
              }
            }
            """)
        .doTest();
  }

  /** K08: eCryptfs' helper returns the code as an error. */
  @Test
  void helperReturnsTheCodeAsAnError() {
    helper
        .addSourceLines(
            "Ecryptfs.java",
            """
            import api.*;
            import org.aopcheck.annotations.PageParameter;
            import org.aopcheck.annotations.Releases;

            class Ecryptfs {
              @Releases
              int writepageAndReleaseLower(Ops lower, @PageParameter Pg lowerPage, Wbc wbc) {
                int rc = lower.writepage(lowerPage, wbc);
                if (rc != 0) {
                  System.err.println("Error calling lower writepage");
                  // BUG: Diagnostic contains: AOP_WRITEPAGE_ACTIVATE (the test `rc != 0` at line 9 took it as an error)
                  return rc;
                }
                lowerPage.release();
                return 0;
              }
            }
            """)
        .doTest();
  }

  /** Reclaim keeps the page and says so in its own terms; a declared passer is allowed. */
  @Test
  void reclaimAndDeclaredPassersAreClean() {
    helper
        .addSourceLines(
            "Reclaim.java",
            """
            import api.*;
            import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
            import org.aopcheck.annotations.MayReturn;

            class Reclaim {
              static final int PAGE_ACTIVATE = 1;
              static final int PAGE_SUCCESS = 2;

              int pageout(Ops ops, Lru lru, Pg page, Wbc wbc) {
                wbc.forReclaim = true;
                int res = ops.writepage(page, wbc);
                if (res == Codes.ACTIVATE) {
                  lru.activate(page);
                  return PAGE_ACTIVATE;
                }
                return PAGE_SUCCESS;
              }

              @MayReturn(WRITEPAGE_ACTIVATE)
              int forReclaimOnly(Ops ops, Pg page, Wbc wbc) {
                int res = ops.writepage(page, wbc);
                return res;
              }

              int flagged(Ops ops, Pg page, Wbc wbc) {
                int res = ops.writepage(page, wbc);
                boolean activate = res == Codes.ACTIVATE;
                if (activate) {
                  page.unlock();
                  return 0;
                }
                return res;
              }
            }
            """)
        .doTest();
  }
}
