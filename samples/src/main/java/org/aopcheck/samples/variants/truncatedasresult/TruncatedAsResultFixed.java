package org.aopcheck.samples.variants.truncatedasresult;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.PageState.UNLOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * Variants of K17 / K11, fixed: after {@code AOP_TRUNCATED_PAGE} from {@code readpage} the page is
 * released and looked up again. Kernel: {@code mm/filemap.c do_read_cache_folio} (6.0) and the
 * callers after the 2005 patch.
 *
 * <p>Each method makes the page at {@code index} uptodate (reading it if needed) and releases it;
 * it returns 0, or a negative error if the page could not be read.
 */
public final class TruncatedAsResultFixed {
  private TruncatedAsResultFixed() {}

  /** Behind a helper with a contract: {@link #readLocked} passes the code up, declared. */
  public static int behindHelper(OpenFile file, long index) {
    while (true) {
      Page page = file.mapping().findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      if (page.isUptodate()) {
        page.unlock();
        page.release();
        return 0;
      }
      int ret = readLocked(file, page);
      page.release();
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        continue;
      }
      return ret != 0 ? -Errno.EIO : 0;
    }
  }

  /** Through a flag: the truncated page has its own flag, and is looked up again. */
  public static int throughFlag(OpenFile file, long index) {
    while (true) {
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
      boolean truncated = ret == AopCodes.AOP_TRUNCATED_PAGE;
      page.release();
      if (truncated) {
        continue;
      }
      return ret != 0 ? -Errno.EIO : 0;
    }
  }

  /** In a switch: the truncated page has its own case, which retries. */
  // The shape under test is a statement switch, as C has it; an arrow switch is another shape.
  @SuppressWarnings("StatementSwitchToExpressionSwitch")
  public static int inSwitch(OpenFile file, long index) {
    while (true) {
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
      page.release();
      switch (ret) {
        case 0:
          return 0;
        case AopCodes.AOP_TRUNCATED_PAGE:
          continue;
        default:
          return -Errno.EIO;
      }
    }
  }

  /** With an early return: the truncated page returns early too, to the look-up. */
  public static int withEarlyReturn(OpenFile file, long index) {
    while (true) {
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
      page.release();
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        continue;
      }
      if (ret != 0) {
        return -Errno.EIO;
      }
      return 0;
    }
  }

  /** In a loop with continue: a truncated page is retried at the same index. */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    int firstError = 0;
    long next = index;
    while (next <= index + 1) {
      Page page = mapping.findOrCreateLocked(next);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      if (page.isUptodate()) {
        page.unlock();
        page.release();
        next++;
        continue;
      }
      int ret = mapping.operations().readpage(file, page);
      page.release();
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        continue;
      }
      if (ret != 0 && firstError == 0) {
        firstError = -Errno.EIO;
      }
      next++;
    }
    return firstError;
  }

  /** {@code readpage} through a wrapper that declares the same contract. */
  @PageOperation(value = "readpage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(TRUNCATED_PAGE)
  static int readLocked(OpenFile file, @PageParameter Page page) {
    return file.mapping().operations().readpage(file, page);
  }
}
