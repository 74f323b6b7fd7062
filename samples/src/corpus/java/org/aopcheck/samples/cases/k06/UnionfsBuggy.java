package org.aopcheck.samples.cases.k06;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K06, buggy. Kernel: unionfs (out of tree, 2007) {@code fs/unionfs/mmap.c unionfs_writepage}, a
 * stacking filesystem whose writepage calls the lower (tmpfs) writepage; mailing-list thread
 * "msync(2) bug(?), returns AOP_WRITEPAGE_ACTIVATE to userland".
 *
 * <p>What went wrong: when tmpfs returned {@code AOP_WRITEPAGE_ACTIVATE}, the lower page was left
 * locked (and its reference kept), and the code was passed up to a caller that was not reclaim;
 * with K04 it reached msync.
 */
public final class UnionfsBuggy extends MemoryFilesystem {
  private final AddressSpace lowerMapping;

  /** A union layer over the lower file whose page cache is {@code lowerMapping}. */
  public UnionfsBuggy(AddressSpace lowerMapping) {
    this.lowerMapping = lowerMapping;
  }

  @Override
  public int writepage(Page upper, WritebackControl writebackControl) {
    int err = -Errno.EIO;
    Page lower = lowerMapping.findOrCreateLocked(upper.index());
    if (lower == null) {
      upper.unlock();
      return err;
    }
    System.arraycopy(upper.data(), 0, lower.data(), 0, Page.SIZE);
    err = lowerMapping.operations().writepage(lower, writebackControl);
    if (err == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      upper.setDirty();
      // expect: AopPageLeftLocked
      return AopCodes.AOP_WRITEPAGE_ACTIVATE;
    }
    lower.release();
    if (err < 0) {
      upper.clearUptodate();
    } else {
      upper.setUptodate();
    }
    upper.unlock();
    return err;
  }
}
