package org.aopcheck.samples.cases.k20;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Page;

/**
 * Huge tmpfs, {@code mm/shmem.c} of Linux 5.x with {@code shmem_enabled=force}: the model that
 * K20's {@code shmem_writepage} forms share, with the kernel helpers they call ({@code
 * PageTransCompound}, {@code split_huge_page}, {@code get_swap_page}).
 *
 * <p>Swap is a number of free slots. A page written to swap keeps its bytes in {@link
 * MemoryFilesystem}'s backing store, which stands for the swap device, and stays in the page cache
 * (the model does not move it to the swap cache): {@link #swappedOut} says whether a subpage's
 * current data reached swap.
 */
public abstract class HugeTmpfs extends MemoryFilesystem {
  private final List<TransparentHugePage> hugePages = new ArrayList<>();
  private int freeSwapSlots;

  /** Huge tmpfs with {@code freeSwapSlots} free pages of swap. */
  protected HugeTmpfs(int freeSwapSlots) {
    this.freeSwapSlots = freeSwapSlots;
  }

  /**
   * A write of a whole huge page of the file at {@code index}: {@code shmem_getpage_gfp} allocates
   * huge pages (see {@link TransparentHugePage#allocateDirty}).
   */
  public final TransparentHugePage writeHugePage(AddressSpace mapping, long index, byte fill) {
    TransparentHugePage hugePage = TransparentHugePage.allocateDirty(mapping, index, fill);
    hugePages.add(hugePage);
    return hugePage;
  }

  /** Whether {@code subpage}'s current bytes are in swap. */
  public final boolean swappedOut(Page subpage) {
    return Arrays.equals(stored(subpage.index()), subpage.data());
  }

  /** {@code PageTransCompound(page)}: the page is part of a huge page not yet split. */
  protected final boolean isTransCompound(Page page) {
    return hugePageOf(page) != null;
  }

  /** {@code split_huge_page(page)}: 0, or a negative error with the huge page left whole. */
  protected final int splitHugePage(Page page) {
    TransparentHugePage hugePage = hugePageOf(page);
    return hugePage == null ? 0 : hugePage.split();
  }

  /** {@code get_swap_page}: takes a free swap slot; false when swap is full (or there is none). */
  protected final boolean getSwapPage() {
    if (freeSwapSlots == 0) {
      return false;
    }
    freeSwapSlots--;
    return true;
  }

  private TransparentHugePage hugePageOf(Page page) {
    for (TransparentHugePage hugePage : hugePages) {
      if (hugePage.contains(page)) {
        return hugePage;
      }
    }
    return null;
  }
}
