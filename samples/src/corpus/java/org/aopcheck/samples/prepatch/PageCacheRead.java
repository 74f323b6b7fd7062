package org.aopcheck.samples.prepatch;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code page_cache_read} of {@code mm/filemap.c}, Linux 2.6.14.7 (before the 2005 patch). It
 * returns readpage's result to its caller, so AOP_TRUNCATED_PAGE (0x80001) leaves it as if it were
 * a positive result instead of being retried.
 */
public final class PageCacheRead {
  private PageCacheRead() {}

  public static int pageCacheRead(OpenFile file, long offset) {
    AddressSpace mapping = file.mapping();
    Page page = Page.alloc(); // page_cache_alloc_cold
    int error = mapping.addLocked(page, offset); // add_to_page_cache_lru
    if (error == 0) {
      error = mapping.operations().readpage(file, page);
      page.release();
      // expect: AopTruncatedPageUnhandled
      return error;
    }
    page.release();
    return error == -Errno.EEXIST ? 0 : error;
  }
}
