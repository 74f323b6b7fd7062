package org.aopcheck.samples.variants.activateleftlocked;

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
 * Variants of K06 / K08, fixed: after {@code AOP_WRITEPAGE_ACTIVATE} the page, still locked, is
 * unlocked (and may be marked active first, as reclaim's {@code activate_locked} does) before its
 * reference is released. Kernel: the 2007 unionfs fix, and {@code mm/vmscan.c shrink_page_list}'s
 * {@code activate_locked}.
 *
 * <p>Each method writes the dirty page at {@code index} for a shrinker ({@code for_reclaim}, so
 * tmpfs may answer {@code AOP_WRITEPAGE_ACTIVATE}) and returns 0 or a negative error.
 */
public final class ActivateLeftLockedFixed {
  private ActivateLeftLockedFixed() {}

  /** Behind a helper with a contract: {@link #writeLocked} declares the writepage outcomes. */
  public static int behindHelper(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = writeLocked(page, reclaim());
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
    }
    page.release();
    return ret < 0 ? ret : 0;
  }

  /** Through a flag: "activate" marks the page active and unlocks it. */
  public static int throughFlag(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    boolean activate = ret == AopCodes.AOP_WRITEPAGE_ACTIVATE;
    if (activate) {
      page.setActive();
      page.unlock();
    }
    page.release();
    return activate ? 0 : ret;
  }

  /** In a switch: the activate case activates and unlocks the page. */
  // The shape under test is a statement switch, as C has it; an arrow switch is another shape.
  @SuppressWarnings("StatementSwitchToExpressionSwitch")
  public static int inSwitch(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    switch (ret) {
      case AopCodes.AOP_WRITEPAGE_ACTIVATE:
        page.setActive();
        page.unlock();
        ret = 0;
        break;
      default:
        break;
    }
    page.release();
    return ret;
  }

  /** With an early return: the activate path unlocks and releases the page, then returns. */
  public static int withEarlyReturn(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
      page.release();
      return 0;
    }
    page.release();
    return ret;
  }

  /**
   * In a loop with continue: pages {@code index} and {@code index + 1}; an activated page is
   * unlocked and skipped.
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
      if (ret < 0 && result == 0) {
        result = ret;
      }
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
