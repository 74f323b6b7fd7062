package org.aopcheck.samples.variants.activateaserror;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * Variants of K05, buggy: the page is unlocked after {@code AOP_WRITEPAGE_ACTIVATE} and the code is
 * not passed up, but it is recorded on the mapping as an I/O error, so the next fsync or msync of
 * the file fails with {@code -EIO} though nothing failed. Kernel: {@code mm/page-writeback.c
 * __writepage} (2.6.23) and {@code writepage_cb} (to 6.11), before the 2024 patch "writeback: don't
 * call mapping_set_error in writepage_cb".
 *
 * <p>Each method writes the dirty page at {@code index} for a shrinker ({@code for_reclaim}, so
 * tmpfs may answer {@code AOP_WRITEPAGE_ACTIVATE}), records a failure on the mapping as {@code
 * mapping_set_error(mapping, ret)} does, and returns 0 or a negative error.
 */
public final class ActivateAsErrorBuggy {
  private ActivateAsErrorBuggy() {}

  /** Behind a helper: {@link #mappingSetError} records any non-zero result. */
  public static int behindHelper(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = mapping.operations().writepage(page, reclaim());
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
    }
    page.release();
    // expect: AopWritepageActivateUnhandled
    mappingSetError(mapping, ret);
    return ret < 0 ? ret : 0;
  }

  /** Through a flag: "failed" is any non-zero result. */
  public static int throughFlag(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = mapping.operations().writepage(page, reclaim());
    boolean failed = ret != 0;
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
    }
    page.release();
    if (failed) {
      // expect: AopWritepageActivateUnhandled
      mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    }
    return ret < 0 ? ret : 0;
  }

  /** In a switch: the activate case unlocks, then falls through into the error case. */
  public static int inSwitch(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = mapping.operations().writepage(page, reclaim());
    switch (ret) {
      case 0:
        break;
      case AopCodes.AOP_WRITEPAGE_ACTIVATE:
        page.unlock();
      // fall through
      default:
        // expect: AopWritepageActivateUnhandled
        mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
        break;
    }
    page.release();
    return ret < 0 ? ret : 0;
  }

  /** With an early return: success returns at once; everything else is recorded as a failure. */
  public static int withEarlyReturn(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = mapping.operations().writepage(page, reclaim());
    if (ret == 0) {
      page.release();
      return 0;
    }
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
    }
    page.release();
    // expect: AopWritepageActivateUnhandled
    mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    return ret < 0 ? ret : 0;
  }

  /**
   * In a loop with continue: pages {@code index} and {@code index + 1}; a written page goes on at
   * once, any other result is recorded.
   */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    int result = 0;
    for (long next = index; next <= index + 1; next++) {
      Page page = mapping.findLock(next);
      if (page == null) {
        continue;
      }
      page.clearDirtyForIo();
      int ret = mapping.operations().writepage(page, reclaim());
      if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
        page.unlock();
      }
      page.release();
      if (ret == 0) {
        continue;
      }
      // expect: AopWritepageActivateUnhandled
      mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
      if (ret < 0 && result == 0) {
        result = ret;
      }
    }
    return result;
  }

  /**
   * {@code mapping_set_error(mapping, error)}: records a failure for the next fsync; {@code
   * -ENOSPC} as itself, anything else non-zero as {@code -EIO}.
   */
  static void mappingSetError(AddressSpace mapping, int error) {
    if (error != 0) {
      mapping.setError(error == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    }
  }

  private static WritebackControl reclaim() {
    WritebackControl writebackControl = new WritebackControl();
    writebackControl.forReclaim = true;
    return writebackControl;
  }
}
