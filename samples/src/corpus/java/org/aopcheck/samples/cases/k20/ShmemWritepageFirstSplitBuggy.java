package org.aopcheck.samples.cases.k20;

import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K20, buggy: the first fix. Kernel: {@code mm/shmem.c shmem_writepage} as first posted in
 * September 2020 ("shmem: shmem_writepage() split unlikely i915 THP", Hugh Dickins), before review
 * added the {@code SetPageDirty} that commit 1e6decf30af5 (5.15) has.
 *
 * <p>What went wrong: the huge page is split, but the caller had already cleaned it ({@code
 * clear_page_dirty_for_io} on the head cleans the whole huge page), and the tails inherit the
 * head's flag: they come out of the split clean. Only the head is written to swap; i915's loop
 * finds the tails clean and skips them, and reclaim later frees them as clean pages: their data is
 * lost.
 *
 * <p>Not statically decidable: the page under contract (the head) is in the right state on every
 * return; the lost state is the tails'. Swap and huge pages: {@link HugeTmpfs}.
 */
public final class ShmemWritepageFirstSplitBuggy extends HugeTmpfs {
  /** Huge tmpfs with {@code freeSwapSlots} free pages of swap. */
  public ShmemWritepageFirstSplitBuggy(int freeSwapSlots) {
    super(freeSwapSlots);
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    boolean smallPage = true;
    if (isTransCompound(page)) {
      smallPage = splitHugePage(page) == 0; // if not, goto redirty
    }
    // Only reclaim, or a driver acting as reclaim, writes tmpfs pages (WARN_ON_ONCE otherwise).
    if (smallPage && writebackControl.forReclaim && getSwapPage()) {
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
