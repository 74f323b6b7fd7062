package org.aopcheck.samples.cases.l2;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * L2, buggy (inferred, not reported). Kernel: drivers that call shmem's writepage directly to push
 * graphics buffers to swap, e.g. {@code drivers/gpu/drm/i915/gem/i915_gem_shmem.c
 * __shmem_writeback} (2020-2021).
 *
 * <p>What goes wrong: the code assumes "any non-zero result means the page is still locked", which
 * is right for {@code AOP_WRITEPAGE_ACTIVATE} but wrong for a negative error, after which the
 * callee already unlocked the page: it is unlocked twice.
 */
public final class ShmemWritebackBuggy {
  private ShmemWritebackBuggy() {}

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
        if (ret == 0) {
          page.release();
          continue;
        }
      }
      // expect: AopDoubleUnlock
      page.unlock();
      page.release();
    }
  }
}
