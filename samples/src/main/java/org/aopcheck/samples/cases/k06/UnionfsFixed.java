package org.aopcheck.samples.cases.k06;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K06, fixed. Kernel: unionfs {@code unionfs_writepage} after the 2007 fixes (the form that went
 * with Linux 2.6.24).
 *
 * <p>The fix: for reclaim the lower writepage is not called at all (the lower page is redirtied and
 * left to the lower filesystem's own reclaim); otherwise {@code AOP_WRITEPAGE_ACTIVATE} from below
 * is absorbed: the lower page is unlocked, the result becomes 0, and the upper page is always
 * unlocked, so this writepage never returns the code.
 */
public final class UnionfsFixed extends MemoryFilesystem {
  private final AddressSpace lowerMapping;

  /** A union layer over the lower file whose page cache is {@code lowerMapping}. */
  public UnionfsFixed(AddressSpace lowerMapping) {
    this.lowerMapping = lowerMapping;
  }

  @Override
  public int writepage(Page upper, WritebackControl writebackControl) {
    int err = 0;
    Page lower = lowerMapping.findOrCreateLocked(upper.index());
    if (lower == null) {
      upper.setDirty();
      upper.unlock();
      return err;
    }
    System.arraycopy(upper.data(), 0, lower.data(), 0, Page.SIZE);
    if (writebackControl.forReclaim) {
      lower.setDirty();
      lower.unlock();
    } else {
      lower.clearDirtyForIo();
      err = lowerMapping.operations().writepage(lower, writebackControl);
      if (err < 0) {
        upper.clearUptodate();
      } else {
        if (err == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
          err = 0;
          lower.unlock();
        }
        upper.setUptodate();
      }
    }
    lower.release();
    upper.unlock();
    return err;
  }
}
