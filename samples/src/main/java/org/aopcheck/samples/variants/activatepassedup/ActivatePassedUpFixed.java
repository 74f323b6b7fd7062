package org.aopcheck.samples.variants.activatepassedup;

import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
import static org.aopcheck.annotations.PageState.UNLOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * Variants of K04 / K08, fixed: after {@code AOP_WRITEPAGE_ACTIVATE} the page is unlocked and the
 * result becomes 0. Kernel: {@code mm/page-writeback.c write_cache_pages} after commit e4230030.
 *
 * <p>Each method writes the dirty page at {@code index} (for a shrinker: {@code for_reclaim}) and
 * returns 0 or a negative error.
 */
public final class ActivatePassedUpFixed {
  private ActivatePassedUpFixed() {}

  /** Behind a helper with a contract: {@link #writeLocked} declares the writepage outcomes. */
  public static int behindHelper(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    if (!page.clearDirtyForIo()) {
      page.unlock();
      page.release();
      return 0;
    }
    int ret = writeLocked(page, reclaim());
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
      ret = 0;
    }
    page.release();
    return ret;
  }

  /** Through a flag: "activate" decides the unlock and the result. */
  public static int throughFlag(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    if (!page.clearDirtyForIo()) {
      page.unlock();
      page.release();
      return 0;
    }
    int ret = file.mapping().operations().writepage(page, reclaim());
    boolean activate = ret == AopCodes.AOP_WRITEPAGE_ACTIVATE;
    if (activate) {
      page.unlock();
    }
    page.release();
    return activate ? 0 : ret;
  }

  /** In a switch: the activate case unlocks and clears the result. */
  // The shape under test is a statement switch, as C has it; an arrow switch is another shape.
  @SuppressWarnings("StatementSwitchToExpressionSwitch")
  public static int inSwitch(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    if (!page.clearDirtyForIo()) {
      page.unlock();
      page.release();
      return 0;
    }
    int ret = file.mapping().operations().writepage(page, reclaim());
    switch (ret) {
      case AopCodes.AOP_WRITEPAGE_ACTIVATE:
        page.unlock();
        ret = 0;
        break;
      default:
        break;
    }
    page.release();
    return ret;
  }

  /** With an early return: the activate path returns 0. */
  public static int withEarlyReturn(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    if (!page.clearDirtyForIo()) {
      page.unlock();
      page.release();
      return 0;
    }
    int ret = file.mapping().operations().writepage(page, reclaim());
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
      page.release();
      return 0;
    }
    page.release();
    return ret;
  }

  /** In a loop with continue: an activated page is unlocked and skipped, not counted. */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    int result = 0;
    for (long next = index; next <= index + 1; next++) {
      Page page = mapping.findLock(next);
      if (page == null) {
        continue;
      }
      if (!page.clearDirtyForIo()) {
        page.unlock();
        page.release();
        continue;
      }
      int ret = mapping.operations().writepage(page, reclaim());
      if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
        page.unlock();
        page.release();
        continue;
      }
      page.release();
      result = ret;
    }
    return result;
  }

  /** {@code ->writepage} through a wrapper that declares the same contract. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  static int writeLocked(@PageParameter Page page, WritebackControl writebackControl) {
    return page.mapping().operations().writepage(page, writebackControl);
  }

  private static WritebackControl reclaim() {
    WritebackControl writebackControl = new WritebackControl();
    writebackControl.forReclaim = true;
    return writebackControl;
  }
}
