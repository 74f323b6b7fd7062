package org.aopcheck.samples.variants.truncatedunlockedagain;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.PageState.LOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * Variants of K10 / K11, fixed: after {@code prepare_write} returned {@code AOP_TRUNCATED_PAGE} the
 * page is only released (the filesystem unlocked it), then looked up again. Kernel: {@code
 * mm/filemap.c generic_file_buffered_write} after the 2005 patch.
 *
 * <p>Each method prepares the page at {@code index} for a write of 100 bytes, then unlocks and
 * releases it; it returns 0 or a negative error, retrying on {@code AOP_TRUNCATED_PAGE}.
 */
public final class TruncatedUnlockedAgainFixed {
  private TruncatedUnlockedAgainFixed() {}

  /**
   * Behind a helper with a contract: {@link #prepareLocked} declares the prepare_write outcomes;
   * the caller unlocks only when the page is still locked.
   */
  public static int behindHelper(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = prepareLocked(file, page);
      if (ret != 0) {
        if (ret != AopCodes.AOP_TRUNCATED_PAGE) {
          page.unlock();
        }
        page.release();
        if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
          continue;
        }
        return ret;
      }
      page.unlock();
      page.release();
      return 0;
    }
  }

  /** Through a flag: a separate "truncated" flag keeps the unlock off that path. */
  public static int throughFlag(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = mapping.operations().prepareWrite(file, page, 0, 100);
      boolean truncated = ret == AopCodes.AOP_TRUNCATED_PAGE;
      boolean failed = ret != 0;
      if (failed) {
        if (!truncated) {
          page.unlock();
        }
        page.release();
        if (truncated) {
          continue;
        }
        return ret;
      }
      page.unlock();
      page.release();
      return 0;
    }
  }

  /** In a switch: the truncated-page case only releases. */
  // The shape under test is a statement switch, as C has it; an arrow switch is another shape.
  @SuppressWarnings("StatementSwitchToExpressionSwitch")
  public static int inSwitch(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = mapping.operations().prepareWrite(file, page, 0, 100);
      switch (ret) {
        case 0:
          page.unlock();
          page.release();
          return 0;
        case AopCodes.AOP_TRUNCATED_PAGE:
          page.release();
          continue;
        default:
          page.unlock();
          page.release();
          return ret;
      }
    }
  }

  /**
   * With an early return: one attempt, which passes {@code AOP_TRUNCATED_PAGE} up as its contract
   * declares; the caller retries.
   */
  @MayReturn(TRUNCATED_PAGE)
  public static int withEarlyReturn(OpenFile file, long index) {
    Page page = file.mapping().findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    int ret = file.mapping().operations().prepareWrite(file, page, 0, 100);
    if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
      page.release();
      return ret;
    }
    if (ret != 0) {
      page.unlock();
      page.release();
      return ret;
    }
    page.unlock();
    page.release();
    return 0;
  }

  /** In a loop with continue: pages {@code index} and {@code index + 1}, retrying each. */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    long next = index;
    while (next <= index + 1) {
      Page page = mapping.findOrCreateLocked(next);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = mapping.operations().prepareWrite(file, page, 0, 100);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
      page.unlock();
      page.release();
      if (ret != 0) {
        return ret;
      }
      next++;
    }
    return 0;
  }

  /** {@code prepare_write} through a wrapper that declares the same contract. */
  @PageOperation(value = "prepare_write", onSuccess = LOCKED, onError = LOCKED)
  @MayReturn(TRUNCATED_PAGE)
  static int prepareLocked(OpenFile file, @PageParameter Page page) {
    return file.mapping().operations().prepareWrite(file, page, 0, 100);
  }
}
