package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;

import org.aopcheck.annotations.LooksUp;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code generic_file_buffered_write} of {@code mm/filemap.c}, Linux 2.6.14 with the 2005 patch
 * (mainline 994fc28c, 2.6.15): when prepare_write returns AOP_TRUNCATED_PAGE the page (already
 * unlocked by the filesystem) is released without unlocking it and the same position is retried;
 * when commit_write returns it, the page is released and the copy is done again into a fresh page
 * instead of counting 0x80001 as bytes written.
 *
 * <p>{@code continue} in the kernel's {@code do { } while (count)} jumps to the condition, with
 * {@code count} unchanged, so the same position is retried; the Java loop does the same. O_SYNC and
 * O_DIRECT are not modelled.
 */
public final class GenericFileBufferedWrite {
  private GenericFileBufferedWrite() {}

  /** The bytes written, including {@code written}; or, if none, a negative errno. */
  public static long genericFileBufferedWrite(
      OpenFile file, byte[] buf, long pos, FilePosition ppos, long count, long written) {
    AddressSpace mapping = file.mapping();
    AddressSpaceOperations aops = mapping.operations();
    Inode inode = mapping.host();
    LruBatch lruBatch = new LruBatch(mapping.lru());
    Page[] cached = {null};
    long status = 0;
    int bufOffset = (int) written;

    do {
      int offset = (int) (pos & (Page.SIZE - 1)); // within page
      long index = pos >> Page.SHIFT;
      int bytes = (int) Math.min(Page.SIZE - offset, count);
      // fault_in_pages_readable: the user buffer is always resident here.

      Page page = grabCachePage(mapping, index, cached, lruBatch);
      if (page == null) {
        status = -Errno.ENOMEM;
        break;
      }

      status = aops.prepareWrite(file, page, offset, offset + bytes);
      if (status != 0) {
        long isize = inode.size();
        if (status != AOP_TRUNCATED_PAGE) {
          page.unlock();
        }
        page.release();
        if (status == AOP_TRUNCATED_PAGE) {
          continue;
        }
        // prepare_write may have instantiated a few blocks outside i_size: trim these off again.
        if (pos + bytes > isize) {
          Truncate.vmtruncate(inode, isize);
        }
        break;
      }
      int copied = filemapCopyFromUser(page, offset, buf, bufOffset, bytes);
      // flush_dcache_page: nothing to do in this model.
      status = aops.commitWrite(file, page, offset, offset + bytes);
      if (status == AOP_TRUNCATED_PAGE) {
        page.release();
        continue;
      }
      if (copied > 0) {
        if (status == 0) {
          status = copied;
        }
        if (status >= 0) {
          written += status;
          count -= status;
          pos += status;
          bufOffset += (int) status;
        }
      }
      if (copied != bytes && status >= 0) {
        status = -Errno.EFAULT;
      }
      page.unlock();
      page.markAccessed();
      page.release();
      if (status < 0) {
        break;
      }
      // balance_dirty_pages_ratelimited and cond_resched: writeback runs in its own threads here.
    } while (count > 0);
    ppos.value = pos;

    if (cached[0] != null) {
      cached[0].release();
    }
    lruBatch.flush();
    return written > 0 ? written : status;
  }

  /**
   * {@code __grab_cache_page}: the locked page at {@code index} with a reference for the caller,
   * added to the cache if missing (using {@code cached[0]} if a spare page was allocated before); a
   * new page's second reference goes to {@code lruBatch}. Null if out of memory.
   */
  @LooksUp(locked = true)
  static Page grabCachePage(AddressSpace mapping, long index, Page[] cached, LruBatch lruBatch) {
    for (; ; ) {
      Page page = mapping.findLock(index);
      if (page != null) {
        return page;
      }
      if (cached[0] == null) {
        cached[0] = Page.alloc(); // page_cache_alloc never fails in this model
      }
      int err = mapping.addLockedWithoutLru(cached[0], index);
      if (err == -Errno.EEXIST) {
        continue;
      }
      if (err != 0) {
        return null;
      }
      page = cached[0];
      page.get(); // the LRU batch's reference
      lruBatch.add(page);
      cached[0] = null;
      return page;
    }
  }

  /** {@code filemap_copy_from_user}: copies the user's bytes into the page; returns the count. */
  static int filemapCopyFromUser(Page page, int offset, byte[] buf, int bufOffset, int bytes) {
    System.arraycopy(buf, bufOffset, page.data(), offset, bytes);
    return bytes;
  }
}
