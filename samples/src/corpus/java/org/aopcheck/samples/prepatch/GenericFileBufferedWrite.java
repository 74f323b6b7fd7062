package org.aopcheck.samples.prepatch;

import org.aopcheck.annotations.LooksUp;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.mm.FilePosition;
import org.aopcheck.vm.mm.Truncate;

/**
 * {@code generic_file_buffered_write} of {@code mm/filemap.c}, Linux 2.6.14.7 (before the 2005
 * patch). After AOP_TRUNCATED_PAGE from prepare_write it unlocks the page the filesystem already
 * unlocked and ends the write; after AOP_TRUNCATED_PAGE from commit_write it counts 0x80001 as
 * bytes written, unlocks the page again and uses it.
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
      // expect: AopTruncatedPageUnhandled
      if (status != 0) {
        long isize = inode.size();
        // expect: AopDoubleUnlock
        page.unlock();
        page.release();
        // prepare_write may have instantiated a few blocks outside i_size: trim these off again.
        if (pos + bytes > isize) {
          Truncate.vmtruncate(inode, isize);
        }
        break;
      }
      int copied = filemapCopyFromUser(page, offset, buf, bufOffset, bytes);
      // flush_dcache_page: nothing to do in this model.
      status = aops.commitWrite(file, page, offset, offset + bytes);
      if (copied > 0) {
        if (status == 0) {
          status = copied;
        }
        if (status >= 0) {
          // expect: AopTruncatedPageUnhandled
          written += status;
          // expect: AopTruncatedPageUnhandled
          count -= status;
          // expect: AopTruncatedPageUnhandled
          pos += status;
          // expect: AopTruncatedPageUnhandled
          bufOffset += (int) status;
        }
      }
      if (copied != bytes && status >= 0) {
        status = -Errno.EFAULT;
      }
      // expect: AopDoubleUnlock
      page.unlock();
      // expect: AopTruncatedPageUse
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
    // expect: AopTruncatedPageUnhandled
    return written > 0 ? written : status;
  }

  /**
   * {@code __grab_cache_page}: the locked page at {@code index} with a reference for the caller,
   * added to the cache if missing (using {@code cached[0]} if a spare page was allocated before); a
   * new page's second reference goes to {@code lruBatch}. Null if out of memory.
   */
  @LooksUp(locked = true)
  private static Page grabCachePage(
      AddressSpace mapping, long index, Page[] cached, LruBatch lruBatch) {
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
  private static int filemapCopyFromUser(
      Page page, int offset, byte[] buf, int bufOffset, int bytes) {
    System.arraycopy(buf, bufOffset, page.data(), offset, bytes);
    return bytes;
  }
}
