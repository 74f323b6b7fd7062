package org.aopcheck.samples.cases.k17;

import org.aopcheck.samples.model.ErrorPointer;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K17, buggy. Kernel: {@code mm/filemap.c read_cache_page} / {@code do_read_cache_page} / {@code
 * do_read_cache_folio}, Linux 2.6.x-5.19, before the 6.0 patch "filemap: Handle AOP_TRUNCATED_PAGE
 * in do_read_cache_folio()".
 *
 * <p>What went wrong: only a negative filler result was an error, so {@code AOP_TRUNCATED_PAGE} was
 * taken as success: the caller waited on the page the filesystem had already unlocked, found it not
 * uptodate and returned a spurious {@code -EIO} (2.6.x returned the stale page instead).
 */
public final class ReadCachePageBuggy {
  private ReadCachePageBuggy() {}

  /**
   * Returns the uptodate page at {@code index} with a reference, read through the mapping's
   * readpage (the usual filler) if needed; throws {@link ErrorPointer} where the kernel returns
   * {@code ERR_PTR}.
   */
  public static Page readCachePage(AddressSpace mapping, long index, OpenFile file) {
    while (true) {
      Page page = mapping.findGet(index);
      if (page == null) {
        page = Page.alloc();
        int error = mapping.addLocked(page, index);
        if (error == -Errno.EEXIST) {
          page.release();
          continue;
        }
        if (error != 0) {
          page.release();
          throw new ErrorPointer(error);
        }
      } else {
        if (page.isUptodate()) {
          page.markAccessed();
          return page;
        }
        page.lock();
        if (page.mapping() == null) {
          page.unlock();
          page.release();
          continue;
        }
        if (page.isUptodate()) {
          page.unlock();
          page.markAccessed();
          return page;
        }
      }
      int err = mapping.operations().readpage(file, page);
      // expect: AopTruncatedPageUnhandled
      if (err < 0) {
        page.release();
        throw new ErrorPointer(err);
      }
      // The first use of the stale page on each path is the finding (see docs/samples.md).
      // expect: AopTruncatedPageUse
      page.waitUnlocked();
      if (!page.isUptodate()) {
        page.release();
        throw new ErrorPointer(-Errno.EIO);
      }
      page.markAccessed();
      return page;
    }
  }
}
