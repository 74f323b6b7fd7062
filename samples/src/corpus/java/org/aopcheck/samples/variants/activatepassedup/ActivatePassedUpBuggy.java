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
 * Variants of K04 / K08, buggy: the page is unlocked after {@code AOP_WRITEPAGE_ACTIVATE}, but the
 * code is passed up to the caller as the result. Kernel: {@code fs/mpage.c mpage_writepages}
 * (2.6.16-2.6.22), before commit e4230030.
 *
 * <p>Each method writes the dirty page at {@code index} (for a shrinker: {@code for_reclaim}) and
 * returns 0 or a negative error.
 */
public final class ActivatePassedUpBuggy {
  private ActivatePassedUpBuggy() {}

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
    }
    page.release();
    // expect: AopWritepageActivateUnhandled
    return ret;
  }

  /** Through a flag: "activate" decides the unlock, but the result goes up unchanged. */
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
    // expect: AopWritepageActivateUnhandled
    return ret;
  }

  /** In a switch: the activate case unlocks and breaks out with the code still in the result. */
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
        break;
      default:
        break;
    }
    page.release();
    // expect: AopWritepageActivateUnhandled
    return ret;
  }

  /** With an early return: the activate path returns the code itself. */
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
      // expect: AopWritepageActivateUnhandled
      return ret;
    }
    page.release();
    return ret;
  }

  /** In a loop with continue: pages {@code index} and {@code index + 1}; the last result wins. */
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
      }
      page.release();
      result = ret;
    }
    // expect: AopWritepageActivateUnhandled
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
