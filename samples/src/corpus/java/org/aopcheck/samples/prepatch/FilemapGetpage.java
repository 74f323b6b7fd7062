package org.aopcheck.samples.prepatch;

import org.aopcheck.annotations.LooksUp;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code filemap_getpage} of {@code mm/filemap.c}, Linux 2.6.14.7 (before the 2005 patch). As in
 * {@code filemap_nopage}, only a zero readpage result counts as success: after AOP_TRUNCATED_PAGE
 * it relocks the page the filesystem gave up, and a second positive code makes {@code
 * remap_file_pages} fail for a page inside the file.
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
        int error = PageCacheRead.pageCacheRead(file, pgoff);
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
      // expect: AopTruncatedPageUnhandled
      if (error == 0) {
        page.waitUnlocked();
        if (page.isUptodate()) {
          page.markAccessed(); // success
          return page;
        }
      }

      // Umm, take care of errors if the page isn't up to date: re-read it once, synchronously.
      // expect: AopTruncatedPageUse
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
      // expect: AopTruncatedPageUnhandled
      if (error == 0) {
        page.waitUnlocked();
        if (page.isUptodate()) {
          page.markAccessed(); // success
          return page;
        }
      }
      // err:
      page.release();
      return null;
    }
  }
}
