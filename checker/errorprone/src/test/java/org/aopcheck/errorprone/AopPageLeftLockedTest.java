package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopPageLeftLockedTest {
  private final CompilationTestHelper helper =
      InlineApi.helper(AopPageLeftLocked.class, getClass());

  /** K06: unionfs passes the lower page's ACTIVATE up, leaving the lower page locked. */
  @Test
  void stackedWritepageLeavesTheLowerPageLocked() {
    helper
        .addSourceLines(
            "Union.java",
            """
            import api.*;

            abstract class Union implements Ops {
              Ops lowerOps;
              Cache lowerCache;

              @Override
              public int writepage(Pg upper, Wbc wbc) {
                Pg lower = lowerCache.findLock(upper.index);
                int err = lowerOps.writepage(lower, wbc);
                if (err == Codes.ACTIVATE) {
                  upper.setDirty();
                  // BUG: Diagnostic contains: page `lower` is still locked when the method returns at line 14: writepage at line 10 returned AOP_WRITEPAGE_ACTIVATE and left it locked
                  return Codes.ACTIVATE;
                }
                lower.release();
                upper.unlock();
                return err;
              }
            }
            """)
        .doTest();
  }

  @Test
  void stackedWritepageFixed() {
    helper
        .addSourceLines(
            "Union.java",
            """
            import api.*;

            abstract class Union implements Ops {
              Ops lowerOps;
              Cache lowerCache;

              @Override
              public int writepage(Pg upper, Wbc wbc) {
                Pg lower = lowerCache.findLock(upper.index);
                if (lower == null) {
                  upper.setDirty();
                  upper.unlock();
                  return 0;
                }
                if (wbc.forReclaim) {
                  lower.setDirty();
                  lower.unlock();
                  lower.release();
                  upper.unlock();
                  return 0;
                }
                lower.clearDirtyForIo();
                int err = lowerOps.writepage(lower, wbc);
                if (err == Codes.ACTIVATE) {
                  err = 0;
                  lower.unlock();
                }
                lower.release();
                upper.unlock();
                return err;
              }
            }
            """)
        .doTest();
  }

  /** K08: a helper that owns its page returns on ACTIVATE with the page still locked. */
  @Test
  void helperThatReleasesItsPage() {
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
                  // BUG: Diagnostic contains: AopPageLeftLocked
                  return rc;
                }
                lowerPage.release();
                return 0;
              }

              @Releases
              int fixed(Ops lower, @PageParameter Pg lowerPage, Wbc wbc) {
                int rc = lower.writepage(lowerPage, wbc);
                if (rc == Codes.ACTIVATE) {
                  lowerPage.unlock();
                  rc = 0;
                }
                lowerPage.release();
                return rc;
              }
            }
            """)
        .doTest();
  }

  /** prepare_write's error leaves the page locked: the caller must unlock it. */
  @Test
  void prepareWriteErrorReturnedLocked() {
    helper
        .addSourceLines(
            "Writer.java",
            """
            import api.*;

            class Writer {
              int write(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int ret = ops.prepareWrite(file, page, 0, 1);
                  if (ret == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  if (ret < 0) {
                    page.release();
                    // BUG: Diagnostic contains: prepare_write at line 7 returned a negative error and left it locked
                    return ret;
                  }
                  page.unlock();
                  page.release();
                  return 0;
                }
              }

              int handedOver(Ops ops, Lru lru, Cache cache, Wbc wbc) {
                Pg page = cache.findLock(0);
                int res = ops.writepage(page, wbc);
                if (res == Codes.ACTIVATE) {
                  lru.activate(page);
                }
                return 0;
              }
            }
            """)
        .doTest();
  }
}
