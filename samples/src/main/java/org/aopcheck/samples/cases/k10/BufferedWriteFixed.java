package org.aopcheck.samples.cases.k10;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K10, fixed. Kernel: {@code mm/filemap.c generic_file_buffered_write} in the May 2007 resend of
 * "mm: fix pagecache write deadlocks".
 *
 * <p>The fix: {@code AOP_TRUNCATED_PAGE} from {@code commit_write} goes to the error path with the
 * negative errors, where the page is released without being unlocked and the same position is
 * written again; only a genuine positive byte count is a partial write.
 */
public final class BufferedWriteFixed {
  private BufferedWriteFixed() {}

  /** Writes {@code source} at {@code position}; returns the bytes written or a negative error. */
  public static long bufferedWrite(OpenFile file, long position, byte[] source) {
    AddressSpace mapping = file.mapping();
    AddressSpaceOperations aops = mapping.operations();
    Inode inode = mapping.host();
    long pos = position;
    int count = source.length;
    int sourceOffset = 0;
    long written = 0;
    int status = 0;
    do {
      int offset = (int) (pos & (Page.SIZE - 1));
      long index = pos >> Page.SHIFT;
      int bytes = Math.min(Page.SIZE - offset, count);
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        status = -Errno.ENOMEM;
        break;
      }
      status = aops.prepareWrite(file, page, offset, offset + bytes);
      if (status != 0) {
        if (status != AopCodes.AOP_TRUNCATED_PAGE) {
          page.unlock();
        }
        page.release();
        if (pos + bytes > inode.size()) {
          vmtruncate(inode, inode.size());
        }
        if (status == AopCodes.AOP_TRUNCATED_PAGE) {
          continue;
        }
        break;
      }
      int copied = copyFromUser(page, offset, source, sourceOffset, bytes);
      status = aops.commitWrite(file, page, offset, offset + bytes);
      if (status < 0 || status == AopCodes.AOP_TRUNCATED_PAGE) {
        if (status != AopCodes.AOP_TRUNCATED_PAGE) {
          page.unlock();
        }
        page.release();
        if (pos + bytes > inode.size()) {
          vmtruncate(inode, inode.size());
        }
        if (status == AopCodes.AOP_TRUNCATED_PAGE) {
          continue;
        }
        break;
      }
      if (status > 0) {
        copied = Math.min(copied, status);
      }
      page.unlock();
      page.release();
      written += copied;
      count -= copied;
      pos += copied;
      sourceOffset += copied;
    } while (count > 0);
    return written > 0 ? written : status;
  }

  /** {@code filemap_copy_from_user}: copies {@code bytes} of the source into the page. */
  private static int copyFromUser(
      Page page, int offset, byte[] source, int sourceOffset, int bytes) {
    System.arraycopy(source, sourceOffset, page.data(), offset, bytes);
    return bytes;
  }

  /**
   * {@code vmtruncate}: trims blocks a failed write instantiated past {@code i_size}. The model has
   * no blocks to trim; it only restates the size.
   */
  private static void vmtruncate(Inode inode, long size) {
    inode.setSize(size);
  }
}
