package org.aopcheck.samples.cases.k05;

import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
import static org.aopcheck.annotations.PageState.UNLOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K05, buggy. Kernel: {@code mm/page-writeback.c __writepage} (2.6.23), later {@code writepage_cb}
 * (up to 6.11), the callback {@code do_writepages} hands to {@code write_cache_pages}.
 *
 * <p>What went wrong: {@code mapping_set_error(mapping, ret)} records any non-zero result, so an
 * {@code AOP_WRITEPAGE_ACTIVATE} (nothing failed) set {@code AS_EIO} and the next fsync or msync on
 * the file reported {@code -EIO}.
 *
 * <p>The callback is a {@code writepage_t}: it may return {@code AOP_WRITEPAGE_ACTIVATE} to {@code
 * write_cache_pages}, which unlocks the page; its contract says so, and only the error recording is
 * the bug.
 */
public final class WritepageCallbackBuggy {
  private WritepageCallbackBuggy() {}

  /** Writes one page through the mapping's {@code writepage}, recording any failure. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int writepageCallback(
      @PageParameter Page page, WritebackControl writebackControl, AddressSpace mapping) {
    int ret = mapping.operations().writepage(page, writebackControl);
    if (ret != 0) {
      // expect: AopWritepageActivateUnhandled
      mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    }
    return ret;
  }
}
