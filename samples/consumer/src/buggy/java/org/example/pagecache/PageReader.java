package org.example.pagecache;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * Brings one page of a file into the page cache, the way {@code read_cache_page} does in Linux
 * 2.6.14 (mm/filemap.c), against the aopcheck reference VM.
 *
 * <p>This is the form before the fix: any non-zero result of readpage is taken for an error, so
 * AOP_TRUNCATED_PAGE (0x80001) is returned to the caller as if it were one, and the read is never
 * retried. aopcheck stops this build with AopTruncatedPageUnhandled.
 */
public final class PageReader {
  private PageReader() {}

  /** Returns 0 once the page at {@code index} is in the cache and uptodate, or a negative errno. */
  public static int readPage(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    Page page = mapping.findOrCreateLocked(index);
    if (page == null) {
      return -Errno.ENOMEM;
    }
    if (page.isUptodate()) {
      page.unlock();
      page.release();
      return 0;
    }
    int error = mapping.operations().readpage(file, page);
    if (error != 0) {
      page.release();
      return error;
    }
    page.waitUnlocked();
    boolean uptodate = page.isUptodate();
    page.release();
    return uptodate ? 0 : -Errno.EIO;
  }
}
