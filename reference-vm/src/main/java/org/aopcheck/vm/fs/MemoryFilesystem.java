package org.aopcheck.vm.fs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.Unlocks;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * An in-memory filesystem in the style of a simple block filesystem of Linux 2.6.14 ({@code
 * block_read_full_page}, {@code block_prepare_write}, {@code generic_commit_write}, {@code
 * block_write_full_page}) over a {@link BackingStore}. It never returns a positive code: it is the
 * baseline against which the other filesystems are compared.
 *
 * <p>With {@code asyncReads}, readpage hands the page lock to I/O and returns 0 at once; a
 * completion thread fills the page and unlocks it, so callers really wait ({@code
 * wait_on_page_locked}, {@code lock_page}) as they do for a disk.
 */
public final class MemoryFilesystem implements Filesystem {
  private static final ExecutorService IO_COMPLETION =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "memfs I/O completion");
            thread.setDaemon(true);
            return thread;
          });

  private final boolean asyncReads;

  public MemoryFilesystem() {
    this(false);
  }

  public MemoryFilesystem(boolean asyncReads) {
    this.asyncReads = asyncReads;
  }

  @Override
  public String name() {
    return asyncReads ? "memfs (asynchronous reads)" : "memfs";
  }

  @Override
  public Inode createFile(Lru lru) {
    BackingStore store = new BackingStore();
    return new Inode(
        new Operations(store, asyncReads), inode -> store.truncate(inode.size()), lru, true);
  }

  /** The address-space operations of one file. */
  static final class Operations implements AddressSpaceOperations {
    private final BackingStore store;
    private final boolean asyncReads;

    Operations(BackingStore store, boolean asyncReads) {
      this.store = store;
      this.asyncReads = asyncReads;
    }

    @Override
    public int readpage(OpenFile file, Page page) {
      if (asyncReads) {
        page.handLockToIo();
        IO_COMPLETION.execute(() -> endRead(page));
        return 0;
      }
      endRead(page);
      return 0;
    }

    /** {@code end_buffer_async_read}: the data is in, the page up to date and unlocked. */
    @Unlocks
    private void endRead(@PageParameter Page page) {
      store.readPage(page.index(), page.data());
      page.setUptodate();
      page.unlock();
    }

    @Override
    public int prepareWrite(OpenFile file, Page page, int from, int to) {
      if (!page.isUptodate()) {
        // block_prepare_write reads the blocks the write does not cover.
        store.readPage(page.index(), page.data());
        page.setUptodate();
      }
      return 0;
    }

    @Override
    public int commitWrite(OpenFile file, Page page, int from, int to) {
      page.setDirty();
      file.inode().extendSize(((long) page.index() << Page.SHIFT) + to);
      return 0;
    }

    @Override
    public int writepage(Page page, WritebackControl writebackControl) {
      long size = page.mapping().host().size();
      int valid = BackingStore.validBytes(page.index(), size);
      if (valid > 0) {
        store.writePage(page.index(), page.data(), valid);
      }
      // A page wholly outside i_size (truncate in progress) is simply discarded.
      page.unlock();
      return 0;
    }
  }
}
