package org.aopcheck.samples.cases.k01;

import java.util.Deque;
import org.aopcheck.annotations.BestEffort;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K01, buggy. Kernel: {@code mm/readahead.c read_pages}, Linux 2.6.16 (the 2005 patch's form).
 *
 * <p>What went wrong: the page goes into the page cache with {@code add_to_page_cache} (not {@code
 * _lru}) and reaches the LRU only through the {@code pagevec}; after {@code readpage} returned
 * {@code AOP_TRUNCATED_PAGE} the page, still in the page cache, was released instead, so it was
 * never on the LRU and reclaim could never find it.
 *
 * <p>Not statically decidable: read-ahead is {@link BestEffort} and may give a page up after {@code
 * AOP_TRUNCATED_PAGE}; that the page stays in the cache is a fact about {@code add_to_page_cache}
 * the contracts do not state. The dynamic cross-check shows the fault.
 */
public final class ReadPagesBuggy {
  private ReadPagesBuggy() {}

  /** Reads each page of {@code pages} (new pages with an index, not yet cached) into the cache. */
  @BestEffort
  public static int readPages(AddressSpace mapping, OpenFile file, Deque<Page> pages) {
    AddressSpaceOperations aops = mapping.operations();
    LruBatch lruBatch = new LruBatch(mapping.lru());
    int pageCount = pages.size();
    for (int k = 0; k < pageCount; k++) {
      Page page = pages.removeLast();
      if (mapping.addLockedWithoutLru(page, page.index()) == 0) {
        int ret = aops.readpage(file, page);
        if (ret != AopCodes.AOP_TRUNCATED_PAGE) {
          lruBatch.add(page);
          continue;
        }
        // AOP_TRUNCATED_PAGE falls through to the release: the page stays cached, off the LRU.
      }
      page.release();
    }
    lruBatch.flush();
    return 0;
  }
}
