package org.aopcheck.samples.cases.k07;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K07, fixed. Kernel: {@code mm/shmem.c shmem_writepage}, Linux 2.6.24, after commit 487e9bf2 "fix
 * tmpfs BUG and AOP_WRITEPAGE_ACTIVATE".
 *
 * <p>The fix: a caller that is not reclaim gets the page redirtied, unlocked and 0 ("success"), as
 * {@code ramdisk_writepage} already did; {@code AOP_WRITEPAGE_ACTIVATE} goes only to reclaim. Swap
 * is modelled as a number of free slots.
 */
public final class ShmemFixed extends MemoryFilesystem {
  private int freeSwapSlots;
  private final boolean vmLocked;

  /** tmpfs with {@code freeSwapSlots} swap slots; {@code vmLocked} models {@code VM_LOCKED}. */
  public ShmemFixed(int freeSwapSlots, boolean vmLocked) {
    this.freeSwapSlots = freeSwapSlots;
    this.vmLocked = vmLocked;
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    if (!writebackControl.forReclaim) {
      page.setDirty();
      page.unlock();
      return 0;
    }
    if (!vmLocked && freeSwapSlots > 0) {
      freeSwapSlots--;
      store(page);
      page.unlock();
      return 0;
    }
    page.setDirty();
    return AopCodes.AOP_WRITEPAGE_ACTIVATE;
  }
}
