package org.aopcheck.vm.mm;

import java.util.ArrayList;
import java.util.List;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * The read-ahead driver of {@code mm/readahead.c} (Linux 2.6.14), reduced: {@code
 * __do_page_cache_readahead} is modelled as in the kernel (allocate the missing pages of a window,
 * hand them to {@code read_pages}); the window sizing of {@code page_cache_readahead} is reduced to
 * a fixed window, because the protocol is about {@code read_pages}, not about the heuristics.
 */
public final class Readahead {
  /** The read-ahead window, in pages ({@code ra->ra_pages} reduced to a constant). */
  public static final int WINDOW_PAGES = 4;

  private Readahead() {}

  /**
   * {@code page_cache_readahead}, reduced: reads ahead up to {@link #WINDOW_PAGES} pages (at most
   * {@code reqSize}) from {@code offset} and returns the index at which to read ahead next.
   */
  public static long pageCacheReadahead(
      AddressSpace mapping, OpenFile.ReadaheadState ra, OpenFile filp, long offset, long reqSize) {
    int window = (int) Math.max(1, Math.min(WINDOW_PAGES, reqSize));
    doPageCacheReadahead(mapping, filp, offset, window, ReadaheadReadPages::readPages);
    return offset + window;
  }

  /** {@code handle_ra_miss}: a page that read-ahead should have brought in was missing. */
  public static void handleRaMiss(OpenFile.ReadaheadState ra, long offset) {
    ra.mmapMiss++;
  }

  /**
   * {@code __do_page_cache_readahead}: allocates the pages of {@code [offset, offset + nrToRead)}
   * within the file that are not cached and hands them to {@code readPages}. Returns how many.
   */
  public static int doPageCacheReadahead(
      AddressSpace mapping,
      OpenFile filp,
      long offset,
      int nrToRead,
      PageCacheCallers.ReadPages readPages) {
    long isize = mapping.host().size();
    if (isize == 0) {
      return 0;
    }
    long endIndex = (isize - 1) >> Page.SHIFT;
    List<Page> pagePool = new ArrayList<>();
    for (int pageIdx = 0; pageIdx < nrToRead; pageIdx++) {
      long pageOffset = offset + pageIdx;
      if (pageOffset > endIndex) {
        break;
      }
      if (mapping.isCached(pageOffset)) {
        continue;
      }
      Page page = Page.alloc(); // page_cache_alloc_cold
      page.setIndex(pageOffset);
      pagePool.add(page);
    }
    int ret = pagePool.size();
    if (ret > 0) {
      readPages.readPages(mapping, filp, pagePool, ret);
    }
    return ret;
  }
}
