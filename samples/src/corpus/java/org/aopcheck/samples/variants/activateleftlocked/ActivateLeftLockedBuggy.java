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
 * Variants of K06 / K08, buggy: after {@code AOP_WRITEPAGE_ACTIVATE} the page, which writepage
 * returns still locked, is never unlocked; its reference is released and the code is not passed up,
 * so only the lock is wrong. Kernel: unionfs {@code unionfs_writepage} (2007, out of tree) and
 * {@code fs/ecryptfs/mmap.c ecryptfs_writepage_and_release_lower_page} (2.6.23), both over a tmpfs
 * lower page.
 *
 * <p>Each method writes the dirty page at {@code index} for a shrinker ({@code for_reclaim}, so
 * tmpfs may answer {@code AOP_WRITEPAGE_ACTIVATE}) and returns 0 or a negative error.
 */
public final class ActivateLeftLockedBuggy {
  private ActivateLeftLockedBuggy() {}

  /** Behind a helper with a contract: {@link #writeLocked} declares the writepage outcomes. */
  public static int behindHelper(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = writeLocked(page, reclaim());
    page.release();
    // expect: AopPageLeftLocked
    return ret < 0 ? ret : 0;
  }

  /** Through a flag: "activate" marks the page active, as reclaim does, but does not unlock it. */
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
    }
    page.release();
    // expect: AopPageLeftLocked
    return activate ? 0 : ret;
  }

  /** In a switch: the activate case activates the page and breaks out without unlocking it. */
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
        ret = 0;
        break;
      default:
        break;
    }
    page.release();
    // expect: AopPageLeftLocked
    return ret;
  }

  /** With an early return: the activate path releases the page and returns at once. */
  public static int withEarlyReturn(OpenFile file, long index) {
    Page page = file.mapping().findLock(index);
    if (page == null) {
      return 0;
    }
    page.clearDirtyForIo();
    int ret = file.mapping().operations().writepage(page, reclaim());
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.release();
      // expect: AopPageLeftLocked
      return 0;
    }
    page.release();
    return ret;
  }

  /**
   * In a loop with continue: pages {@code index} and {@code index + 1}; an activated page is
   * skipped.
   */
  public static int inLoopWithContinue(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    int result = 0;
    for (long next = index; next <= index + 1; next++) {
      // expect: AopPageLeftLocked
      Page page = mapping.findLock(next);
      if (page == null) {
        continue;
      }
      page.clearDirtyForIo();
      int ret = mapping.operations().writepage(page, reclaim());
      if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
        page.release();
        continue;
      }
      page.release();
      if (ret < 0 && result == 0) {
        result = ret;
      }
    }
    // expect: AopPageLeftLocked
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
