package org.aopcheck.samples.cases.k11;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K11, buggy. Kernel: {@code mm/filemap.c pagecache_write_begin}, Linux 2.6.24, the wrapper that
 * runs {@code prepare_write} for filesystems not yet converted to {@code write_begin}. Latent: no
 * in-tree filesystem still returned the code from {@code prepare_write} by then.
 *
 * <p>What went wrong: any non-zero {@code prepare_write} result unlocked the page, so {@code
 * AOP_TRUNCATED_PAGE} unlocked it a second time, and the code was returned to the caller as an
 * error instead of retrying. (The readpage branch above it does handle the code.)
 */
public final class PagecacheWriteBeginBuggy {
  private PagecacheWriteBeginBuggy() {}

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
      if (ret != 0) {
        // expect: AopDoubleUnlock
        page.unlock();
        page.release();
        trimBlocksPastSize(mapping);
      } else {
        pageOut[0] = page;
      }
      // expect: AopTruncatedPageUnhandled
      return ret;
    }
  }

  /** {@code vmtruncate(inode, i_size)} after a failed prepare: no blocks in the model to trim. */
  private static void trimBlocksPastSize(AddressSpace mapping) {
    mapping.host().setSize(mapping.host().size());
  }
}
