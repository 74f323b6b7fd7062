package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchNames.WRITEPAGE_ACTIVATE;

import java.util.List;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * {@code mpage_writepages} of {@code fs/mpage.c} with {@code get_block == NULL}, Linux 2.6.14
 * (before the 2005 patch; written in the 2.6.17 range shape of the reference VM's form). When
 * writepage returns WRITEPAGE_ACTIVATE it unlocks the page correctly, but it also records the code
 * as {@code -EIO} on the mapping (KERNEL-CASES K05: the next fsync fails), stops writing the other
 * pages, and returns 0x80000 to its caller (K04: msync returned 524288).
 */
public final class MpageWritepages {
  /** {@code PAGEVEC_SIZE}. */
  private static final int PAGEVEC_SIZE = 14;

  private MpageWritepages() {}

  /** Writes the mapping's dirty pages chosen by {@code wbc}; returns 0 or a negative errno. */
  public static int mpageWritepages(AddressSpace mapping, WritebackControl wbc) {
    AddressSpaceOperations aops = mapping.operations();
    int ret = 0;
    boolean done = false;
    long index;
    long end;
    boolean scanned = false;
    boolean rangeWhole = false;

    if (wbc.rangeCyclic) {
      index = mapping.writebackIndex(); // start from the previous position
      end = Long.MAX_VALUE;
    } else {
      index = wbc.rangeStart >> Page.SHIFT;
      end = wbc.rangeEnd == Long.MAX_VALUE ? Long.MAX_VALUE : wbc.rangeEnd >> Page.SHIFT;
      if (wbc.rangeStart == 0 && wbc.rangeEnd == Long.MAX_VALUE) {
        rangeWhole = true;
      }
      scanned = true;
    }

    retry:
    for (; ; ) {
      while (!done && index <= end) {
        List<Page> pvec = mapping.findGetDirtyPages(index, end, PAGEVEC_SIZE);
        if (pvec.isEmpty()) {
          break;
        }
        scanned = true;
        index = pvec.get(pvec.size() - 1).index() + 1;
        for (Page page : pvec) {
          // At this point we hold neither the mapping's lock nor the page lock: the page may be
          // truncated or invalidated (page.mapping() becomes null), so lock it and check.
          page.lock();
          if (page.mapping() != mapping) {
            page.unlock();
            continue;
          }
          if (!wbc.rangeCyclic && page.index() > end) {
            done = true;
            page.unlock();
            continue;
          }
          if (wbc.syncMode != WritebackControl.SyncMode.NONE) {
            page.waitWriteback();
          }
          if (page.underWriteback() || !page.clearDirtyForIo()) {
            page.unlock();
            continue;
          }
          ret = aops.writepage(page, wbc);
          if (ret != 0) {
            // expect: AopWritepageActivateUnhandled
            mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
          }
          // expect: AopLegacyName
          if (ret == WRITEPAGE_ACTIVATE) {
            page.unlock();
          }
          if (ret != 0 || --wbc.nrToWrite <= 0) {
            done = true;
          }
        }
        for (Page page : pvec) {
          page.release(); // pagevec_release
        }
      }
      if (!scanned && !done) {
        // We hit the last page and there is more work to be done: wrap back to the start.
        scanned = true;
        index = 0;
        continue retry;
      }
      break;
    }
    if (wbc.rangeCyclic || (rangeWhole && wbc.nrToWrite > 0)) {
      mapping.setWritebackIndex(index);
    }
    // expect: AopWritepageActivateUnhandled
    return ret;
  }
}
