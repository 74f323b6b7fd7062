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
 * Variants of K17, buggy: after {@code AOP_TRUNCATED_PAGE} the caller goes on with the page it has
 * (relocks it and tries again) instead of looking the page up again. The filesystem returned the
 * code because it dropped the page lock, and the page may have been truncated or invalidated
 * meanwhile: a write into it then goes to a page that is no longer in the page cache, and is lost.
 * Kernel: {@code mm/filemap.c read_cache_page} (2.6.x-5.19), which waited on and tested the stale
 * page; before the 2005 patch {@code filemap_nopage} relocked and retried the same page.
 *
 * <p>Each method writes {@link #DATA} over bytes {@code [0, 100)} of the page at {@code index}
 * (prepare_write, copy, commit_write) and returns 0 or a negative error; {@code AOP_TRUNCATED_PAGE}
 * from commit_write is retried correctly, from a new lookup, so only the prepare_write path is
 * wrong.
 */
public final class TruncatedPageUsedBuggy {
  /** The byte each method writes. */
  public static final byte DATA = 0x5a;

  private TruncatedPageUsedBuggy() {}

  /**
   * Behind a helper with a contract: {@link #prepareLocked} declares the prepare_write outcomes, so
   * the checker follows the page through it and sees the caller relock the stale page.
   */
  public static int behindHelper(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = prepareLocked(file, page);
      while (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        // expect: AopTruncatedPageUse
        page.lock();
        ret = prepareLocked(file, page);
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

  /** Through a flag: "truncated" sends the page round again, relocked. */
  public static int throughFlag(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      int ret = mapping.operations().prepareWrite(file, page, 0, 100);
      boolean truncated = ret == AopCodes.AOP_TRUNCATED_PAGE;
      while (truncated) {
        // expect: AopTruncatedPageUse
        page.lock();
        ret = mapping.operations().prepareWrite(file, page, 0, 100);
        truncated = ret == AopCodes.AOP_TRUNCATED_PAGE;
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
   * In a switch: the truncated-page case relocks the page and tries it once more; only if that
   * fails too does it look the page up again.
   */
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
          // expect: AopTruncatedPageUse
          page.lock();
          ret = mapping.operations().prepareWrite(file, page, 0, 100);
          if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
            page.release();
            continue;
          }
          break;
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
   * With an early return: one attempt, which passes {@code AOP_TRUNCATED_PAGE} up as its contract
   * declares, for the caller to retry; but first it relocks the page and tries it once more.
   */
  // Known engine divergence (docs/samples.md): on the path where the retry of the stale page
  // returns AOP_TRUNCATED_PAGE again, that code is passed up as @MayReturn declares and the caller
  // looks the page up again, which retries the first truncation too; the engine keeps the first
  // one pending and reports AopTruncatedPageUnhandled at the first prepareWrite. The mistake on
  // that path is the stale use marked below, and it is reported.
  @SuppressWarnings("AopTruncatedPageUnhandled")
  @MayReturn(TRUNCATED_PAGE)
  public static int withEarlyReturn(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    int ret = mapping.operations().prepareWrite(file, page, 0, 100);
    if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
      // expect: AopTruncatedPageUse
      page.lock();
      ret = mapping.operations().prepareWrite(file, page, 0, 100);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        return ret;
      }
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
   * In a loop with continue: pages {@code index} and {@code index + 1}; the page in hand is kept
   * across a {@code continue} after {@code AOP_TRUNCATED_PAGE}, relocked, and tried again.
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
        // expect: AopTruncatedPageUse
        page.lock();
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
