package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchNames.WRITEPAGE_ACTIVATE;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.mm.PageoutResult;
import org.aopcheck.vm.mm.ScanControl;

/**
 * {@code pageout} of {@code mm/vmscan.c}, Linux 2.6.14 (before the 2005 patch); {@code
 * shrink_list}'s handling of its result did not change. Only the constant's name differs from the
 * patched form: the still-locked page is activated and then unlocked either way, so nothing goes
 * wrong at run time.
 */
public final class Pageout {
  private Pageout() {}

  public static PageoutResult pageout(Page page, AddressSpace mapping) {
    if (page.referenceCount() != 2) { // is_page_cache_freeable
      return PageoutResult.PAGE_KEEP;
    }
    if (mapping == null) {
      return PageoutResult.PAGE_KEEP;
    }
    if (page.clearDirtyForIo()) {
      WritebackControl wbc = new WritebackControl();
      wbc.syncMode = WritebackControl.SyncMode.NONE;
      wbc.nrToWrite = ScanControl.SWAP_CLUSTER_MAX;
      wbc.nonblocking = true;
      wbc.forReclaim = true;
      page.setReclaim();
      int res = mapping.operations().writepage(page, wbc);
      if (res < 0) {
        // handle_write_error
        page.lock();
        if (page.mapping() == mapping) {
          mapping.setError(res == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
        }
        page.unlock();
      }
      // expect: AopLegacyName
      if (res == WRITEPAGE_ACTIVATE) {
        page.clearReclaim();
        return PageoutResult.PAGE_ACTIVATE;
      }
      if (!page.underWriteback()) {
        page.clearReclaim();
      }
      return PageoutResult.PAGE_SUCCESS;
    }
    return PageoutResult.PAGE_CLEAN;
  }
}
