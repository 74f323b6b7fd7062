package org.aopcheck.samples.cases.k04;

import java.util.List;
import org.aopcheck.samples.model.DirtyPages;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K04, fixed. Kernel: {@code mm/page-writeback.c write_cache_pages}, Linux 2.6.23 after commit
 * e4230030 "writeback: don't propagate AOP_WRITEPAGE_ACTIVATE".
 *
 * <p>The fix: after unlocking the page, {@code AOP_WRITEPAGE_ACTIVATE} becomes 0 ("not an error"),
 * so it neither stops the loop nor reaches the caller.
 */
public final class WriteCachePagesFixed {
  private WriteCachePagesFixed() {}

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
          ret = 0;
        }
        if (ret != 0 || --writebackControl.nrToWrite <= 0) {
          done = true;
        }
      }
      DirtyPages.release(batch);
    }
    return ret;
  }
}
