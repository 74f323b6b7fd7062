package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.fs.Filesystem;

/**
 * tmpfs, {@code mm/shmem.c} of Linux 2.6.14 with the 2005 patch: {@link ShmemOperations#writepage}
 * is {@code shmem_writepage}, which moves a page to swap or, when the file is {@code VM_LOCKED} or
 * swap is full, redirties it and returns AOP_WRITEPAGE_ACTIVATE with the page still locked (spelled
 * {@code WRITEPAGE_ACTIVATE} before the patch; only the name changed). Its backing device has no
 * writeback ({@code BDI_CAP_NO_WRITEBACK}), so only page reclaim calls writepage, as in 2.6.14; the
 * 2007 fix for other callers (KERNEL-CASES K07) is not part of this version.
 *
 * <p>2.6.14 tmpfs has no readpage: reads go through {@code shmem_getpage}. Here {@code readpage}
 * stands in for {@code shmem_getpage}'s swap-in, so the generic callers can read tmpfs files; it
 * never returns a positive code.
 */
public final class Shmem implements Filesystem {
  private final SwapSpace swap;
  private final boolean vmLocked;

  /** tmpfs with {@code swapSlots} pages of swap. */
  public Shmem(int swapSlots) {
    this(swapSlots, false);
  }

  /** tmpfs whose files are {@code VM_LOCKED} ({@code SHM_LOCK}) if {@code vmLocked}. */
  public Shmem(int swapSlots, boolean vmLocked) {
    this.swap = new SwapSpace(swapSlots);
    this.vmLocked = vmLocked;
  }

  @Override
  public String name() {
    return "tmpfs" + (vmLocked ? " (VM_LOCKED)" : "");
  }

  @Override
  public Inode createFile(Lru lru) {
    return createFile(lru, operations -> operations);
  }

  /**
   * Creates a file whose operations are {@code decorate} applied to tmpfs's own: a sample replaces
   * writepage with its pre-patch form this way.
   */
  public Inode createFile(
      Lru lru, java.util.function.UnaryOperator<AddressSpaceOperations> decorate) {
    ShmemInodeInfo info = new ShmemInodeInfo(vmLocked);
    return new Inode(decorate.apply(new ShmemOperations(info, swap)), info::truncate, lru, false);
  }

  @Override
  public boolean pageCacheIsStorage() {
    return true;
  }

  /** The swap device: a fixed number of page slots. */
  public SwapSpace swap() {
    return swap;
  }

  /** Swap: {@code get_swap_page}, {@code swap_free}, and the slots' contents. */
  public static final class SwapSpace {
    private final int slots;
    private final Map<Integer, byte[]> used = new HashMap<>();
    private int nextSlot;
    private final AtomicLong swapOuts = new AtomicLong();

    SwapSpace(int slots) {
      this.slots = slots;
    }

    /** {@code get_swap_page}: a free slot, or -1 if swap is full. */
    synchronized int getSwapPage() {
      if (used.size() >= slots) {
        return -1;
      }
      while (used.containsKey(nextSlot)) {
        nextSlot = (nextSlot + 1) % slots;
      }
      used.put(nextSlot, null);
      return nextSlot;
    }

    synchronized void write(int slot, byte[] data) {
      used.put(slot, data.clone());
      swapOuts.incrementAndGet();
    }

    synchronized byte[] read(int slot) {
      return used.get(slot);
    }

    /** {@code swap_free}. */
    synchronized void free(int slot) {
      used.remove(slot);
    }

    /** How many pages were written to swap. */
    public long swapOuts() {
      return swapOuts.get();
    }
  }

  /** {@code struct shmem_inode_info}: the file's swap entries, under {@code info->lock}. */
  static final class ShmemInodeInfo {
    final boolean vmLocked;
    final Map<Long, Integer> swapEntries = new HashMap<>();
    long nextIndex;
    SwapSpace swap;

