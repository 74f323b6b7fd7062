package org.aopcheck.vm.fs;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;
import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import java.util.concurrent.atomic.AtomicInteger;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.fs.FaultSchedule.Injected;
import org.aopcheck.vm.fs.FaultSchedule.Operation;

/**
 * A filesystem that behaves like {@link MemoryFilesystem} except where its {@link FaultSchedule}
 * injects an outcome: AOP_TRUNCATED_PAGE from readpage, prepare_write and commit_write (page
 * unlocked, no work done), AOP_WRITEPAGE_ACTIVATE from writepage (page redirtied, still locked), or
 * an error ({@code -EIO} from readpage, commit_write and writepage, {@code -ENOSPC} from
 * prepare_write), each with the page in the state the contract requires. It is the filesystem that
 * makes a caller's mishandling of a code visible.
 */
public final class FaultInjectingFilesystem implements Filesystem {
  private final FaultSchedule schedule;
  private final AtomicInteger files = new AtomicInteger();

  public FaultInjectingFilesystem(FaultSchedule schedule) {
    this.schedule = schedule;
  }

  public FaultSchedule schedule() {
    return schedule;
  }

  @Override
  public String name() {
    return "faultfs (seed " + schedule.seed() + ")";
  }

  @Override
  public Inode createFile(Lru lru) {
    BackingStore store = new BackingStore();
    return new Inode(
        new Operations(store, files.getAndIncrement()),
        inode -> store.truncate(inode.size()),
        lru,
        true);
  }

  /** The address-space operations of one file. */
  final class Operations implements AddressSpaceOperations {
    private final BackingStore store;
    private final int file;

    Operations(BackingStore store, int file) {
      this.store = store;
      this.file = file;
    }

    @Override
    public int readpage(OpenFile openFile, Page page) {
      switch (schedule.next(Operation.READPAGE, file, page.index(), false)) {
        case TRUNCATED_PAGE -> {
          page.unlock();
          return AOP_TRUNCATED_PAGE;
        }
        case ERROR -> {
          page.setError();
          page.unlock();
          return -Errno.EIO;
        }
        case NONE, WRITEPAGE_ACTIVATE -> {
          store.readPage(page.index(), page.data());
          page.setUptodate();
          page.unlock();
          return 0;
        }
      }
      throw new AssertionError();
    }

    @Override
    public int prepareWrite(OpenFile openFile, Page page, int from, int to) {
      switch (schedule.next(Operation.PREPARE_WRITE, file, page.index(), false)) {
        case TRUNCATED_PAGE -> {
          page.unlock();
          return AOP_TRUNCATED_PAGE;
        }
        case ERROR -> {
          return -Errno.ENOSPC;
        }
        case NONE, WRITEPAGE_ACTIVATE -> {
          if (!page.isUptodate()) {
            store.readPage(page.index(), page.data());
            page.setUptodate();
          }
          return 0;
        }
      }
      throw new AssertionError();
    }

    @Override
    public int commitWrite(OpenFile openFile, Page page, int from, int to) {
      switch (schedule.next(Operation.COMMIT_WRITE, file, page.index(), false)) {
        case TRUNCATED_PAGE -> {
          page.unlock();
          return AOP_TRUNCATED_PAGE;
        }
        case ERROR -> {
          return -Errno.EIO;
        }
        case NONE, WRITEPAGE_ACTIVATE -> {
          page.setDirty();
          openFile.inode().extendSize((page.index() << Page.SHIFT) + to);
          return 0;
        }
      }
      throw new AssertionError();
    }

    @Override
    public int writepage(Page page, WritebackControl writebackControl) {
      Injected injected =
          schedule.next(Operation.WRITEPAGE, file, page.index(), writebackControl.forReclaim);
      switch (injected) {
        case WRITEPAGE_ACTIVATE -> {
          page.redirty(writebackControl);
          return AOP_WRITEPAGE_ACTIVATE;
        }
        case ERROR -> {
          page.unlock();
          return -Errno.EIO;
        }
        case NONE, TRUNCATED_PAGE -> {
          long size = page.mapping().host().size();
          int valid = BackingStore.validBytes(page.index(), size);
          if (valid > 0) {
            store.writePage(page.index(), page.data(), valid);
          }
          page.unlock();
          return 0;
        }
      }
      throw new AssertionError();
    }
  }
}
