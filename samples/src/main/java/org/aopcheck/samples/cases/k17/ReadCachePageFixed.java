package org.aopcheck.samples.cases.k17;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.PageState.UNLOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.samples.model.ErrorPointer;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K17, fixed. Kernel: {@code mm/filemap.c do_read_cache_folio} with {@code filemap_read_folio},
 * Linux 6.0, after "filemap: Handle AOP_TRUNCATED_PAGE in do_read_cache_folio()".
 *
 * <p>The fix: the read goes through {@code filemap_read_folio}, which returns any non-zero filler
 * result unchanged; the caller releases the page and, on {@code AOP_TRUNCATED_PAGE}, looks it up
 * again.
 */
public final class ReadCachePageFixed {
  private ReadCachePageFixed() {}

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
      int err = readFolio(file, mapping, page);
      if (err != 0) {
        page.release();
        if (err == AopCodes.AOP_TRUNCATED_PAGE) {
          continue;
        }
        throw new ErrorPointer(err);
      }
      page.markAccessed();
      return page;
    }
  }

  /**
   * {@code filemap_read_folio}: calls the filler on the locked page and waits for the read; returns
   * the filler's non-zero result unchanged, {@code -EIO} if the page did not become uptodate, or 0.
   */
  @PageOperation(value = "filemap_read_folio", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(TRUNCATED_PAGE)
  static int readFolio(OpenFile file, AddressSpace mapping, @PageParameter Page page) {
    page.clearError();
    int error = mapping.operations().readpage(file, page);
    if (error != 0) {
      return error;
    }
    page.waitUnlocked();
    if (page.isUptodate()) {
      return 0;
    }
    return -Errno.EIO;
  }
}
