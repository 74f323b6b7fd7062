package org.aopcheck.samples.prepatch;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.drivers.BioVec;
import org.aopcheck.vm.drivers.LoopDevice;

/**
 * {@code do_lo_send_aops} of {@code drivers/block/loop.c}, Linux 2.6.14 (before the 2005 patch).
 * When prepare_write or commit_write returns AOP_TRUNCATED_PAGE, the page (already unlocked by the
 * filesystem) is unlocked again at {@code unlock} and the write fails instead of being retried.
 */
public final class DoLoSendAops {
  private DoLoSendAops() {}

  public static int doLoSendAops(LoopDevice lo, BioVec bvec, int bsize, long pos) {
    OpenFile file = lo.backingFile();
    AddressSpace mapping = file.mapping();
    AddressSpaceOperations aops = mapping.operations();
    int ret = 0;

    mapping.host().inodeSemaphore().lock(); // down(&mapping->host->i_sem)
    long index = pos >> Page.SHIFT;
    int offset = (int) (pos & (Page.SIZE - 1));
    int bvOffs = bvec.offset();
    int len = bvec.length();
    while (len > 0) {
      int size = Math.min(Page.SIZE - offset, len);
      Page page = mapping.findOrCreateLocked(index); // grab_cache_page
      if (page == null) {
        ret = -1; // fail
        break;
      }
      // expect: AopTruncatedPageUnhandled
      if (aops.prepareWrite(file, page, offset, offset + size) != 0) {
        // expect: AopDoubleUnlock
        page.unlock(); // unlock
        page.release();
        ret = -1; // fail
        break;
      }
      int transferResult = lo.transfer(page.data(), offset, bvec.data(), bvOffs, size);
      if (transferResult != 0) {
        java.util.Arrays.fill(page.data(), offset, offset + size, (byte) 0);
      }
      // expect: AopTruncatedPageUnhandled
      if (aops.commitWrite(file, page, offset, offset + size) != 0) {
        // expect: AopDoubleUnlock
        page.unlock(); // unlock
        page.release();
        ret = -1; // fail
        break;
      }
      if (transferResult != 0) {
        page.unlock(); // unlock
        page.release();
        ret = -1; // fail
        break;
      }
      bvOffs += size;
      len -= size;
      offset = 0;
      index++;
      pos += size;
      page.unlock();
      page.release();
    }
    mapping.host().inodeSemaphore().unlock(); // up(&mapping->host->i_sem)
    return ret;
  }
}
