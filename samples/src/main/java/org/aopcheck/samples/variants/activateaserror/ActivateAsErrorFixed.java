package org.aopcheck.samples.variants.activateaserror;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * Variants of K05, fixed: only a negative result is recorded on the mapping; {@code
 * AOP_WRITEPAGE_ACTIVATE} unlocks the page and is not a failure. Kernel: {@code mm/page-writeback.c
 * writepage_cb} after the 2024 patch "writeback: don't call mapping_set_error in writepage_cb"
 * (errors are recorded where they happen, and {@code if (ret < 0)} elsewhere).
 *
 * <p>Each method writes the dirty page at {@code index} for a shrinker ({@code for_reclaim}, so
 * tmpfs may answer {@code AOP_WRITEPAGE_ACTIVATE}), records a failure on the mapping as {@code
 * mapping_set_error(mapping, ret)} does, and returns 0 or a negative error.
 */
public final class ActivateAsErrorFixed {
  private ActivateAsErrorFixed() {}

  /** Behind a helper: {@link #mappingSetError} is called for negative results only. */
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
      ret = 0;
    }
    page.release();
    mappingSetError(mapping, ret);
    return ret;
  }

  /** Through a flag: "failed" is a negative result. */
  public static int throughFlag(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = mapping.operations().writepage(page, reclaim());
    boolean failed = ret < 0;
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
    }
    page.release();
    if (failed) {
      mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    }
    return ret < 0 ? ret : 0;
  }

  /** In a switch: the activate case unlocks and breaks; only the default case records. */
  // The shape under test is a statement switch, as C has it; an arrow switch is another shape.
  @SuppressWarnings("StatementSwitchToExpressionSwitch")
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
        ret = 0;
        break;
      default:
        mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
        break;
    }
    page.release();
    return ret;
  }

  /** With an early return: success and activate return at once; only errors are recorded. */
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
      page.release();
      return 0;
    }
    page.release();
    mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    return ret;
  }

  /**
   * In a loop with continue: pages {@code index} and {@code index + 1}; a written or activated page
   * goes on at once, an error is recorded.
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
        page.release();
        continue;
      }
      page.release();
      if (ret == 0) {
        continue;
      }
      mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
      if (result == 0) {
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
