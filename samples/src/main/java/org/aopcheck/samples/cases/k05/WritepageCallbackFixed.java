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
 * K05, fixed. Kernel: {@code mm/page-writeback.c writepage_cb}, 2024 patch "writeback: don't call
 * mapping_set_error on AOP_WRITEPAGE_ACTIVATE".
 *
 * <p>The fix: only a negative result is recorded on the mapping; {@code AOP_WRITEPAGE_ACTIVATE} is
 * passed to {@code write_cache_pages}, which unlocks the page and treats it as success.
 */
public final class WritepageCallbackFixed {
  private WritepageCallbackFixed() {}

  /** Writes one page through the mapping's {@code writepage}, recording genuine failures. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int writepageCallback(
      @PageParameter Page page, WritebackControl writebackControl, AddressSpace mapping) {
    int ret = mapping.operations().writepage(page, writebackControl);
    if (ret < 0) {
      mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    }
    return ret;
  }
}
