package org.aopcheck.samples.prepatch;

import java.util.List;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code read_pages} of {@code mm/readahead.c}, Linux 2.6.14 (before the 2005 patch). readpage's
 * result is ignored: a page the filesystem gave back with AOP_TRUNCATED_PAGE stays in the cache,
 * unlocked and not up to date, and goes on the LRU. That is in fact what read-ahead should do (the
 * 2006 fix, KERNEL-CASES K01, went back to this body), so nothing goes wrong at run time; what it
 * lacks is the declaration that it is a best-effort caller.
 */
public final class ReadPages {
  private ReadPages() {}

  public static int readPages(AddressSpace mapping, OpenFile filp, List<Page> pages, int nrPages) {
    LruBatch lruBatch = new LruBatch(mapping.lru());
    for (int pageIdx = 0; pageIdx < nrPages; pageIdx++) {
      Page page = pages.remove(0);
      if (mapping.addLockedWithoutLru(page, page.index()) == 0) {
        // expect: AopResultIgnored
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
