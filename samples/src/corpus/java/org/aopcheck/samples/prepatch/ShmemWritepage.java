package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchNames.WRITEPAGE_ACTIVATE;

import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.mm.Shmem;

/**
 * {@code shmem_writepage} of {@code mm/shmem.c}, Linux 2.6.14 (before the 2005 patch), with tmpfs's
 * other operations unchanged. Only the constant's name differs from the patched form: the page is
 * redirtied and left locked for reclaim either way, so nothing goes wrong at run time.
 */
public final class ShmemWritepage implements AddressSpaceOperations {
  private final Shmem.ShmemOperations tmpfs;

  /**
   * Wraps tmpfs's own operations ({@link Shmem#createFile(org.aopcheck.vm.Lru,
   * java.util.function.UnaryOperator)}).
   */
  public ShmemWritepage(AddressSpaceOperations tmpfs) {
    this.tmpfs = (Shmem.ShmemOperations) tmpfs;
  }

  @Override
  public int readpage(OpenFile file, Page page) {
    return tmpfs.readpage(file, page);
  }

  @Override
  public int prepareWrite(OpenFile file, Page page, int from, int to) {
    return tmpfs.prepareWrite(file, page, from, to);
  }

  @Override
  public int commitWrite(OpenFile file, Page page, int from, int to) {
    return tmpfs.commitWrite(file, page, from, to);
  }

  /** {@code shmem_writepage}. */
  @Override
  public int writepage(Page page, WritebackControl wbc) {
    if (!tmpfs.vmLocked() && tmpfs.moveToSwap(page)) {
      page.unlock();
      return 0;
    }
    // redirty:
    page.setDirty();
    // expect: AopLegacyName
    return WRITEPAGE_ACTIVATE;
  }
}
