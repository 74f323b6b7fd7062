package org.example.pagecache;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * Brings one page of a file into the page cache, the way {@code read_cache_page} does in Linux
 * 2.6.14 (mm/filemap.c), against the aopcheck reference VM.
 *
 * <p>This is the fixed form: when readpage returns AOP_TRUNCATED_PAGE the page was already unlocked
 * and may have been truncated, so the reference is dropped and the page looked up again.
 */
public final class PageReader {
  private PageReader() {}

  /** Returns 0 once the page at {@code index} is in the cache and uptodate, or a negative errno. */
  public static int readPage(OpenFile file, long index) {
    AddressSpace mapping = file.mapping();
    while (true) {
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
      if (error == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
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
}
