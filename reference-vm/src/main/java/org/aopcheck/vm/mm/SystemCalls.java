package org.aopcheck.vm.mm;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;
import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.ProtocolViolation.Rule;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.drivers.BioVec;
import org.aopcheck.vm.drivers.LoopDevice;
import org.aopcheck.vm.enforce.VmOperation;

/**
 * The user-visible entry points of the modelled page cache (the system calls and kernel threads
 * that reach the patched callers), each run as one checked {@link VmOperation}: it must end with no
 * page locked, no page reference leaked and no filesystem lock held, and its result must not be a
 * positive AOP code ({@link Rule#AOP_CODE_ESCAPED}), the way msync once returned 524288 to user
 * space. Every entry point goes through the {@link PageCacheCallers} it was built with.
 */
public final class SystemCalls {
  private final PageCacheCallers callers;

  public SystemCalls(PageCacheCallers callers) {
    this.callers = callers;
  }

  /** The reference VM's own callers. */
  public static SystemCalls postPatch() {
    return new SystemCalls(PageCacheCallers.postPatch());
  }

  public PageCacheCallers callers() {
    return callers;
  }

  /**
   * {@code read(2)} through {@code generic_file_read}: reads up to {@code count} bytes at {@code
   * pos} into {@code buffer}; returns the bytes read or a negative errno.
   */
  public long read(OpenFile file, long pos, byte[] buffer, int count) {
    return VmOperation.run(
        "read",
        () -> {
          ReadDescriptor desc = new ReadDescriptor(buffer, count);
          callers.mappingRead().doGenericMappingRead(file, new FilePosition(pos), desc);
          long result = desc.written > 0 ? desc.written : desc.error;
          checkResult("read", result, count);
          return result;
        });
  }

  /**
   * {@code write(2)} through {@code generic_file_write}: takes {@code i_sem} and writes {@code
   * data} at {@code pos}; returns the bytes written or a negative errno.
   */
  public long write(OpenFile file, long pos, byte[] data) {
    return VmOperation.run(
        "write",
        () -> {
          long result;
          file.inode().inodeSemaphore().lock();
          try {
            result =
                callers
                    .bufferedWrite()
                    .genericFileBufferedWrite(
                        file, data, pos, new FilePosition(pos), data.length, 0);
          } finally {
            file.inode().inodeSemaphore().unlock();
          }
          checkResult("write", result, data.length);
          return result;
        });
  }

  /**
   * A read through a shared mapping: {@code filemap_nopage} at {@code pgoff}, then a copy of the
   * page into {@code into} (which must hold a page) and the drop of the mapping's reference, as
   * unmapping would. Returns 0, or -1 for SIGBUS.
   */
  public int fault(VmArea area, long pgoff, byte[] into) {
    return VmOperation.run(
        "page fault",
        () -> {
          Page page = callers.nopage().filemapNopage(area, pgoff);
          if (page == null) {
            return -1;
          }
          System.arraycopy(page.data(), 0, into, 0, Page.SIZE);
          page.release();
          return 0;
        });
  }

  /**
   * {@code remap_file_pages} through {@code filemap_populate}: {@code filemap_getpage} at {@code
   * pgoff}, the copy into {@code into} and the drop of the reference. Returns 0, or -1 if no page.
   */
  public int populate(OpenFile file, long pgoff, byte[] into) {
    return VmOperation.run(
        "populate",
        () -> {
          Page page = callers.getpage().filemapGetpage(file, pgoff, false);
          if (page == null) {
            return -1;
          }
          System.arraycopy(page.data(), 0, into, 0, Page.SIZE);
          page.release();
          return 0;
        });
  }

  /** {@code page_cache_read} on its own; returns its result (0 or a negative errno). */
  public int pageCacheRead(OpenFile file, long offset) {
    return VmOperation.run(
        "page_cache_read",
        () -> {
          int result = callers.pageCacheRead().pageCacheRead(file, offset);
          checkResult("page_cache_read", result, 0);
          return result;
        });
  }

