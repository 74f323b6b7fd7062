package org.aopcheck.vm.mm;

import java.util.Iterator;
import java.util.List;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Page;

/**
 * {@code shrink_list} of {@code mm/vmscan.c}, Linux 2.6.14, reduced to page-cache pages (no anon
 * pages, no buffers, no mapped pages): what reclaim does with each result of {@code pageout}:
 * {@code PAGE_KEEP} unlocks and keeps the page, {@code PAGE_ACTIVATE} (writepage returned
 * AOP_WRITEPAGE_ACTIVATE) activates it and then unlocks it, {@code PAGE_SUCCESS} finds it already
 * unlocked and relocks it only to try to free it, {@code PAGE_CLEAN} goes on to free it.
 */
public final class VmscanShrinkList {
  private VmscanShrinkList() {}

  /** Tries to free the isolated pages; freed ones leave the list. Returns how many were freed. */
  public static int shrinkList(
      List<Page> pageList, ScanControl sc, PageCacheCallers.Pageout pageout) {
    int reclaimed = 0;
    for (Iterator<Page> it = pageList.iterator(); it.hasNext(); ) {
      Page page = it.next();
      if (!page.tryLock()) {
        continue; // keep
      }
      sc.nrScanned++;
      if (page.underWriteback()) {
        page.unlock(); // keep_locked
        continue;
      }
      // page_referenced clears the referenced bit; a referenced page is activated only if it is
      // mapped into page tables (page_mapping_inuse), which pages of this model never are.
      page.clearReferenced();
      AddressSpace mapping = page.mapping();
      if (page.isDirty()) {
        if (!sc.mayWritepage) {
          page.unlock(); // keep_locked
          continue;
        }
        // Page is dirty, try to write it out here.
        PageoutResult result = pageout.pageout(page, mapping);
        if (result == PageoutResult.PAGE_KEEP) {
          page.unlock(); // keep_locked
          continue;
        }
        if (result == PageoutResult.PAGE_ACTIVATE) {
          page.setActive(); // activate_locked
          page.unlock();
          continue;
        }
        if (result == PageoutResult.PAGE_SUCCESS) {
          // writepage unlocked the page.
          if (page.underWriteback() || page.isDirty()) {
            continue; // keep
          }
          // A synchronous write: lock it again and see whether it can be freed.
          if (!page.tryLock()) {
            continue; // keep
          }
          mapping = page.mapping();
          if (page.underWriteback() || page.isDirty()) {
            page.unlock(); // keep_locked
            continue;
          }
        }
        // PAGE_CLEAN: try to free the page below.
      }
      if (mapping == null) {
        // Truncated, or moved to the swap cache by writepage: no longer in a file's cache. It can
        // be freed once reclaim holds the only reference.
        if (page.referenceCount() != 1) {
          page.unlock(); // keep_locked
          continue;
        }
      } else if (!mapping.removeMapping(page)) {
        page.unlock(); // keep_locked
        continue;
      }
      // free_it: the caller takes freed pages off the LRU.
      page.unlock();
      it.remove();
      page.release(); // the isolation reference; the page is now free
      reclaimed++;
    }
    sc.nrReclaimed += reclaimed;
    return reclaimed;
  }
}
