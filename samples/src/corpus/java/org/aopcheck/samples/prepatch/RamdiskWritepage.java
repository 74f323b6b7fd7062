package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchNames.WRITEPAGE_ACTIVATE;

import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.drivers.Ramdisk;

/**
 * {@code ramdisk_writepage} of {@code drivers/block/rd.c}, Linux 2.6.14 (before the 2005 patch),
 * with the driver's other operations unchanged. Only the constant's name differs from the patched
 * form: the behaviour is the same, so nothing goes wrong at run time; the old spelling is what the
 * patch removed.
 */
public final class RamdiskWritepage implements AddressSpaceOperations {
  private final AddressSpaceOperations driver;

  /**
   * Wraps the driver's own operations ({@link Ramdisk#createFile(org.aopcheck.vm.Lru,
   * java.util.function.UnaryOperator)}).
   */
  public RamdiskWritepage(AddressSpaceOperations driver) {
    this.driver = driver;
  }

  @Override
  public int readpage(OpenFile file, Page page) {
    return driver.readpage(file, page);
  }

  @Override
  public int prepareWrite(OpenFile file, Page page, int from, int to) {
    return driver.prepareWrite(file, page, from, to);
  }

  @Override
  public int commitWrite(OpenFile file, Page page, int from, int to) {
    return driver.commitWrite(file, page, from, to);
  }

  /** {@code ramdisk_writepage}. */
  @Override
  public int writepage(Page page, WritebackControl wbc) {
    Ramdisk.RamdiskOperations.makePageUptodate(page);
    page.setDirtyFlag(); // SetPageDirty
    if (wbc.forReclaim) {
      // expect: AopLegacyName
      return WRITEPAGE_ACTIVATE;
    }
    page.unlock();
    return 0;
  }
}
