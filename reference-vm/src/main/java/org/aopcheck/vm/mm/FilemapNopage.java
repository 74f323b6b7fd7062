package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;

import org.aopcheck.annotations.LooksUp;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code filemap_nopage} of {@code mm/filemap.c}, Linux 2.6.14 with the 2005 patch (mainline
 * 994fc28c, 2.6.15): at both readpage sites, AOP_TRUNCATED_PAGE releases the page and goes back to
 * {@code retry_find} (a fresh lookup) instead of falling into the relock-and-retry path and, on a
 * second positive code, SIGBUS.
 *
 * <p>Labels: {@code retryAll} and {@code retryFind} are loops ({@code continue} is the {@code
 * goto}); {@code no_cached_page}, {@code page_not_uptodate} and {@code success} are marked where
 * they begin. {@code NOPAGE_SIGBUS} and {@code NOPAGE_OOM} are both {@code null} here.
 */
public final class FilemapNopage {
  /** {@code MMAP_LOTSAMISS}. */
  static final long MMAP_LOTSAMISS = 100;

  /** {@code max_sane_readahead(file->f_ra.ra_pages)} reduced to a constant. */
  static final int READAROUND_PAGES = 8;

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
          int error = FilemapPageCacheRead.pageCacheRead(file, pgoff);
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
          } else if (error == AOP_TRUNCATED_PAGE) {
            page.release();
            continue retryFind;
          }

          // Umm, take care of errors if the page isn't up to date. Try to re-read it once,
          // synchronously, because there really aren't any performance issues here.
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
          if (error == 0) {
            page.waitUnlocked();
            if (page.isUptodate()) {
              page.markAccessed(); // success
              area.lastFaultType = majmin;
              return page;
            }
          } else if (error == AOP_TRUNCATED_PAGE) {
            page.release();
            continue retryFind;
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
