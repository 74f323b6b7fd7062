package org.aopcheck.vm.mm;

import java.util.List;
import org.aopcheck.annotations.BestEffort;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code read_pages} of {@code mm/readahead.c} as of Linux 2.6.17, that is the 2005 patch (2.6.15)
 * followed by the 2006 fix "AOP_TRUNCATED_PAGE victims in read_pages() belong in the LRU"
 * (KERNEL-CASES K01): read-ahead is best effort, so readpage's result is ignored and every page
 * added to the cache goes to the LRU, including one the filesystem gave back with
 * AOP_TRUNCATED_PAGE (it is in the cache, unlocked, not up to date; a later read retries it).
 *
 * <p>The 2005 form released such a page without putting it on the LRU, hiding it from reclaim; the
 * 2.6.14 form has this same body but did not declare itself best effort.
 */
public final class ReadaheadReadPages {
  private ReadaheadReadPages() {}

  /** {@code read_pages(mapping, filp, pages, nr_pages)}; filesystems here have no readpages. */
  @BestEffort
  public static int readPages(AddressSpace mapping, OpenFile filp, List<Page> pages, int nrPages) {
    LruBatch lruBatch = new LruBatch(mapping.lru());
    for (int pageIdx = 0; pageIdx < nrPages; pageIdx++) {
      Page page = pages.remove(0); // list_to_page(pages); list_del(&page->lru)
      if (mapping.addLockedWithoutLru(page, page.index()) == 0) {
        mapping.operations().readpage(filp, page);
        lruBatch.add(page);
      } else {
        page.release();
      }
    }
    lruBatch.flush();
    return 0;
  }
}
