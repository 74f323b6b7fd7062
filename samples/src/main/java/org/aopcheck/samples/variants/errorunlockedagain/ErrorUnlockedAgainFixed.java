package org.aopcheck.samples.variants.errorunlockedagain;

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
 * Variants of L2, fixed: only {@code AOP_WRITEPAGE_ACTIVATE} leaves the page locked, so only it is
 * followed by an unlock. Kernel: a shmem writeback loop as the protocol requires.
 *
 * <p>Each method writes the dirty page at {@code index} for a shrinker and returns 0 or a negative
 * error.
 */
public final class ErrorUnlockedAgainFixed {
  private ErrorUnlockedAgainFixed() {}

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

  /** Through a flag: "still locked" is exactly "activate". */
  public static int throughFlag(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    boolean stillLocked = ret == AopCodes.AOP_WRITEPAGE_ACTIVATE;
    if (stillLocked) {
      page.unlock();
    }
    page.release();
    return ret < 0 ? ret : 0;
  }

  /** In a switch: only the activate case unlocks. */
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
        page.unlock();
        break;
      default:
        break;
    }
    page.release();
    return ret < 0 ? ret : 0;
  }

  /** With an early return: the activate path unlocks and returns 0. */
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

  /** In a loop with continue: pages {@code index} and {@code index + 1}, as i915 does. */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    for (long next = index; next <= index + 1; next++) {
      Page page = mapping.findLock(next);
      if (page == null) {
        continue;
      }
      if (page.clearDirtyForIo()) {
        int ret = mapping.operations().writepage(page, reclaim());
        if (ret != AopCodes.AOP_WRITEPAGE_ACTIVATE) {
          page.release();
          continue;
        }
      }
      page.unlock();
      page.release();
    }
    return 0;
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
