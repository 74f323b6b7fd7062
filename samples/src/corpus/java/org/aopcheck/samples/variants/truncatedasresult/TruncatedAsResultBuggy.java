package org.aopcheck.samples.variants.truncatedasresult;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * Variants of K17 / K11, buggy: {@code AOP_TRUNCATED_PAGE} from {@code readpage} is taken as an
 * error (or passed up as one) instead of looking the page up again. Kernel: {@code mm/filemap.c
 * read_cache_page} (2.6.x-5.19) and the callers the 2005 patch fixed, before it.
 *
 * <p>Each method makes the page at {@code index} uptodate (reading it if needed) and releases it;
 * it returns 0, or a negative error if the page could not be read.
 */
public final class TruncatedAsResultBuggy {
  private TruncatedAsResultBuggy() {}

  /**
   * Behind a helper without a contract: {@link #readSucceeded} turns the result into a boolean. The
   * checker reports the helper, where the code is lost; it cannot see the caller, which only gets
   * "false".
   */
  public static int behindHelper(OpenFile file, long index) {
    Page page = file.mapping().findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    if (page.isUptodate()) {
      page.unlock();
      page.release();
      return 0;
    }
    boolean read = readSucceeded(file, page);
    page.release();
    return read ? 0 : -Errno.EIO;
  }

  /** Through a flag: "failed" is any non-zero result. */
  public static int throughFlag(OpenFile file, long index) {
    Page page = file.mapping().findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    if (page.isUptodate()) {
      page.unlock();
      page.release();
      return 0;
    }
    int ret = file.mapping().operations().readpage(file, page);
    // expect: AopTruncatedPageUnhandled
    boolean failed = ret != 0;
    page.release();
    return failed ? -Errno.EIO : 0;
  }

  /** In a switch: the truncated page lands in the default (error) case. */
  public static int inSwitch(OpenFile file, long index) {
    Page page = file.mapping().findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    if (page.isUptodate()) {
      page.unlock();
      page.release();
      return 0;
    }
    int ret = file.mapping().operations().readpage(file, page);
    switch (ret) {
      // expect: AopTruncatedPageUnhandled
      case 0:
        page.release();
        return 0;
      default:
        page.release();
        return -Errno.EIO;
    }
  }

  /** With an early return: any non-zero result returns at once, as an error. */
  public static int withEarlyReturn(OpenFile file, long index) {
    Page page = file.mapping().findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    if (page.isUptodate()) {
      page.unlock();
      page.release();
      return 0;
    }
    int ret = file.mapping().operations().readpage(file, page);
    // expect: AopTruncatedPageUnhandled
    if (ret != 0) {
      page.release();
      return -Errno.EIO;
    }
    page.release();
    return 0;
  }

  /**
   * In a loop with continue: pages {@code index} and {@code index + 1}; a failed page is skipped
   * and its result kept as the one to return, so the code itself is returned.
   */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    int firstError = 0;
    for (long next = index; next <= index + 1; next++) {
      Page page = mapping.findOrCreateLocked(next);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      if (page.isUptodate()) {
        page.unlock();
        page.release();
        continue;
      }
      int ret = mapping.operations().readpage(file, page);
      page.release();
      if (ret != 0) {
        if (firstError == 0) {
          firstError = ret;
        }
        continue;
      }
    }
    // expect: AopTruncatedPageUnhandled
    return firstError;
  }

  /** Starts the read; true if it started, which the caller takes as "the page will be read". */
  static boolean readSucceeded(OpenFile file, Page page) {
    int ret = file.mapping().operations().readpage(file, page);
    // expect: AopTruncatedPageUnhandled
    return ret == 0;
  }
}
