package org.aopcheck.samples.prepatch;

import org.aopcheck.annotations.LooksUp;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.mm.Readahead;
import org.aopcheck.vm.mm.ReadaheadReadPages;
import org.aopcheck.vm.mm.VmArea;

/**
 * {@code filemap_nopage} of {@code mm/filemap.c}, Linux 2.6.14.7 (before the 2005 patch). Only a
 * zero readpage result counts as success: after AOP_TRUNCATED_PAGE it relocks the page the
 * filesystem gave up and reads it again, and a second positive code at the second site ends in
 * SIGBUS for a page inside the file.
 */
public final class FilemapNopage {
  /** {@code MMAP_LOTSAMISS}. */
  private static final long MMAP_LOTSAMISS = 100;

  /** {@code max_sane_readahead(file->f_ra.ra_pages)} reduced to a constant. */
  private static final int READAROUND_PAGES = 8;

  private FilemapNopage() {}

  /** The uptodate page at {@code pgoff}, with a reference for the caller; or null (SIGBUS/OOM). */
  @LooksUp(locked = false)
  public static Page filemapNopage(VmArea area, long pgoff) {
    OpenFile file = area.file();
    AddressSpace mapping = file.mapping();
    OpenFile.ReadaheadState ra = file.readahead();
    Inode inode = mapping.host();
    boolean didReadaround = false;
    int majmin = VmArea.VM_FAULT_MINOR;

    retryAll:
    for (; ; ) {
      long size = (inode.size() + Page.SIZE - 1) >> Page.SHIFT;
      // The kernel jumps straight to no_cached_page in these two cases.
      boolean noLookup = false;
      if (pgoff >= size) {
        // outside_data_content: only an external ptracer may read beyond end of file.
        if (area.faultingTaskOwnsMm()) {
          return null;
        }
        noLookup = true;
      } else if (area.randomReadHint()) {
        noLookup = true;
      } else if (area.sequentialReadHint()) {
        Readahead.pageCacheReadahead(mapping, ra, file, pgoff, 1);
      }

      retryFind:
      for (; ; ) {
        Page page = null;
        if (!noLookup) {
          page = mapping.findGet(pgoff);
          if (page == null && area.sequentialReadHint()) {
            Readahead.handleRaMiss(ra, pgoff);
          } else if (page == null) {
            ra.mmapMiss++;
            // Do we miss much more than hit in this file? If so, stop bothering with read-ahead.
            if (ra.mmapMiss <= ra.mmapHit + MMAP_LOTSAMISS) {
              if (!didReadaround) {
                majmin = VmArea.VM_FAULT_MAJOR;
              }
              didReadaround = true;
              long start = Math.max(0, pgoff - READAROUND_PAGES / 2);
              Readahead.doPageCacheReadahead(
                  mapping, file, start, READAROUND_PAGES, ReadaheadReadPages::readPages);
              page = mapping.findGet(pgoff);
            }
          }
        }
        noLookup = false;

        if (page == null) {
          // no_cached_page: read the page synchronously, then look it up again.
          int error = PageCacheRead.pageCacheRead(file, pgoff);
          if (error >= 0) {
            continue retryFind;
          }
          return null; // NOPAGE_OOM for -ENOMEM, NOPAGE_SIGBUS otherwise
        }
        if (!didReadaround) {
          ra.mmapHit++;
        }

        if (!page.isUptodate()) {
          // page_not_uptodate
          if (!didReadaround) {
            majmin = VmArea.VM_FAULT_MAJOR;
          }
          page.lock();
          // Did it get unhashed while we waited for it?
          if (page.mapping() == null) {
            page.unlock();
            page.release();
            continue retryAll;
          }
          // Did somebody else get it up to date?
          if (page.isUptodate()) {
            page.unlock();
            page.markAccessed(); // success
            area.lastFaultType = majmin;
            return page;
          }
          int error = mapping.operations().readpage(file, page);
          if (error == 0) {
            page.waitUnlocked();
            if (page.isUptodate()) {
              page.markAccessed(); // success
              area.lastFaultType = majmin;
              return page;
            }
          }

          // Umm, take care of errors if the page isn't up to date. Try to re-read it once,
          // synchronously, because there really aren't any performance issues here.
          // expect: AopTruncatedPageUse
          page.lock();
          if (page.mapping() == null) {
            page.unlock();
            page.release();
            continue retryAll;
          }
          if (page.isUptodate()) {
            page.unlock();
            page.markAccessed(); // success
            area.lastFaultType = majmin;
            return page;
          }
          page.clearError();
          error = mapping.operations().readpage(file, page);
          // expect: AopTruncatedPageUnhandled
          if (error == 0) {
            page.waitUnlocked();
            if (page.isUptodate()) {
              page.markAccessed(); // success
              area.lastFaultType = majmin;
              return page;
            }
          }
          // Things didn't work out: SIGBUS.
          page.release();
          return null;
        }

        // success: try to return the page as read-only, then trap on write.
        page.markAccessed();
        area.lastFaultType = majmin;
        return page;
      }
    }
  }
}
