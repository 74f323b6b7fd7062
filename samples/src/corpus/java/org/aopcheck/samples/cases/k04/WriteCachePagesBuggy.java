package org.aopcheck.samples.cases.k04;

import java.util.List;
import org.aopcheck.samples.model.DirtyPages;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K04, buggy. Kernel: {@code fs/mpage.c mpage_writepages} (2.6.16-2.6.22) and {@code
 * mm/page-writeback.c write_cache_pages} (2.6.23), before commit e4230030 "writeback: don't
 * propagate AOP_WRITEPAGE_ACTIVATE".
 *
 * <p>What went wrong: the page was unlocked after {@code AOP_WRITEPAGE_ACTIVATE}, but the code
 * stayed in {@code ret}, stopped the loop and was returned, through {@code do_writepages} and
 * {@code filemap_fdatawrite}, to msync, which returned 524288 to user space.
 */
public final class WriteCachePagesBuggy {
  private WriteCachePagesBuggy() {}

  /** Writes back the dirty pages of {@code mapping}; returns 0 or a negative error. */
  public static int writeCachePages(AddressSpace mapping, WritebackControl writebackControl) {
    AddressSpaceOperations aops = mapping.operations();
    int ret = 0;
    boolean done = false;
    long index = 0;
    while (!done) {
      List<Page> batch = DirtyPages.lookup(mapping, index);
      if (batch.isEmpty()) {
        break;
      }
      for (Page page : batch) {
        index = page.index() + 1;
        page.lock();
        if (page.mapping() != mapping) {
          page.unlock();
          continue;
        }
        if (writebackControl.syncMode != WritebackControl.SyncMode.NONE) {
          page.waitWriteback();
        }
        if (page.underWriteback() || !page.clearDirtyForIo()) {
          page.unlock();
          continue;
        }
        ret = aops.writepage(page, writebackControl);
        if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
          page.unlock();
        }
        if (ret != 0 || --writebackControl.nrToWrite <= 0) {
          done = true;
        }
      }
      DirtyPages.release(batch);
    }
    // expect: AopWritepageActivateUnhandled
    return ret;
  }
}
