package org.aopcheck.vm.drivers;

import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import java.util.Arrays;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.InodeOperations;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.fs.Filesystem;

/**
 * The RAM disk of {@code drivers/block/rd.c}, Linux 2.6.14 with the 2005 patch (read at 994fc28c):
 * the page cache of the block device is its only storage, so {@link RamdiskOperations#writepage}
 * ({@code ramdisk_writepage}) keeps every page dirty and, for reclaim, returns
 * AOP_WRITEPAGE_ACTIVATE with the page still locked (spelled {@code WRITEPAGE_ACTIVATE} before the
 * patch; only the name changed). Its device has no writeback, and its size is fixed.
 */
public final class Ramdisk implements Filesystem {
  private final long sizeBytes;

  /** A RAM disk of {@code sizeBytes} bytes ({@code rd_size}). */
  public Ramdisk(long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  @Override
  public String name() {
    return "ramdisk";
  }

  @Override
  public Inode createFile(Lru lru) {
    return createFile(lru, operations -> operations);
  }

  /**
   * Creates the device inode with {@code decorate} applied to the driver's operations: a sample
   * replaces writepage with its pre-patch form this way.
   */
  public Inode createFile(
      Lru lru, java.util.function.UnaryOperator<AddressSpaceOperations> decorate) {
    Inode inode =
        new Inode(decorate.apply(new RamdiskOperations()), InodeOperations.NONE, lru, false);
    inode.setSize(sizeBytes);
    return inode;
  }

  @Override
  public boolean supportsTruncate() {
    return false;
  }

  @Override
  public boolean pageCacheIsStorage() {
    return true;
  }

  /** {@code ramdisk_aops}. */
  public static final class RamdiskOperations implements AddressSpaceOperations {
    /** {@code make_page_uptodate}: a page never written holds zeros. */
    public static void makePageUptodate(Page page) {
      if (!page.isUptodate()) {
        Arrays.fill(page.data(), (byte) 0);
        page.setUptodate();
      }
    }

    /** {@code ramdisk_readpage}. */
    @Override
    public int readpage(OpenFile file, Page page) {
      makePageUptodate(page);
      page.unlock();
      return 0;
    }

    /** {@code ramdisk_prepare_write}. */
    @Override
    public int prepareWrite(OpenFile file, Page page, int from, int to) {
      makePageUptodate(page);
      return 0;
    }

    /** {@code ramdisk_commit_write}. */
    @Override
    public int commitWrite(OpenFile file, Page page, int from, int to) {
      page.setDirty();
      return 0;
    }

    /** {@code ramdisk_writepage}. */
    @Override
    public int writepage(Page page, WritebackControl writebackControl) {
      makePageUptodate(page);
      page.setDirtyFlag(); // SetPageDirty: the page cache is the storage
      if (writebackControl.forReclaim) {
        return AOP_WRITEPAGE_ACTIVATE; // page still locked
      }
      page.unlock();
      return 0;
    }
  }
}
