package org.aopcheck.samples.cases.k11;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K11, correct form. Kernel: {@code mm/filemap.c pagecache_write_begin}, Linux 2.6.24, as it should
 * have handled {@code prepare_write}'s code (no kernel ever shipped this form: the prepare_write
 * path was removed instead).
 *
 * <p>The fix: {@code AOP_TRUNCATED_PAGE} releases the page without unlocking it and starts over,
 * exactly as the readpage branch above it does.
 */
public final class PagecacheWriteBeginFixed {
  private PagecacheWriteBeginFixed() {}

  /**
   * Prepares {@code length} bytes at {@code position} for writing; on 0 stores the page, locked and
   * with a reference, in {@code pageOut[0]} ({@code struct page **pagep}).
   */
  public static int pagecacheWriteBegin(
      OpenFile file,
      AddressSpace mapping,
      long position,
      int length,
      boolean uninterruptible,
      Page[] pageOut) {
    AddressSpaceOperations aops = mapping.operations();
    long index = position >> Page.SHIFT;
    int offset = (int) (position & (Page.SIZE - 1));
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return -Errno.ENOMEM;
      }
      if (uninterruptible && !page.isUptodate()) {
        int ret = aops.readpage(file, page);
        page.release();
        if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
          continue;
        }
        if (ret != 0) {
          return ret;
        }
        continue;
      }
      int ret = aops.prepareWrite(file, page, offset, offset + length);
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
      if (ret != 0) {
        page.unlock();
        page.release();
        trimBlocksPastSize(mapping);
        return ret;
      }
      pageOut[0] = page;
      return 0;
    }
  }

  /** {@code vmtruncate(inode, i_size)} after a failed prepare: no blocks in the model to trim. */
  private static void trimBlocksPastSize(AddressSpace mapping) {
    mapping.host().setSize(mapping.host().size());
  }
}
