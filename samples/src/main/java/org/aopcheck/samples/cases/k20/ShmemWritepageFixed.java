package org.aopcheck.samples.cases.k20;

import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K20, fixed. Kernel: {@code mm/shmem.c shmem_writepage}, Linux 5.15, commit 1e6decf30af5 "shmem:
 * shmem_writepage() split unlikely i915 THP" (Hugh Dickins, 2021).
 *
 * <p>The fix: a huge page is split first. The dirty flag is set before the split, because the
 * caller has already cleaned the huge page ({@code clear_page_dirty_for_io}) and the tails inherit
 * the head's flag: without it they would come out clean, never be written, and be freed by reclaim
 * (the first posting of the fix, September 2020, did that: {@code ShmemWritepageFirstSplitBuggy}).
 * It is cleared again after the split, as the head is written now, as a small page. If the split
 * fails the page is redirtied and, for reclaim, returned with {@code AOP_WRITEPAGE_ACTIVATE}, still
 * locked.
 *
 * <p>The caller is i915's shrinker, {@code drivers/gpu/drm/i915/gem/i915_gem_shmem.c
 * __shmem_writeback}: it sets {@code wbc.for_reclaim}, so it is a reclaim caller, may get {@code
 * AOP_WRITEPAGE_ACTIVATE}, and unlocks the page after it (the cross-check runs it as {@code
 * l2.ShmemWritebackFixed}, its protocol-correct form). Swap and huge pages: {@link HugeTmpfs}.
 */
public final class ShmemWritepageFixed extends HugeTmpfs {
  /** Huge tmpfs with {@code freeSwapSlots} free pages of swap. */
  public ShmemWritepageFixed(int freeSwapSlots) {
    super(freeSwapSlots);
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    boolean smallPage = true;
    // shmem_enabled "always" or "force": i915 gets huge pages, and its __shmem_writeback needs
    // them split when swapping.
    if (isTransCompound(page)) {
      page.setDirtyFlag(); // SetPageDirty: so that the subpages are still dirty after the split
      smallPage = splitHugePage(page) == 0; // if not, goto redirty
      if (smallPage) {
        page.clearDirtyFlag(); // ClearPageDirty: the head goes on as a small page, cleaned for I/O
      }
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
