package org.aopcheck.samples.cases.k07;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K07, buggy. Kernel: {@code mm/shmem.c shmem_writepage}, Linux 2.6.14-2.6.23, before commit
 * 487e9bf2 "fix tmpfs BUG and AOP_WRITEPAGE_ACTIVATE".
 *
 * <p>What went wrong: tmpfs assumed only page reclaim ever calls its writepage, and returned {@code
 * AOP_WRITEPAGE_ACTIVATE} to any caller when it could not swap; through a stacking filesystem the
 * code reached {@code write_cache_pages} and msync.
 *
 * <p>Not statically decidable: the page is locked and redirtied on that return, as the contract
 * says; "only for reclaim" depends on {@code wbc.forReclaim} at run time. Swap is modelled as a
 * number of free slots.
 */
public final class ShmemBuggy extends MemoryFilesystem {
  private int freeSwapSlots;
  private final boolean vmLocked;

  /** tmpfs with {@code freeSwapSlots} swap slots; {@code vmLocked} models {@code VM_LOCKED}. */
  public ShmemBuggy(int freeSwapSlots, boolean vmLocked) {
    this.freeSwapSlots = freeSwapSlots;
    this.vmLocked = vmLocked;
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
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
