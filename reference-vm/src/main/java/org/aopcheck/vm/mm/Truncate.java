package org.aopcheck.vm.mm;

import java.util.List;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Page;

/**
 * Truncation of {@code mm/truncate.c} and {@code mm/memory.c} (Linux 2.6.14): {@code vmtruncate}
 * sets {@code i_size}, truncates the page cache beyond it ({@code truncate_inode_pages}) and calls
 * the filesystem's {@code ->truncate}. It runs concurrently with reads, faults, writeback and
 * reclaim, which is why a page found unlocked must be rechecked ({@code page->mapping == NULL})
 * after locking it, and why an operation that drops the page lock may find its page truncated.
 */
public final class Truncate {
  private static final int PAGEVEC_SIZE = 14;

  private Truncate() {}

  /**
   * {@code vmtruncate}: changes the file's size to {@code offset}; the caller holds {@code i_sem}
   * (the VM's {@link SystemCalls#truncate} takes it).
   */
  public static void vmtruncate(Inode inode, long offset) {
    inode.setSize(offset);
    truncateInodePages(inode.mapping(), offset);
    inode.inodeOperations().truncate(inode);
  }

  /**
   * {@code truncate_inode_pages}: removes every cached page wholly beyond {@code lstart} and zeroes
   * the tail of a partial page, locking each page and rechecking that it is still in this mapping.
   */
  public static void truncateInodePages(AddressSpace mapping, long lstart) {
    long start = (lstart + Page.SIZE - 1) >> Page.SHIFT;
    int partial = (int) (lstart & (Page.SIZE - 1));
    long next = start;
    for (; ; ) {
      List<Page> pvec = mapping.findGetPages(next, PAGEVEC_SIZE);
      if (pvec.isEmpty()) {
        break;
      }
      for (Page page : pvec) {
        next = page.index() + 1;
        page.lock();
        page.waitWriteback();
        if (page.mapping() == mapping) {
          truncateCompletePage(mapping, page);
        }
        page.unlock();
        page.release();
      }
    }
    if (partial != 0) {
      Page page = mapping.findLock(start - 1);
      if (page != null) {
        page.waitWriteback();
        truncatePartialPage(page, partial);
        page.unlock();
        page.release();
      }
    }
  }

  /** {@code truncate_complete_page}: the page is locked and in {@code mapping}. */
  static void truncateCompletePage(AddressSpace mapping, Page page) {
    page.clearDirtyFlag();
    page.clearUptodate();
    mapping.removePage(page);
  }

  /** {@code truncate_partial_page}: zeroes the page from {@code partial} to its end. */
  static void truncatePartialPage(Page page, int partial) {
    java.util.Arrays.fill(page.data(), partial, Page.SIZE, (byte) 0);
  }

  /**
   * {@code invalidate_inode_pages2}-style invalidation, as a cluster filesystem does when another
   * node takes its lock: writes back each dirty page, then drops it from the cache; a page whose
   * write did not start stays. The contents of the file do not change; every dropped page must be
   * read again. Returns the number of pages dropped.
   */
  public static int invalidateInodePages(AddressSpace mapping) {
    int dropped = 0;
    long next = 0;
    for (; ; ) {
      List<Page> pvec = mapping.findGetPages(next, PAGEVEC_SIZE);
      if (pvec.isEmpty()) {
        break;
      }
      for (Page page : pvec) {
        next = page.index() + 1;
        page.lock();
        if (page.mapping() == mapping && page.isDirty() && page.clearDirtyForIo()) {
          // write_one_page: writepage unlocks the page (unless it did not start the write).
          org.aopcheck.vm.WritebackControl wbc = new org.aopcheck.vm.WritebackControl();
          wbc.syncMode = org.aopcheck.vm.WritebackControl.SyncMode.ALL;
          wbc.nrToWrite = 1;
          int ret = mapping.operations().writepage(page, wbc);
          if (ret == org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE) {
            page.unlock();
          }
          page.lock();
        }
        // A page still dirty (its write did not start) stays: dropping it would lose data.
        if (page.mapping() == mapping && !page.isDirty()) {
          truncateCompletePage(mapping, page);
          dropped++;
        }
        page.unlock();
        page.release();
      }
    }
    return dropped;
  }
}
