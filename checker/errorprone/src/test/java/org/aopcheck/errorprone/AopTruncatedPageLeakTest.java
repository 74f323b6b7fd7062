package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopTruncatedPageLeakTest {
  private final CompilationTestHelper helper =
      InlineApi.helper(AopTruncatedPageLeak.class, getClass());

  @Test
  void retryWithoutReleasing() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import api.*;

            class Reader {
              int read(Ops ops, Cache cache, Object file) {
                while (true) {
                  // BUG: Diagnostic contains: page `page` is not released when it is looked up again at line 7, but readpage at line 8 returned AOP_TRUNCATED_PAGE
                  Pg page = cache.findLock(0);
                  int err = ops.readpage(file, page);
                  if (err == Codes.TRUNCATED) {
                    continue;
                  }
                  page.release();
                  return err;
                }
              }

              int fixed(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int err = ops.readpage(file, page);
                  if (err == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  page.release();
                  return err;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void releasedTwice() {
    helper
        .addSourceLines(
            "Writer.java",
            """
            import api.*;

            class Writer {
              int write(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int status = ops.prepareWrite(file, page, 0, 1);
                  if (status == Codes.TRUNCATED) {
                    page.release();
                  }
                  // BUG: Diagnostic contains: page `page` released again at line 12 after prepare_write at line 7 returned AOP_TRUNCATED_PAGE
                  page.release();
                  if (status == Codes.TRUNCATED) {
                    continue;
                  }
                  return status;
                }
              }
            }
            """)
        .doTest();
  }

  /** Read-ahead may give the page up, but must still drop its reference. */
  @Test
  void bestEffortGivingUpWithoutReleasing() {
    helper
        .addSourceLines(
            "Readahead.java",
            """
            import api.*;
            import org.aopcheck.annotations.BestEffort;

            class Readahead {
              @BestEffort
              void readOne(Ops ops, Cache cache, Lru lru, Object file) {
                Pg page = cache.findLock(0);
                int ret = ops.readpage(file, page);
                if (ret == Codes.TRUNCATED) {
                  // BUG: Diagnostic contains: not released when the method returns at line 11
                  return;
                }
                lru.add(page);
              }

              @BestEffort
              void fixed(Ops ops, Cache cache, Lru lru, Object file) {
                Pg page = cache.findLock(0);
                int ret = ops.readpage(file, page);
                if (ret == Codes.TRUNCATED) {
                  page.release();
                  return;
                }
                lru.add(page);
              }
            }
            """)
        .doTest();
  }

  /**
   * A {@code return} inside {@code try} runs the {@code finally} block first: the release there
   * happens on the TRUNCATED path too, so the page is not leaked (here the method gives the page
   * up, which {@code @BestEffort} allows).
   */
  @Test
  void returnInsideTryRunsTheFinallyBlockFirst() {
    helper
        .addSourceLines(
            "ReadOnce.java",
            """
            import api.*;
            import org.aopcheck.annotations.BestEffort;

            class ReadOnce {
              @BestEffort
              int read(Ops ops, Cache cache, Object f) {
                Pg page = cache.findGet(0);
                int ret;
                try {
                  page.lock();
                  ret = ops.readpage(f, page);
                  if (ret == Codes.TRUNCATED) return 0;
                  return ret;
                } finally {
                  page.release();
                }
              }
            }
            """)
        .doTest();
  }

  /** The same without the release in {@code finally} still leaks on the TRUNCATED path. */
  @Test
  void returnInsideTryWithoutReleaseStillLeaks() {
    helper
        .addSourceLines(
            "ReadOnce.java",
            """
            import api.*;
            import org.aopcheck.annotations.BestEffort;

            class ReadOnce {
              @BestEffort
              int read(Ops ops, Cache cache, Object f) {
                Pg page = cache.findGet(0);
                int ret;
                try {
                  page.lock();
                  ret = ops.readpage(f, page);
                  // BUG: Diagnostic contains: when the method returns at line 13
                  if (ret == Codes.TRUNCATED) return 0;
                  page.release();
                  return ret;
                } finally {
                  page.isUptodate();
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A page copied to a second local is one page under two names: released through one, it is
   * released (no leak reported for the other name).
   */
  @Test
  void aPageCopiedToASecondLocalIsReleasedThroughEitherName() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import api.*;

            class Reader {
              int read(Ops ops, Cache cache, Object f) {
                while (true) {
                  Pg page = cache.findLock(0);
                  Pg p2 = page;
                  int ret = ops.readpage(f, p2);
                  if (ret == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  page.release();
                  return ret;
                }
              }
            }
            """)
        .doTest();
  }

  /** Released under neither name, the one page is one leak. */
  @Test
  void aPageCopiedToASecondLocalAndReleasedUnderNeitherNameLeaks() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import api.*;

            class Reader {
              int read(Ops ops, Cache cache, Object f) {
                while (true) {
                  // BUG: Diagnostic contains: is not released when it is looked up again at line 7
                  Pg page = cache.findLock(0);
                  Pg p2 = page;
                  int ret = ops.readpage(f, p2);
                  if (ret == Codes.TRUNCATED) {
                    continue;
                  }
                  page.release();
                  return ret;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * TruncatedPageUsedBuggy.inLoopWithContinue: the stale page is kept and relocked across {@code
   * continue}; it is not null then, so {@code if (page == null)} skips the look-up and nothing is
   * leaked there. The same loop without that test looks a new page up over the stale one.
   */
  @Test
  void pageKeptAcrossContinueIsNotLookedUpAgain() {
    helper
        .addSourceLines(
            "Writer.java",
            """
            import api.*;

            class Writer {
              static void copyFromUser(Pg page) {}

              int keptPage(Ops ops, Cache cache, Object file, long index) {
                long next = index;
                Pg page = null;
                while (next <= index + 1) {
                  if (page == null) {
                    page = cache.findLock(next);
                    if (page == null) {
                      return -12;
                    }
                  }
                  int ret = ops.prepareWrite(file, page, 0, 100);
                  if (ret == Codes.TRUNCATED) {
                    page.lock();
                    continue;
                  }
                  if (ret != 0) {
                    page.unlock();
                    page.release();
                    return ret;
                  }
                  copyFromUser(page);
                  ret = ops.commitWrite(file, page, 0, 100);
                  if (ret == Codes.TRUNCATED) {
                    page.release();
                    page = null;
                    continue;
                  }
                  page.unlock();
                  page.release();
                  page = null;
                  if (ret != 0) {
                    return ret;
                  }
                  next++;
                }
                return 0;
              }

              int nullFirst(Ops ops, Cache cache, Object file, long index) {
                long next = index;
                Pg page = null;
                while (next <= index + 1) {
                  if (null != page) {
                    // the page in hand is tried again
                  } else {
                    page = cache.findLock(next);
                    if (page == null) {
                      return -12;
                    }
                  }
                  int ret = ops.prepareWrite(file, page, 0, 100);
                  if (ret == Codes.TRUNCATED) {
                    page.lock();
                    continue;
                  }
                  page.unlock();
                  page.release();
                  page = null;
                  next++;
                }
                return 0;
              }

              int alwaysLookedUp(Ops ops, Cache cache, Object file, long index) {
                long next = index;
                Pg page = null;
                while (next <= index + 1) {
                  // BUG: Diagnostic contains: page `page` is not released when it is looked up again at line 74
                  page = cache.findLock(next);
                  if (page == null) {
                    return -12;
                  }
                  int ret = ops.prepareWrite(file, page, 0, 100);
                  if (ret == Codes.TRUNCATED) {
                    page.lock();
                    continue;
                  }
                  page.unlock();
                  page.release();
                  page = null;
                  next++;
                }
                return 0;
              }
            }
            """)
        .doTest();
  }
}
