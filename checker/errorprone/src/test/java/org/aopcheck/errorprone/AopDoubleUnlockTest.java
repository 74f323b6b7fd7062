package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopDoubleUnlockTest {
  private final CompilationTestHelper helper = InlineApi.helper(AopDoubleUnlock.class, getClass());

  /** L2: "any non-zero result means the page is still locked". */
  @Test
  void unlockOnAnyNonZeroWritepageResult() {
    helper
        .addSourceLines(
            "ShmemWriteback.java",
            """
            import api.*;

            class ShmemWriteback {
              int writeback(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret != 0) {
                  // BUG: Diagnostic contains: page `page` unlocked again at line 8, but writepage at line 5 returned a negative error and had already unlocked it
                  page.unlock();
                }
                page.release();
                return 0;
              }

              int fixed(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret == Codes.ACTIVATE) {
                  page.unlock();
                  ret = 0;
                }
                page.release();
                return ret;
              }
            }
            """)
        .doTest();
  }

  /** K11: prepare_write's non-zero result unlocks, which is wrong for AOP_TRUNCATED_PAGE. */
  @Test
  void pagecacheWriteBeginUnlocksAfterTruncation() {
    helper
        .addSourceLines(
            "WriteBegin.java",
            """
            import api.*;

            class WriteBegin {
              int writeBegin(Ops ops, Cache cache, Object file, Pg[] pagep) {
                Pg page = cache.findLock(0);
                int ret = ops.prepareWrite(file, page, 0, 10);
                if (ret != 0) {
                  // BUG: Diagnostic contains: returned AOP_TRUNCATED_PAGE and had already unlocked it; release the page and look it up again
                  page.unlock();
                  page.release();
                  return ret;
                }
                pagep[0] = page;
                return 0;
              }

              int fixed(Ops ops, Cache cache, Object file, Pg[] pagep) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int ret = ops.prepareWrite(file, page, 0, 10);
                  if (ret == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  if (ret != 0) {
                    page.unlock();
                    page.release();
                    return ret;
                  }
                  pagep[0] = page;
                  return 0;
                }
              }
            }
            """)
        .doTest();
  }

  /** K10: commit_write's code counted as bytes, then the page unlocked again. */
  @Test
  void commitWriteTruncationUnlockedAgain() {
    helper
        .addSourceLines(
            "Rework.java",
            """
            import api.*;

            class Rework {
              int write(Ops ops, Cache cache, Object file, int copied) {
                Pg page = cache.findLock(0);
                int status = ops.commitWrite(file, page, 0, copied);
                if (status < 0) {
                  page.unlock();
                  page.release();
                  return status;
                }
                if (status > 0) {
                  copied = Math.min(copied, status);
                }
                // BUG: Diagnostic contains: commit_write at line 6 returned AOP_TRUNCATED_PAGE
                page.unlock();
                page.release();
                return copied;
              }
            }
            """)
        .doTest();
  }

  /** readpage unlocks on every outcome (I/O completion on success); try/finally unlocks twice. */
  @Test
  void readpageSuccessAndTryFinally() {
    helper
        .addSourceLines(
            "Unlockers.java",
            """
            import api.*;

            class Unlockers {
              int afterRead(Ops ops, Cache cache, Object file) {
                Pg page = cache.findLock(0);
                int err = ops.readpage(file, page);
                if (err == 0) {
                  // BUG: Diagnostic contains: readpage at line 6 returned 0 and had already unlocked it
                  page.unlock();
                }
                page.release();
                return err == Codes.TRUNCATED ? 0 : err;
              }

              int writeInTry(Ops ops, Pg page, Wbc wbc) {
                int ret = 0;
                try {
                  ret = ops.writepage(page, wbc);
                } finally {
                  // BUG: Diagnostic contains: AopDoubleUnlock
                  page.unlock();
                }
                return ret == Codes.ACTIVATE ? 0 : ret;
              }

              int unlocksAfterPrepareWriteError(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int ret = ops.prepareWrite(file, page, 0, 1);
                  if (ret == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  page.unlock();
                  page.release();
                  return ret;
                }
              }

              void pageLookedUpUnlocked(Cache cache) {
                Pg page = cache.findGet(0);
                // BUG: Diagnostic contains: but it was already unlocked (returned unlocked by findGet
                page.unlock();
                page.release();
              }
            }
            """)
        .doTest();
  }

  /** A flag derived from the result, and a switch, mistaken and right. */
  @Test
  void flagsAndSwitches() {
    helper
        .addSourceLines(
            "Flags.java",
            """
            import api.*;

            class Flags {
              int flagMistaken(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                boolean failed = ret != 0;
                if (failed) {
                  // BUG: Diagnostic contains: AopDoubleUnlock
                  page.unlock();
                }
                return 0;
              }

              int flagRight(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                boolean activate = ret == Codes.ACTIVATE;
                if (activate) {
                  page.unlock();
                  ret = 0;
                }
                return ret;
              }

              int switchRight(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                switch (ret) {
                  case Codes.ACTIVATE:
                    page.unlock();
                    return 0;
                  default:
                    return ret;
                }
              }

              int switchMistaken(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                switch (ret) {
                  case 0:
                    return 0;
                  default:
                    // BUG: Diagnostic contains: returned a negative error and had already unlocked it
                    page.unlock();
                    return ret == Codes.ACTIVATE ? 0 : ret;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The {@code finally} block runs after a {@code return} inside {@code try}: an unlock there after
   * the callee returned AOP_TRUNCATED_PAGE (and unlocked the page) unlocks it twice.
   */
  @Test
  void unlockInFinallyAfterReturnOnTruncated() {
    helper
        .addSourceLines(
            "Prepare.java",
            """
            import api.*;
            import org.aopcheck.annotations.BestEffort;

            class Prepare {
              @BestEffort
              int prepare(Ops ops, Cache cache, Object f) {
                Pg page = cache.findLock(0);
                int ret;
                try {
                  ret = ops.prepareWrite(f, page, 0, 1);
                  if (ret == Codes.TRUNCATED) {
                    page.release();
                    return 0;
                  }
                  return ret;
                } finally {
                  // BUG: Diagnostic contains: prepare_write at line 10 returned AOP_TRUNCATED_PAGE
                  page.unlock();
                }
              }

              int prepareAndUnlockInFinally(Ops ops, Cache cache, Object f) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int ret = 0;
                  try {
                    ret = ops.prepareWrite(f, page, 0, 1);
                    if (ret == Codes.TRUNCATED) {
                      page.release();
                      continue;
                    }
                    return ret;
                  } finally {
                    if (ret != Codes.TRUNCATED) {
                      page.unlock();
                      page.release();
                    }
                  }
                }
              }
            }
            """)
        .doTest();
  }
}
