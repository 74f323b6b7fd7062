package org.aopcheck.samples.cases.l2;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * L2, fixed. Kernel: a shmem writeback loop like {@code __shmem_writeback} of {@code
 * drivers/gpu/drm/i915}, as the protocol requires.
 *
 * <p>The fix: only {@code AOP_WRITEPAGE_ACTIVATE} leaves the page locked; after 0 or a negative
 * error the page is only released.
 */
public final class ShmemWritebackFixed {
  private ShmemWritebackFixed() {}

  /** Pushes the first {@code pageCount} pages of a shmem object towards swap, for a shrinker. */
  public static void shmemWriteback(AddressSpace mapping, long pageCount) {
    AddressSpaceOperations aops = mapping.operations();
    WritebackControl writebackControl = new WritebackControl();
    writebackControl.syncMode = WritebackControl.SyncMode.NONE;
    writebackControl.nrToWrite = 32;
    writebackControl.forReclaim = true;
    for (long index = 0; index < pageCount; index++) {
      Page page = mapping.findLock(index);
      if (page == null) {
        continue;
      }
      if (page.clearDirtyForIo()) {
        page.setReclaim();
        int ret = aops.writepage(page, writebackControl);
        if (!page.underWriteback()) {
          page.clearReclaim();
        }
        if (ret != AopCodes.AOP_WRITEPAGE_ACTIVATE) {
          page.release();
          continue;
        }
      }
      page.unlock();
      page.release();
    }
  }
}
