package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * {@code do_generic_mapping_read} of {@code mm/filemap.c}, Linux 2.6.14.7 with the 2005 patch "add
 * AOP_TRUNCATED_PAGE, prepend AOP_ to WRITEPAGE_ACTIVATE" (mainline 994fc28c, 2.6.15): when
 * readpage returns AOP_TRUNCATED_PAGE the page is released and looked up again ({@code goto
 * find_page}) instead of being reported as a read error.
 *
 * <p>The kernel's labels are loops: {@code readLoop} is the outer {@code for (;;)}, {@code
 * findPage} is {@code find_page} (its {@code continue} is {@code goto find_page}); {@code page_ok},
 * {@code page_not_up_to_date}, {@code readpage}, {@code readpage_error} and {@code no_cached_page}
 * are marked where they begin. The actor is {@code file_read_actor} copying into {@code desc}.
 */
public final class DoGenericMappingRead {
  private DoGenericMappingRead() {}

  /** {@code do_generic_mapping_read(mapping, &filp->f_ra, filp, ppos, desc, file_read_actor)}. */
  public static void doGenericMappingRead(OpenFile filp, FilePosition ppos, ReadDescriptor desc) {
    AddressSpace mapping = filp.mapping();
    Inode inode = mapping.host();
    OpenFile.ReadaheadState ra = filp.readahead();
    long index = ppos.value >> Page.SHIFT;
    int offset = (int) (ppos.value & (Page.SIZE - 1));
    long prevIndex = ra.previousPage;
    long lastIndex = (ppos.value + desc.count + Page.SIZE - 1) >> Page.SHIFT;
    long nextIndex = index;
    Page cached = null;

    long isize = inode.size();
    if (isize != 0) {
      long endIndex = (isize - 1) >> Page.SHIFT;
      readLoop:
      for (; ; ) {
        int nr = Page.SIZE;
        if (index >= endIndex) {
          if (index > endIndex) {
            break readLoop;
          }
          nr = (int) ((isize - 1) & (Page.SIZE - 1)) + 1;
          if (nr <= offset) {
            break readLoop;
          }
        }
        nr = nr - offset;

        if (index == nextIndex) {
          nextIndex = Readahead.pageCacheReadahead(mapping, ra, filp, index, lastIndex - index);
        }

        Page page;
        findPage:
        for (; ; ) {
          page = mapping.findGet(index);
          if (page == null) {
            Readahead.handleRaMiss(ra, index);
            // no_cached_page: allocate a page and read it; page_cache_alloc_cold never fails here.
            if (cached == null) {
              cached = Page.alloc();
            }
            int addError = mapping.addLocked(cached, index);
            if (addError != 0) {
              if (addError == -Errno.EEXIST) {
                continue findPage;
              }
              desc.error = addError;
              break readLoop;
            }
            page = cached;
            cached = null;
          } else if (page.isUptodate()) {
            break findPage;
          } else {
            // page_not_up_to_date: get exclusive access to the page.
            page.lock();
            if (page.mapping() == null) {
              // Truncated while we waited for the lock: start over at the size checks.
              page.unlock();
              page.release();
              continue readLoop;
            }
            if (page.isUptodate()) {
              // Someone else read it while we waited.
              page.unlock();
              break findPage;
            }
          }

          // readpage: a new page, or one that was not up to date; it is locked.
          int error = mapping.operations().readpage(filp, page);
          if (error != 0) {
            if (error == AOP_TRUNCATED_PAGE) {
              // The filesystem unlocked the page without reading it: drop it and look again.
              page.release();
              continue findPage;
            }
            // readpage_error: readpage unlocked the page.
            desc.error = error;
            page.release();
            break readLoop;
          }
          if (!page.isUptodate()) {
            // Wait for the read by taking the lock the I/O completion drops.
            page.lock();
            if (!page.isUptodate()) {
              if (page.mapping() == null) {
                // invalidate_inode_pages got it
                page.unlock();
                page.release();
                continue findPage;
              }
              page.unlock();
              desc.error = -Errno.EIO;
              page.release();
              break readLoop;
            }
            page.unlock();
          }

          // i_size must be checked after we have done ->readpage: it may have shrunk.
          isize = inode.size();
          endIndex = (isize - 1) >> Page.SHIFT;
          if (isize == 0 || index > endIndex) {
            page.release();
            break readLoop;
          }
          nr = Page.SIZE;
          if (index == endIndex) {
            nr = (int) ((isize - 1) & (Page.SIZE - 1)) + 1;
            if (nr <= offset) {
              page.release();
              break readLoop;
            }
          }
          nr = nr - offset;
          break findPage;
        }

        // page_ok: the page is up to date; copy it out.
        if (prevIndex != index) {
          page.markAccessed();
        }
        prevIndex = index;
        int copied = fileReadActor(desc, page, offset, nr);
        offset += copied;
        index += offset >> Page.SHIFT;
        offset &= Page.SIZE - 1;
        page.release();
        if (copied == nr && desc.count > 0) {
          continue readLoop;
        }
        break readLoop;
      }
    }

    // out:
    ra.previousPage = prevIndex;
    ppos.value = (index << Page.SHIFT) + offset;
    if (cached != null) {
      cached.release();
    }
  }

  /** {@code file_read_actor}: copies up to {@code size} bytes of the page to the reader. */
  static int fileReadActor(ReadDescriptor desc, Page page, int offset, int size) {
    int count = Math.min(size, desc.count);
    System.arraycopy(page.data(), offset, desc.buffer, desc.written, count);
    desc.count -= count;
    desc.written += count;
    return count;
  }
}
