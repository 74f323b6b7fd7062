package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopTruncatedPageUnhandledTest {
  private final CompilationTestHelper helper =
      InlineApi.helper(AopTruncatedPageUnhandled.class, getClass());

  /** do_generic_mapping_read before the patch: any readpage error goes to readpage_error. */
  @Test
  void genericMappingReadBeforeThePatch() {
    helper
        .addSourceLines(
            "GenericRead.java",
            """
            import api.*;

            class GenericRead {
              static class Desc {
                int error;
              }

              void read(Ops ops, Cache cache, Object file, Desc desc, long index) {
                while (true) {
                  Pg page = cache.findGet(index);
                  if (page == null) {
                    return;
                  }
                  if (!page.isUptodate()) {
                    page.lock();
                    int error = ops.readpage(file, page);
                    if (error != 0) {
                      // readpage_error:
                      // BUG: Diagnostic contains: readpage at line 16 returned AOP_TRUNCATED_PAGE (the test `error != 0` at line 17 took it as an error)
                      desc.error = error;
                      page.release();
                      return;
                    }
                  }
                  page.release();
                  index++;
                }
              }
            }
            """)
        .doTest();
  }

  /** After the patch: on AOP_TRUNCATED_PAGE release the page and goto find_page. */
  @Test
  void genericMappingReadAfterThePatch() {
    helper
        .addSourceLines(
            "GenericRead.java",
            """
            import api.*;

            class GenericRead {
              static class Desc {
                int error;
              }

              void read(Ops ops, Cache cache, Object file, Desc desc, long index) {
                while (true) {
                  Pg page = cache.findGet(index);
                  if (page == null) {
                    return;
                  }
                  if (!page.isUptodate()) {
                    page.lock();
                    int error = ops.readpage(file, page);
                    if (error != 0) {
                      if (error == Codes.TRUNCATED) {
                        page.release();
                        continue;
                      }
                      desc.error = error;
                      page.release();
                      return;
                    }
                  }
                  page.release();
                  index++;
                }
              }
            }
            """)
        .doTest();
  }

  /** page_cache_read before the patch returned readpage's result to its caller. */
  @Test
  void pageCacheReadBeforeThePatch() {
    helper
        .addSourceLines(
            "PageCacheRead.java",
            """
            import api.*;

            class PageCacheRead {
              int pageCacheRead(Ops ops, Cache cache, Object file, long offset) {
                Pg page = new Pg();
                int err = cache.addLocked(page, offset);
                if (err == 0) {
                  err = ops.readpage(file, page);
                  page.release();
                  // BUG: Diagnostic contains: pageCacheRead returns it to its caller at line 11
                  return err;
                }
                page.release();
                return err == -Codes.EEXIST ? 0 : err;
              }
            }
            """)
        .doTest();
  }

  /** After the patch: do { ... } while (ret == AOP_TRUNCATED_PAGE). */
  @Test
  void pageCacheReadAfterThePatch() {
    helper
        .addSourceLines(
            "PageCacheRead.java",
            """
            import api.*;

            class PageCacheRead {
              int pageCacheRead(Ops ops, Cache cache, Object file, long offset) {
                int ret;
                do {
                  Pg page = new Pg();
                  ret = cache.addLocked(page, offset);
                  if (ret == 0) {
                    ret = ops.readpage(file, page);
                  } else if (ret == -Codes.EEXIST) {
                    ret = 0;
                  }
                  page.release();
                } while (ret == Codes.TRUNCATED);
                return ret;
              }
            }
            """)
        .doTest();
  }

  /** generic_file_buffered_write after the patch: `continue` in do { } while (count > 0). */
  @Test
  void doWhileContinueRetry() {
    helper
        .addSourceLines(
            "BufferedWrite.java",
            """
            import api.*;

            class BufferedWrite {
              long write(Ops ops, Cache cache, Object file, long pos, long count) {
                long written = 0;
                long status = 0;
                do {
                  Pg page = cache.findLock(pos >> 12);
                  if (page == null) {
                    status = -12;
                    break;
                  }
                  status = ops.prepareWrite(file, page, 0, 10);
                  if (status != 0) {
                    if (status != Codes.TRUNCATED) {
                      page.unlock();
                    }
                    page.release();
                    if (status == Codes.TRUNCATED) {
                      continue;
                    }
                    break;
                  }
                  status = ops.commitWrite(file, page, 0, 10);
                  if (status == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  if (status == 0) {
                    written += 10;
                    count -= 10;
                    pos += 10;
                  }
                  page.unlock();
                  page.release();
                  if (status < 0) {
                    break;
                  }
                } while (count > 0);
                return written > 0 ? written : status;
              }
            }
            """)
        .doTest();
  }

  /** A labelled loop retried with `continue label`, the result tested twice. */
  @Test
  void labelledRetryAndResultTestedTwice() {
    helper
        .addSourceLines(
            "Nopage.java",
            """
            import api.*;

            class Nopage {
              Pg nopage(Ops ops, Cache cache, Object file, long index) {
                retryFind:
                while (true) {
                  Pg page = cache.findLock(index);
                  if (page == null) {
                    return null;
                  }
                  int error = ops.readpage(file, page);
                  if (error < 0) {
                    page.release();
                    return null;
                  }
                  if (error == Codes.TRUNCATED) {
                    page.release();
                    continue retryFind;
                  }
                  page.waitUnlocked();
                  return page;
                }
              }
            }
            """)
        .doTest();
  }

  /** K17 read_cache_page: only err < 0 is tested, the code falls through as success. */
  @Test
  void readCachePageTestsOnlyNegative() {
    helper
        .addSourceLines(
            "ReadCachePage.java",
            """
            import api.*;

            class ReadCachePage {
              Pg readCachePage(Ops ops, Cache cache, Object file, long index) {
                Pg page = cache.findLock(index);
                int err = ops.readpage(file, page);
                // BUG: Diagnostic contains: readpage at line 6 returned AOP_TRUNCATED_PAGE (the test `err < 0` at line 8 took it as success), but this path leaves the method
                if (err < 0) {
                  page.release();
                  return null;
                }
                page.waitUnlocked();
                if (!page.isUptodate()) {
                  page.release();
                  return null;
                }
                return page;
              }

              Pg fixed(Ops ops, Cache cache, Object file, long index) {
                while (true) {
                  Pg page = cache.findLock(index);
                  int err = ops.readpage(file, page);
                  if (err != 0) {
                    page.release();
                    if (err == Codes.TRUNCATED) {
                      continue;
                    }
                    return null;
                  }
                  page.waitUnlocked();
                  return page;
                }
              }
            }
            """)
        .doTest();
  }

  /** K10: commit_write's code taken as a byte count. */
  @Test
  void commitWriteCountedAsBytes() {
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
                  // BUG: Diagnostic contains: passed to min
                  copied = Math.min(copied, status);
                }
                page.unlock();
                page.release();
                return copied;
              }
            }
            """)
        .doTest();
  }

  /** A boolean flag derived from the result, a switch, and a helper declaring the code. */
  @Test
  void flagsSwitchesAndDeclaredHelpers() {
    helper
        .addSourceLines(
            "Precise.java",
            """
            import api.*;
            import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
            import org.aopcheck.annotations.MayReturn;

            class Precise {
              int withFlag(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int ret = ops.readpage(file, page);
                  boolean truncated = ret == Codes.TRUNCATED;
                  page.release();
                  if (truncated) {
                    continue;
                  }
                  return ret;
                }
              }

              int withSwitch(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int ret = ops.readpage(file, page);
                  page.release();
                  switch (ret) {
                    case Codes.TRUNCATED:
                      continue;
                    default:
                      return ret;
                  }
                }
              }

              @MayReturn(TRUNCATED_PAGE)
              int passesItUp(Ops ops, Pg page, Object file) {
                return ops.readpage(file, page);
              }

              int callerOfTheHelper(Cache cache, Object file, Ops ops) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int ret = passesItUp(ops, page, file);
                  page.release();
                  if (ret != Codes.TRUNCATED) {
                    return ret;
                  }
                }
              }

              int helperResultStored(Cache cache, Object file, Ops ops, int[] out) {
                Pg page = cache.findLock(0);
                int ret = passesItUp(ops, page, file);
                page.release();
                // BUG: Diagnostic contains: passesItUp at line 51 returned AOP_TRUNCATED_PAGE
                out[0] = ret;
                return 0;
              }

              int flagMixingTheCodeWithErrors(Ops ops, Cache cache, Object file) {
                Pg page = cache.findLock(0);
                int ret = ops.readpage(file, page);
                boolean failed = ret != 0;
                page.release();
                if (failed) {
                  // BUG: Diagnostic contains: (the test `ret != 0` at line 61 took it as an error)
                  return ret;
                }
                return 0;
              }
            }
            """)
        .doTest();
  }

  /** Read-ahead may give a truncated page up. */
  @Test
  void bestEffortGivesUp() {
    helper
        .addSourceLines(
            "Readahead.java",
            """
            import api.*;
            import org.aopcheck.annotations.BestEffort;

            class Readahead {
              @BestEffort
              void readOne(Ops ops, Cache cache, Lru lru, Object file) {
                Pg page = new Pg();
                if (cache.addLocked(page, 0) != 0) {
                  page.release();
                  return;
                }
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
}