  /**
   * {@code readahead(2)}: reads ahead {@code nrPages} pages from {@code offset} with read_pages.
   */
  public int readahead(OpenFile file, long offset, int nrPages) {
    return VmOperation.run(
        "readahead",
        () -> {
          int result =
              Readahead.doPageCacheReadahead(
                  file.mapping(), file, offset, nrPages, callers.readPages());
          checkResult("readahead", result, nrPages);
          return result;
        });
  }

  /**
   * Background writeback ({@code pdflush}, {@code wb_kupdate}): {@code do_writepages} with {@code
   * WB_SYNC_NONE}, cyclic, at most {@code nrToWrite} pages. Returns the writepages result.
   */
  public int writeback(AddressSpace mapping, long nrToWrite) {
    return VmOperation.run(
        "writeback",
        () -> {
          if (!mapping.writebackCapable()) {
            return 0;
          }
          WritebackControl wbc = new WritebackControl();
          wbc.syncMode = WritebackControl.SyncMode.NONE;
          wbc.nrToWrite = nrToWrite;
          wbc.rangeCyclic = true;
          wbc.nonblocking = true;
          int result = callers.writepages().mpageWritepages(mapping, wbc);
          checkResult("writeback", result, 0);
          return result;
        });
  }

  /**
   * {@code fsync(2)} / {@code msync(MS_SYNC)}: {@code filemap_fdatawrite} ({@code WB_SYNC_ALL}, the
   * whole file) then {@code filemap_fdatawait}, which reports an error recorded on the mapping.
   * Returns 0 or a negative errno.
   */
  public int fsync(OpenFile file) {
    return VmOperation.run(
        "fsync",
        () -> {
          AddressSpace mapping = file.mapping();
          int ret = 0;
          if (mapping.writebackCapable()) {
            WritebackControl wbc = new WritebackControl();
            wbc.syncMode = WritebackControl.SyncMode.ALL;
            wbc.nrToWrite = (long) mapping.nrPages() * 2;
            wbc.rangeStart = 0;
            wbc.rangeEnd = Long.MAX_VALUE;
            ret = callers.writepages().mpageWritepages(mapping, wbc);
          }
          int err = mapping.takeError(); // filemap_fdatawait
          int result = ret != 0 ? ret : err;
          checkResult("fsync", result, 0);
          return result;
        });
  }

  /** {@code kswapd}: one pass of page reclaim over {@code lru}; returns the pages freed. */
  public int reclaim(Lru lru, int maxScan) {
    return VmOperation.run("reclaim", () -> Vmscan.shrinkCache(lru, maxScan, callers));
  }

  /** {@code truncate(2)}: takes {@code i_sem} and calls {@code vmtruncate}. */
  public void truncate(OpenFile file, long size) {
    VmOperation.run(
        "truncate",
        () -> {
          file.inode().inodeSemaphore().lock();
          try {
            Truncate.vmtruncate(file.inode(), size);
          } finally {
            file.inode().inodeSemaphore().unlock();
          }
        });
  }

  /** A write to a loop device backed by {@code lo}'s file: {@code do_lo_send_aops}. */
  public int loopWrite(LoopDevice lo, long pos, byte[] data) {
    return VmOperation.run(
        "loop write",
        () -> {
          int result =
              callers.loopSend().doLoSendAops(lo, new BioVec(data, 0, data.length), 512, pos);
          checkResult("loop write", result, 0);
          return result;
        });
  }

  /**
   * Checks a result at the boundary: a positive AOP code, or more bytes than asked for (a code
   * counted as bytes), escaped from a caller that must absorb it.
   */
  private static void checkResult(String operation, long result, long maximum) {
    if (result == AOP_TRUNCATED_PAGE || result == AOP_WRITEPAGE_ACTIVATE) {
      throw new ProtocolViolation(
          Rule.AOP_CODE_ESCAPED,
          operation
              + " returned "
              + result
              + " ("
              + (result == AOP_TRUNCATED_PAGE ? "AOP_TRUNCATED_PAGE" : "AOP_WRITEPAGE_ACTIVATE")
              + ") to its caller: a positive code must be absorbed, never passed up");
    }
    if (result > maximum) {
      throw new ProtocolViolation(
          Rule.AOP_CODE_ESCAPED,
          operation
              + " returned "
              + result
              + ", more than the "
              + maximum
              + " asked for: a positive code was counted as a byte count");
    }
  }
}
