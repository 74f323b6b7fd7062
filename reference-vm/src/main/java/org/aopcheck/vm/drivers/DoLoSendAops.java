package org.aopcheck.vm.drivers;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code do_lo_send_aops} of {@code drivers/block/loop.c}, Linux 2.6.14 with the 2005 patch
 * (mainline 994fc28c, 2.6.15): when prepare_write or commit_write returns AOP_TRUNCATED_PAGE the
 * page (already unlocked by the filesystem) is released and the same index is tried again; before
 * the patch any non-zero result went to the {@code unlock} label, unlocking it a second time.
 *
 * <p>The labels: {@code send} is the block the kernel leaves with {@code goto unlock} / {@code goto
 * fail} (both end in {@code ret = -1}); {@code out} follows it.
 */
public final class DoLoSendAops {
  private DoLoSendAops() {}

  /** Writes {@code bvec} at {@code pos} of the backing file; returns 0, or -1 on failure. */
  // As the kernel: i_sem is released once, at the out label, by every path; `send` is a label
  // that the kernel leaves with goto, not a loop.
  @SuppressWarnings({"LockNotBeforeTry", "LabelledBreakTarget"})
  public static int doLoSendAops(LoopDevice lo, BioVec bvec, int bsize, long pos) {
    OpenFile file = lo.backingFile();
    AddressSpace mapping = file.mapping();
    AddressSpaceOperations aops = mapping.operations();
    int ret;

    mapping.host().inodeSemaphore().lock(); // down(&mapping->host->i_sem)
    long index = pos >> Page.SHIFT;
    int offset = (int) (pos & (Page.SIZE - 1));
    int bvOffs = bvec.offset();
    int len = bvec.length();
    send:
    {
      while (len > 0) {
        int size = Math.min(Page.SIZE - offset, len);
        Page page = mapping.findOrCreateLocked(index); // grab_cache_page
        if (page == null) {
          ret = -1; // fail
          break send;
        }
        ret = aops.prepareWrite(file, page, offset, offset + size);
        if (ret != 0) {
          if (ret == AOP_TRUNCATED_PAGE) {
            page.release();
            continue;
          }
          page.unlock(); // unlock
          page.release();
          ret = -1; // fail
          break send;
        }
        int transferResult = lo.transfer(page.data(), offset, bvec.data(), bvOffs, size);
        if (transferResult != 0) {
          // The transfer failed, but we still write the data to keep prepare/commit balanced.
          java.util.Arrays.fill(page.data(), offset, offset + size, (byte) 0);
        }
        // flush_dcache_page: nothing to do in this model.
        ret = aops.commitWrite(file, page, offset, offset + size);
        if (ret != 0) {
          if (ret == AOP_TRUNCATED_PAGE) {
            page.release();
            continue;
          }
          page.unlock(); // unlock
          page.release();
          ret = -1; // fail
          break send;
        }
        if (transferResult != 0) {
          page.unlock(); // unlock
          page.release();
          ret = -1; // fail
          break send;
        }
        bvOffs += size;
        len -= size;
        offset = 0;
        index++;
        pos += size;
        page.unlock();
        page.release();
      }
      ret = 0;
    }
    // out:
    mapping.host().inodeSemaphore().unlock(); // up(&mapping->host->i_sem)
    return ret;
  }
}
