package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code page_cache_read} of {@code mm/filemap.c}, Linux 2.6.14 with the 2005 patch (mainline
 * 994fc28c, 2.6.15): the read is retried, with a fresh page, for as long as readpage returns
 * AOP_TRUNCATED_PAGE, so the code never reaches {@code filemap_nopage} or {@code filemap_getpage}.
 */
public final class FilemapPageCacheRead {
  private FilemapPageCacheRead() {}

  /**
   * Reads the page at {@code offset} into the page cache. Returns 0 (also when another thread added
   * the page first) or a negative errno.
   */
  public static int pageCacheRead(OpenFile file, long offset) {
    AddressSpace mapping = file.mapping();
    int ret;
    do {
      Page page = Page.alloc(); // page_cache_alloc_cold
      ret = mapping.addLocked(page, offset); // add_to_page_cache_lru
      if (ret == 0) {
        ret = mapping.operations().readpage(file, page);
      } else if (ret == -Errno.EEXIST) {
        ret = 0; // losing the race to add the page is fine
      }
      page.release(); // the cache keeps its own reference
    } while (ret == AOP_TRUNCATED_PAGE);
    return ret;
  }
}
