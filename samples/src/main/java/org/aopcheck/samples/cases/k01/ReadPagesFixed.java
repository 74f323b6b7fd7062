package org.aopcheck.samples.cases.k01;

import java.util.Deque;
import org.aopcheck.annotations.BestEffort;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K01, fixed. Kernel: {@code mm/readahead.c read_pages}, Linux 2.6.17 (patch "AOP_TRUNCATED_PAGE
 * victims in read_pages() belong in the LRU", against 2.6.17-rc3).
 *
 * <p>The fix: the result of {@code readpage} is ignored on purpose (read-ahead is best effort), and
 * every page that made it into the cache ({@code add_to_page_cache}, without the LRU) goes on the
 * LRU through the {@code pagevec}.
 */
public final class ReadPagesFixed {
  private ReadPagesFixed() {}

  /** Reads each page of {@code pages} (new pages with an index, not yet cached) into the cache. */
  @BestEffort
  public static int readPages(AddressSpace mapping, OpenFile file, Deque<Page> pages) {
    AddressSpaceOperations aops = mapping.operations();
    LruBatch lruBatch = new LruBatch(mapping.lru());
    int pageCount = pages.size();
    for (int k = 0; k < pageCount; k++) {
      Page page = pages.removeLast();
      if (mapping.addLockedWithoutLru(page, page.index()) == 0) {
        aops.readpage(file, page);
        lruBatch.add(page);
      } else {
        page.release();
      }
    }
    lruBatch.flush();
    return 0;
  }
}
