package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * {@code pageout} of {@code mm/vmscan.c}, Linux 2.6.14 with the 2005 patch (only the constant's
 * name changed): writepage returning AOP_WRITEPAGE_ACTIVATE means the page is still locked and
 * redirtied, and reclaim activates it ({@link PageoutResult#PAGE_ACTIVATE}; {@code shrink_list}
 * then unlocks it). Any other result means writepage unlocked the page.
 */
public final class VmscanPageout {
  private VmscanPageout() {}

  /** Called by reclaim with {@code page} locked and an isolation reference held. */
  public static PageoutResult pageout(Page page, AddressSpace mapping) {
    // If the page is dirty, only perform writeback if that write will be non-blocking.
    if (!isPageCacheFreeable(page)) {
      return PageoutResult.PAGE_KEEP;
    }
    if (mapping == null) {
      // Buffers (PagePrivate) are not modelled: an orphaned page is kept.
      return PageoutResult.PAGE_KEEP;
    }
    // may_write_to_queue: there is no request-queue congestion in this model.
    if (page.clearDirtyForIo()) {
      WritebackControl wbc = new WritebackControl();
      wbc.syncMode = WritebackControl.SyncMode.NONE;
      wbc.nrToWrite = ScanControl.SWAP_CLUSTER_MAX;
      wbc.nonblocking = true;
      wbc.forReclaim = true;
      page.setReclaim();
      int res = mapping.operations().writepage(page, wbc);
      if (res < 0) {
        handleWriteError(mapping, page, res);
      }
      if (res == AOP_WRITEPAGE_ACTIVATE) {
        page.clearReclaim();
        return PageoutResult.PAGE_ACTIVATE;
      }
      if (!page.underWriteback()) {
        // synchronous write or broken a_ops?
        page.clearReclaim();
      }
      return PageoutResult.PAGE_SUCCESS;
    }
    return PageoutResult.PAGE_CLEAN;
  }

  /** {@code is_page_cache_freeable}: only the cache and reclaim hold the page. */
  static boolean isPageCacheFreeable(Page page) {
    return page.referenceCount() == 2;
  }

  /**
   * {@code handle_write_error}: records the error on the mapping. writepage already unlocked the
   * page, so it is locked again to check that it is still in the mapping.
   */
  static void handleWriteError(AddressSpace mapping, Page page, int error) {
    page.lock();
    if (page.mapping() == mapping) {
      mapping.setError(error == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
    }
    page.unlock();
  }
}
