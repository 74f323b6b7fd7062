package org.aopcheck.samples.variants.truncatedpageused;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.PageState.LOCKED;

import java.util.Arrays;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * Variants of K17, fixed: after {@code AOP_TRUNCATED_PAGE} the caller drops its reference to the
 * page, never touches it again, and looks the page up again (which finds or creates the page that
 * is in the cache now). Kernel: {@code mm/filemap.c do_read_cache_folio} after the 6.0 patch
 * "filemap: Handle AOP_TRUNCATED_PAGE in do_read_cache_folio()", and the callers the 2005 patch
 * fixed ({@code generic_file_buffered_write}: release, {@code continue}).
 *
 * <p>Each method writes {@link #DATA} over bytes {@code [0, 100)} of the page at {@code index}
 * (prepare_write, copy, commit_write) and returns 0 or a negative error.
 */
public final class TruncatedPageUsedFixed {
  /** The byte each method writes. */
  public static final byte DATA = 0x5a;

  private TruncatedPageUsedFixed() {}

  /**
   * Behind a helper with a contract: {@link #prepareLocked} declares the prepare_write outcomes.
   */
  public static int behindHelper(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = prepareLocked(file, page);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
      if (ret != 0) {
        page.unlock();
        page.release();
        return ret;
      }
      copyFromUser(page);
      ret = mapping.operations().commitWrite(file, page, 0, 100);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
      page.unlock();
      page.release();
      return ret;
    }
  }

  /** Through a flag: "truncated" releases the page and looks it up again. */
  public static int throughFlag(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = mapping.operations().prepareWrite(file, page, 0, 100);
      boolean truncated = ret == AopCodes.AOP_TRUNCATED_PAGE;
      if (truncated) {
        page.release();
        continue;
      }
      if (ret != 0) {
        page.unlock();
        page.release();
        return ret;
      }
      copyFromUser(page);
      ret = mapping.operations().commitWrite(file, page, 0, 100);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
      page.unlock();
      page.release();
      return ret;
    }
  }

  /** In a switch: the truncated-page case releases the page and looks it up again. */
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
          break;
        case AopCodes.AOP_TRUNCATED_PAGE:
          page.release();
          continue;
        default:
          break;
      }
      if (ret != 0) {
        page.unlock();
        page.release();
        return ret;
      }
      copyFromUser(page);
      ret = mapping.operations().commitWrite(file, page, 0, 100);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
      page.unlock();
      page.release();
      return ret;
    }
  }

  /**
   * With an early return: one attempt, which passes {@code AOP_TRUNCATED_PAGE} up at once, as its
   * contract declares, for the caller to retry.
   */
  @MayReturn(TRUNCATED_PAGE)
  public static int withEarlyReturn(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    int ret = mapping.operations().prepareWrite(file, page, 0, 100);
    if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
      page.release();
      return ret;
    }
    if (ret != 0) {
      page.unlock();
      page.release();
      return ret;
    }
    copyFromUser(page);
    ret = mapping.operations().commitWrite(file, page, 0, 100);
    if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
      page.release();
      return ret;
    }
    page.unlock();
    page.release();
    return ret;
  }

  /**
   * In a loop with continue: pages {@code index} and {@code index + 1}; after {@code
   * AOP_TRUNCATED_PAGE} the page is released and dropped, so the next round looks it up again.
   */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    long next = index;
    Page page = null;
    while (next <= index + 1) {
      if (page == null) {
        page = mapping.findOrCreateLocked(next);
        if (page == null) {
          return -Errno.ENOMEM;
        }
      }
      int ret = mapping.operations().prepareWrite(file, page, 0, 100);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        page = null;
        continue;
      }
      if (ret != 0) {
        page.unlock();
        page.release();
        return ret;
      }
      copyFromUser(page);
      ret = mapping.operations().commitWrite(file, page, 0, 100);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
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

  /** {@code prepare_write} through a wrapper that declares the same contract. */
  @PageOperation(value = "prepare_write", onSuccess = LOCKED, onError = LOCKED)
  @MayReturn(TRUNCATED_PAGE)
  static int prepareLocked(OpenFile file, @PageParameter Page page) {
    return file.mapping().operations().prepareWrite(file, page, 0, 100);
  }

  /** The copy from the user's buffer into the prepared range. */
  private static void copyFromUser(Page page) {
    Arrays.fill(page.data(), 0, 100, DATA);
  }
}
