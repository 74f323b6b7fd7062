package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import java.util.List;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * {@code mpage_writepages} of {@code fs/mpage.c} with {@code get_block == NULL} (every page goes
 * through {@code ->writepage}), in the 2.6.17 shape ({@code range_cyclic}, {@code range_start},
 * {@code range_end}; 2.6.14 used {@code wbc->start/end}) with the 2005 patch (the renamed
 * AOP_WRITEPAGE_ACTIVATE, on which the page is unlocked) and with the later fixes of the two bugs
 * the 2005 form still had:
 *
 * <ul>
 *   <li>commit e4230030 (2007, "writeback: don't propagate AOP_WRITEPAGE_ACTIVATE", KERNEL-CASES
 *       K04): the code is turned into 0, so it neither ends the loop nor is returned to msync;
 *   <li>the 2024 fix "writeback: don't call mapping_set_error in writepage_cb" (K05): the code is
 *       never recorded as an error on the mapping; only a negative error is.
 * </ul>
 *
 * The 2.6.14 form, with both bugs, is the pre-patch sample. Bio merging ({@code __mpage_writepage})
 * and congestion are not modelled.
 */
public final class MpageWritepages {
  /** {@code PAGEVEC_SIZE}. */
  static final int PAGEVEC_SIZE = 14;

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
          if (ret == AOP_WRITEPAGE_ACTIVATE) {
            // Writeback did not start; the page is still locked and redirtied. Not an error.
            page.unlock();
            ret = 0;
          } else if (ret < 0) {
            mapping.setError(ret == -Errno.ENOSPC ? -Errno.ENOSPC : -Errno.EIO);
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
    return ret;
  }
}
