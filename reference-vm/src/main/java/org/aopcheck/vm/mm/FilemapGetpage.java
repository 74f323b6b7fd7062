package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;

import org.aopcheck.annotations.LooksUp;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code filemap_getpage} of {@code mm/filemap.c} (used by {@code filemap_populate}), Linux 2.6.14
 * with the 2005 patch (mainline 994fc28c, 2.6.15): at both readpage sites AOP_TRUNCATED_PAGE
 * releases the page and goes back to {@code retry_find}. There is no size check here; {@code
 * filemap_populate} checks the size first.
 */
public final class FilemapGetpage {
  private FilemapGetpage() {}

  /** The uptodate page at {@code pgoff} with a reference for the caller, or null. */
  @LooksUp(locked = false)
  public static Page filemapGetpage(OpenFile file, long pgoff, boolean nonblock) {
    AddressSpace mapping = file.mapping();

    retryFind:
    for (; ; ) {
      Page page = mapping.findGet(pgoff);
      if (page == null) {
        if (nonblock) {
          return null;
        }
        // no_cached_page
        int error = FilemapPageCacheRead.pageCacheRead(file, pgoff);
        if (error >= 0) {
          continue retryFind;
        }
        return null;
      }
      if (page.isUptodate()) {
        // success
        page.markAccessed();
        return page;
      }
      if (nonblock) {
        page.release();
        return null;
      }

      // page_not_uptodate
      page.lock();
      // Did it get unhashed while we waited for it?
      if (page.mapping() == null) {
        page.unlock();
        page.release(); // err
        return null;
      }
      // Did somebody else get it up to date?
      if (page.isUptodate()) {
        page.unlock();
        page.markAccessed(); // success
        return page;
      }
      int error = mapping.operations().readpage(file, page);
      if (error == 0) {
        page.waitUnlocked();
        if (page.isUptodate()) {
          page.markAccessed(); // success
          return page;
        }
      } else if (error == AOP_TRUNCATED_PAGE) {
        page.release();
        continue retryFind;
      }

      // Umm, take care of errors if the page isn't up to date: re-read it once, synchronously.
      page.lock();
      if (page.mapping() == null) {
        page.unlock();
        page.release(); // err
        return null;
      }
      if (page.isUptodate()) {
        page.unlock();
        page.markAccessed(); // success
        return page;
      }
      page.clearError();
      error = mapping.operations().readpage(file, page);
      if (error == 0) {
        page.waitUnlocked();
        if (page.isUptodate()) {
          page.markAccessed(); // success
          return page;
        }
      } else if (error == AOP_TRUNCATED_PAGE) {
        page.release();
        continue retryFind;
      }
      // err:
      page.release();
      return null;
    }
  }
}
