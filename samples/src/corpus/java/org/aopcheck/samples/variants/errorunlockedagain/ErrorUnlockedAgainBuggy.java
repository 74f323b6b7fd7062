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
 * Variants of L2, buggy: "any non-zero writepage result means the page is still locked", so a
 * negative error, after which writepage already unlocked the page, unlocks it again. Kernel:
 * drivers calling shmem's writepage directly (i915 {@code __shmem_writeback}, 2020-2021).
 *
 * <p>Each method writes the dirty page at {@code index} for a shrinker and returns 0 or a negative
 * error.
 */
public final class ErrorUnlockedAgainBuggy {
  private ErrorUnlockedAgainBuggy() {}

  /** Behind a helper with a contract: {@link #writeLocked} declares the writepage outcomes. */
  public static int behindHelper(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = writeLocked(page, reclaim());
    if (ret != 0) {
      // expect: AopDoubleUnlock
      page.unlock();
    }
    page.release();
    return ret < 0 ? ret : 0;
  }

  /** Through a flag: "still locked" is computed as "non-zero". */
  public static int throughFlag(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    boolean stillLocked = ret != 0;
    if (stillLocked) {
      // expect: AopDoubleUnlock
      page.unlock();
    }
    page.release();
    return ret < 0 ? ret : 0;
  }

  /** In a switch: every result but 0 goes to the default case, which unlocks. */
  public static int inSwitch(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    switch (ret) {
      case 0:
        break;
      default:
        // expect: AopDoubleUnlock
        page.unlock();
        break;
    }
    page.release();
    return ret < 0 ? ret : 0;
  }

  /** With an early return: a non-zero result unlocks and returns at once. */
  public static int withEarlyReturn(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    if (ret != 0) {
      // expect: AopDoubleUnlock
      page.unlock();
      page.release();
      if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
        return 0;
      }
      return ret;
    }
    page.release();
    return 0;
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
        if (ret == 0) {
          page.release();
          continue;
        }
      }
      // expect: AopDoubleUnlock
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
