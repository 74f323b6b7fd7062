package org.aopcheck.vm.conformance;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;
import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import java.util.EnumSet;
import java.util.Set;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.InodeOperations;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.fs.Filesystem;

/**
 * A deliberately broken filesystem: an in-memory filesystem with a chosen set of {@link Defect}s,
 * each breaking one rule of the implementation side of the contract the way a real filesystem did.
 */
final class BrokenFilesystem implements Filesystem {
  /** One way to break the contract, and the kernel case it comes from. */
  enum Defect {
    /** readpage returns AOP_TRUNCATED_PAGE without unlocking the page (lock state). */
    TRUNCATED_WITH_PAGE_LOCKED(ConformanceRule.LOCK_STATE_PER_OUTCOME),
    /** writepage returns an error with the page still locked (K09, lock state). */
    WRITEPAGE_ERROR_WITH_PAGE_LOCKED(ConformanceRule.LOCK_STATE_PER_OUTCOME),
    /** commit_write returns AOP_WRITEPAGE_ACTIVATE, a code it does not declare. */
    COMMIT_RETURNS_ACTIVATE(ConformanceRule.DECLARED_CODES_ONLY),
    /** writepage returns AOP_WRITEPAGE_ACTIVATE for reclaim without redirtying (K18). */
    ACTIVATE_WITHOUT_REDIRTY(ConformanceRule.REDIRTY_BEFORE_ACTIVATE),
    /** writepage returns AOP_WRITEPAGE_ACTIVATE to writeback too (K07). */
    ACTIVATE_FOR_WRITEBACK(ConformanceRule.ACTIVATE_ONLY_FOR_RECLAIM),
    /** readpage of index 1 always returns AOP_TRUNCATED_PAGE without waiting (K15). */
    TRUNCATED_WITHOUT_PROGRESS(ConformanceRule.PROGRESS_BEFORE_TRUNCATED);

    final ConformanceRule breaks;

    Defect(ConformanceRule breaks) {
      this.breaks = breaks;
    }
  }

  private final Set<Defect> defects;

  BrokenFilesystem(Set<Defect> defects) {
    this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
  }

  @Override
  public String name() {
    return "brokenfs " + defects;
  }

  @Override
  public Inode createFile(Lru lru) {
    return new Inode(new Operations(), InodeOperations.NONE, lru, true);
  }

  private final class Operations implements AddressSpaceOperations {
    private int writepages;
    private int readpages;

    @Override
    public int readpage(OpenFile file, Page page) {
      readpages++;
      if (defects.contains(Defect.TRUNCATED_WITH_PAGE_LOCKED)
          && page.index() == 0
          && readpages % 2 == 1) {
        return AOP_TRUNCATED_PAGE; // forgets to unlock (the retry then succeeds)
      }
      if (defects.contains(Defect.TRUNCATED_WITHOUT_PROGRESS) && page.index() == 1) {
        page.unlock();
        return AOP_TRUNCATED_PAGE; // never waits, never succeeds
      }
      page.setUptodate();
      page.unlock();
      return 0;
    }

    @Override
    public int prepareWrite(OpenFile file, Page page, int from, int to) {
      page.setUptodate();
      return 0;
    }

    @Override
    public int commitWrite(OpenFile file, Page page, int from, int to) {
      page.setDirty();
      file.inode().extendSize((page.index() << Page.SHIFT) + to);
      if (defects.contains(Defect.COMMIT_RETURNS_ACTIVATE)) {
        return AOP_WRITEPAGE_ACTIVATE;
      }
      return 0;
    }

    @Override
    public int writepage(Page page, WritebackControl wbc) {
      writepages++;
      if (defects.contains(Defect.WRITEPAGE_ERROR_WITH_PAGE_LOCKED) && writepages % 3 == 0) {
        return -5; // -EIO, page left locked
      }
      if (wbc.forReclaim && defects.contains(Defect.ACTIVATE_WITHOUT_REDIRTY)) {
        return AOP_WRITEPAGE_ACTIVATE; // page still clean
      }
      if (!wbc.forReclaim && defects.contains(Defect.ACTIVATE_FOR_WRITEBACK)) {
        page.redirty(wbc);
        return AOP_WRITEPAGE_ACTIVATE;
      }
      page.unlock();
      return 0;
    }
  }
}
