package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopImplementationLockStateTest {
  private final CompilationTestHelper helper =
      InlineApi.helper(AopImplementationLockState.class, getClass());

  /** K09: ecryptfs_writepage returned an error with the page still locked. */
  @Test
  void writepageErrorStillLocked() {
    helper
        .addSourceLines(
            "Ecryptfs.java",
            """
            import api.*;

            abstract class Ecryptfs implements Ops {
              abstract int encrypt(Pg page);

              @Override
              public int writepage(Pg page, Wbc wbc) {
                int rc = encrypt(page);
                if (rc != 0) {
                  page.clearUptodate();
                  // BUG: Diagnostic contains: writepage returns a negative error at line 12 with page `page` still locked
                  return rc;
                }
                page.setUptodate();
                page.unlock();
                return 0;
              }
            }
            """)
        .addSourceLines(
            "EcryptfsFixed.java",
            """
            import api.*;

            abstract class EcryptfsFixed implements Ops {
              abstract int encrypt(Pg page);

              @Override
              public int writepage(Pg page, Wbc wbc) {
                int rc = encrypt(page);
                if (rc != 0) {
                  page.clearUptodate();
                } else {
                  page.setUptodate();
                }
                page.unlock();
                return rc;
              }
            }
            """)
        .doTest();
  }

  /** K14: gfs2's readpage relocked the page before returning an error. */
  @Test
  void readpageRelocksOnError() {
    helper
        .addSourceLines(
            "Gfs2.java",
            """
            import api.*;

            abstract class Gfs2 implements Ops {
              abstract int acquireGlock();

              abstract int readLocked(Object file, Pg page);

              @Override
              public int readpage(Object file, Pg page) {
                page.unlock();
                int err = acquireGlock();
                if (err == 0) {
                  err = Codes.TRUNCATED;
                  page.lock();
                  page.unlock();
                }
                if (err != 0 && err != Codes.TRUNCATED) {
                  page.lock();
                }
                // BUG: Diagnostic contains: readpage returns a negative error at line 21 with page `page` still locked
                return err;
              }
            }
            """)
        .addSourceLines(
            "Gfs2Fixed.java",
            """
            import api.*;

            abstract class Gfs2Fixed implements Ops {
              abstract int acquireGlock();

              @Override
              public int readpage(Object file, Pg page) {
                page.unlock();
                int err = acquireGlock();
                if (err != 0) {
                  return err;
                }
                return Codes.TRUNCATED;
              }
            }
            """)
        .doTest();
  }

  @Test
  void truncatedStillLockedAndActivateAfterUnlocking() {
    helper
        .addSourceLines(
            "Fs.java",
            """
            import api.*;

            abstract class Fs implements Ops {
              abstract boolean busy();

              @Override
              public int prepareWrite(Object file, Pg page, int from, int to) {
                if (busy()) {
                  // BUG: Diagnostic contains: prepareWrite returns AOP_TRUNCATED_PAGE at line 10 with page `page` still locked
                  return Codes.TRUNCATED;
                }
                return 0;
              }

              @Override
              public int writepage(Pg page, Wbc wbc) {
                page.setDirty();
                if (!wbc.forReclaim) {
                  page.unlock();
                  return 0;
                }
                page.unlock();
                // BUG: Diagnostic contains: writepage returns AOP_WRITEPAGE_ACTIVATE at line 24 after page `page` was unlocked
                return Codes.ACTIVATE;
              }

              @Override
              public int commitWrite(Object file, Pg page, int from, int to) {
                if (busy()) {
                  page.unlock();
                  return Codes.TRUNCATED;
                }
                return 0;
              }
            }
            """)
        .doTest();
  }

  /** K07 fixed: shmem claims success outside reclaim, activates only for reclaim. */
  @Test
  void shmemWritepageIsClean() {
    helper
        .addSourceLines(
            "Shmem.java",
            """
            import api.*;

            abstract class Shmem implements Ops {
              abstract boolean moveToSwapCache(Pg page);

              @Override
              public int writepage(Pg page, Wbc wbc) {
                if (!wbc.forReclaim) {
                  page.setDirty();
                  page.unlock();
                  return 0;
                }
                if (moveToSwapCache(page)) {
                  page.unlock();
                  return 0;
                }
                page.setDirty();
                return Codes.ACTIVATE;
              }
            }
            """)
        .doTest();
  }
}