    ShmemInodeInfo(boolean vmLocked) {
      this.vmLocked = vmLocked;
    }

    /** {@code shmem_truncate}: frees the swap entries beyond the new size. */
    synchronized void truncate(Inode inode) {
      long size = inode.size();
      nextIndex = (size + Page.SIZE - 1) >> Page.SHIFT;
      swapEntries
          .entrySet()
          .removeIf(
              entry -> {
                if (entry.getKey() >= nextIndex) {
                  swap.free(entry.getValue());
                  return true;
                }
                return false;
              });
      int partial = (int) (size & (Page.SIZE - 1));
      Integer last = swapEntries.get(size >> Page.SHIFT);
      if (partial != 0 && last != null) {
        byte[] data = swap.read(last);
        java.util.Arrays.fill(data, partial, Page.SIZE, (byte) 0);
      }
    }
  }

  /** {@code shmem_aops}. */
  public static final class ShmemOperations implements AddressSpaceOperations {
    private final ShmemInodeInfo info;
    private final SwapSpace swap;

    ShmemOperations(ShmemInodeInfo info, SwapSpace swap) {
      this.info = info;
      this.swap = swap;
      info.swap = swap;
    }

    /** {@code shmem_getpage}'s swap-in, standing in for readpage. */
    @Override
    public int readpage(OpenFile file, Page page) {
      swapIn(page);
      page.unlock();
      return 0;
    }

    private void swapIn(Page page) {
      synchronized (info) {
        Integer slot = info.swapEntries.remove(page.index());
        if (slot == null) {
          java.util.Arrays.fill(page.data(), (byte) 0);
        } else {
          System.arraycopy(swap.read(slot), 0, page.data(), 0, Page.SIZE);
          swap.free(slot);
          // move_from_swap_cache: the page is now the only copy of the data.
          page.setDirty();
        }
      }
      page.setUptodate();
    }

    /** {@code shmem_prepare_write}: {@code shmem_getpage(SGP_WRITE)} on the locked page. */
    @Override
    public int prepareWrite(OpenFile file, Page page, int from, int to) {
      if (!page.isUptodate()) {
        swapIn(page);
      }
      return 0;
    }

    /** {@code simple_commit_write}. */
    @Override
    public int commitWrite(OpenFile file, Page page, int from, int to) {
      long pos = (page.index() << Page.SHIFT) + to;
      if (!page.isUptodate()) {
        page.setUptodate();
      }
      file.inode().extendSize(pos);
      synchronized (info) {
        info.nextIndex =
            Math.max(info.nextIndex, (file.inode().size() + Page.SIZE - 1) >> Page.SHIFT);
      }
      page.setDirty();
      return 0;
    }

    /** {@code shmem_writepage}, Linux 2.6.14 after the 2005 patch. */
    @Override
    public int writepage(Page page, WritebackControl writebackControl) {
      if (!info.vmLocked && moveToSwap(page)) {
        page.unlock();
        return 0;
      }
      // redirty:
      page.setDirty();
      return AOP_WRITEPAGE_ACTIVATE; // page still locked
    }

    /** Whether the file is {@code VM_LOCKED}: its pages are never swapped. */
    public boolean vmLocked() {
      return info.vmLocked;
    }

    /**
     * The middle of {@code shmem_writepage}: takes a swap slot and moves the locked page to the
     * swap cache (out of the file's cache). False if swap is full or the page was truncated.
     */
    public boolean moveToSwap(Page page) {
      AddressSpace mapping = page.mapping();
      long index = page.index();
      int slot = swap.getSwapPage();
      if (slot < 0) {
        return false;
      }
      synchronized (info) {
        if (index < info.nextIndex) {
          // move_to_swap_cache: the page leaves the file's cache for the swap cache.
          swap.write(slot, page.data());
          info.swapEntries.put(index, slot);
          mapping.removePage(page);
          return true;
        }
      }
      swap.free(slot); // truncated meanwhile
      return false;
    }
  }
}
