package org.aopcheck.samples.cases.k20;

import org.aopcheck.samples.model.KernelBug;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K20, buggy. Kernel: {@code mm/shmem.c shmem_writepage}, Linux 5.x before 5.15 (commit
 * 1e6decf30af5), called with huge pages by {@code drivers/gpu/drm/i915/gem/i915_gem_shmem.c
 * __shmem_writeback} since commit 2d6692e642e7 "drm/i915: Start writeback from the shrinker".
 *
 * <p>What went wrong: {@code shmem_writepage} asserted {@code VM_BUG_ON_PAGE(PageCompound(page))},
 * because page reclaim splits huge pages before calling it. i915's shrinker, a caller that is not
 * {@code vmscan} but sets {@code wbc.for_reclaim}, calls {@code ->writepage} itself on its GEM
 * objects' pages, which are huge with {@code shmem_enabled=force}: the assertion fires (without
 * {@code CONFIG_DEBUG_VM} the huge page would be swapped as one small page).
 *
 * <p>Not statically decidable: every return is in the lock and dirty state the contract declares,
 * and {@code AOP_WRITEPAGE_ACTIVATE} goes only to reclaim; the fault is the kind of page the caller
 * passes. Swap and huge pages: {@link HugeTmpfs}.
 */
public final class ShmemWritepageBuggy extends HugeTmpfs {
  /** Huge tmpfs with {@code freeSwapSlots} free pages of swap. */
  public ShmemWritepageBuggy(int freeSwapSlots) {
    super(freeSwapSlots);
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    KernelBug.vmBugOnPage(isTransCompound(page), "VM_BUG_ON_PAGE(PageCompound(page), page)", page);
    // Only reclaim, or a driver acting as reclaim, writes tmpfs pages (WARN_ON_ONCE otherwise).
    if (writebackControl.forReclaim && getSwapPage()) {
      // add_to_swap_cache, shmem_delete_from_page_cache, swap_writepage; I/O completion unlocks.
      store(page);
      page.unlock();
      return 0;
    }
    // redirty:
    page.setDirty();
    if (writebackControl.forReclaim) {
      return AopCodes.AOP_WRITEPAGE_ACTIVATE; // with the page locked
    }
    page.unlock();
    return 0;
  }
}
