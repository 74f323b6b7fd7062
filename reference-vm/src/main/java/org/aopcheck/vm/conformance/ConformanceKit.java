package org.aopcheck.vm.conformance;

import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;
import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.enforce.ContractCheck;
import org.aopcheck.vm.enforce.HeldLocks;
import org.aopcheck.vm.enforce.Lockdep;
import org.aopcheck.vm.enforce.OperationContract;
import org.aopcheck.vm.enforce.WaitTracker;
import org.aopcheck.vm.fs.Filesystem;

/**
 * Checks the implementation side of the page-cache contract for a filesystem: it calls the
 * filesystem's own {@link AddressSpaceOperations} directly (not through the VM's enforcement),
 * always with the page locked as a caller must, in the situations that make them return each
 * outcome: writes (prepare_write, commit_write), writeback and reclaim (writepage with and without
 * {@code wbc.forReclaim}), reads of pages in and beyond the file (readpage), and the same reads and
 * writes again while another thread invalidates the file ({@link Filesystem#invalidate}, how a
 * cluster filesystem's other node is modelled). After every call it checks, with the rules the
 * annotations declare ({@link ContractCheck}), and collects every {@link ConformanceRule} broken.
 *
 * <p>{@link #check(Filesystem)} is the programmatic core; {@link FilesystemConformanceTest} is the
 * JUnit 5 entry point for filesystem authors.
 */
public final class ConformanceKit {
  /**
   * Calls in a row returning AOP_TRUNCATED_PAGE for one page, with no wait, that make a livelock.
   */
  public static final int PROGRESS_LIMIT = 50;

  private static final int PAGES = 4;
  private static final int ROUNDS = 12;

  /** How long the kit waits for its calls by default. */
  public static final Duration TIME_LIMIT = Duration.ofSeconds(20);

  private final Filesystem filesystem;
  private final Map<String, ConformanceReport.Violation> violations = new LinkedHashMap<>();
  private final AtomicLong calls = new AtomicLong();
  private HeldLocks self;

  private ConformanceKit(Filesystem filesystem) {
    this.filesystem = filesystem;
  }

  /**
   * Runs the kit on {@code filesystem}. It never throws for a broken filesystem: every broken rule
   * is in the report, and a call that does not return within a time limit is reported as {@link
   * ConformanceRule#OPERATIONS_RETURN}.
   */
  public static ConformanceReport check(Filesystem filesystem) {
    return check(filesystem, TIME_LIMIT);
  }

  /** {@link #check(Filesystem)} with another limit on how long the calls may take. */
  public static ConformanceReport check(Filesystem filesystem, Duration timeLimit) {
    ConformanceKit kit = new ConformanceKit(filesystem);
    Throwable[] crashed = new Throwable[1];
    Thread runner =
        new Thread(
            () -> {
              try {
                kit.run();
              } catch (Stopped stopped) {
                // already reported
              } catch (Throwable t) {
                crashed[0] = t;
              }
            },
            "conformance kit");
    runner.setDaemon(true);
    runner.start();
    try {
      runner.join(timeLimit.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (kit.violations) {
      if (runner.isAlive()) {
        kit.report(
            ConformanceRule.OPERATIONS_RETURN,
            "the kit's calls did not finish within "
                + timeLimit.toMillis()
                + " ms; the kit thread is "
                + runner.getState()
                + " at "
                + topFrames(runner));
      } else if (crashed[0] != null) {
        kit.report(ConformanceRule.OPERATIONS_RETURN, "an operation threw " + crashed[0]);
      }
      return new ConformanceReport(
          filesystem.name(), new ArrayList<>(kit.violations.values()), kit.calls.get());
    }
  }

  private void run() {
    self = Lockdep.current();
    Lru lru = new Lru();
    Inode inode = filesystem.createFile(lru);
    OpenFile file = new OpenFile(inode);
    AddressSpace mapping = inode.mapping();
    AddressSpaceOperations operations = mapping.implementation();
    int pages =
        filesystem.supportsTruncate() ? PAGES : (int) Math.min(PAGES, inode.size() / Page.SIZE);

    for (int round = 0; round < ROUNDS; round++) {
      for (long index = 0; index < pages; index++) {
        write(file, operations, index, round);
      }
      writeback(mapping, operations, false);
      writeback(mapping, operations, true);
      if (!filesystem.pageCacheIsStorage()) {
        dropCache(mapping);
      }
      for (long index = 0; index <= pages; index++) {
        read(file, operations, index);
      }
    }
    // A filesystem already breaking rules gains nothing from the concurrent phase, and a page its
    // bug left locked in the other thread would only stop the kit.
    if (!filesystem.pageCacheIsStorage() && violations.isEmpty()) {
      underInvalidation(file, operations, pages);
    }
    if (violations.isEmpty()) {
      underContention(file, operations, pages);
    }
  }

  /**
   * Each page read and written while another thread holds what the operations cannot take with the
   * page locked ({@link Filesystem#whileContended}); the holder lets go once the kit's thread is
   * waiting (a correct operation waits for it before returning AOP_TRUNCATED_PAGE) or its call is
   * over (an operation that returns the code without waiting is seen retrying without progress).
   */
  private void underContention(OpenFile file, AddressSpaceOperations operations, int pages) {
    if (!filesystem.pageCacheIsStorage()) {
      dropCache(file.mapping());
    }
    Thread kit = Thread.currentThread();
    for (long index = 0; index < pages; index++) {
      for (int kind = 0; kind < 2; kind++) {
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean callDone =
            new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean callStarted =
            new java.util.concurrent.atomic.AtomicBoolean();
        Thread holder =
            new Thread(
                () ->
                    filesystem.whileContended(
                        file.inode(),
                        () -> {
                          holding.countDown();
                          while (!callDone.get() && !(callStarted.get() && isWaiting(kit))) {
                            Thread.onSpinWait();
                          }
                        }),
                "conformance kit: holder");
        holder.setDaemon(true);
        holder.start();
        try {
          holding.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        callStarted.set(true);
        try {
          if (kind == 0) {
            read(file, operations, index);
          } else {
            write(file, operations, index, 0);
          }
        } finally {
          callDone.set(true);
        }
        try {
          holder.join(TIME_LIMIT.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (!violations.isEmpty()) {
          return;
        }
      }
      if (!filesystem.pageCacheIsStorage()) {
        dropCache(file.mapping());
      }
    }
  }

  private static boolean isWaiting(Thread thread) {
    Thread.State state = thread.getState();
    return state == Thread.State.WAITING
        || state == Thread.State.TIMED_WAITING
        || state == Thread.State.BLOCKED;
  }

  /** Reads and writes while another thread keeps invalidating the file. */
  private void underInvalidation(OpenFile file, AddressSpaceOperations operations, int pages) {
    // The yield only makes the two threads interleave more often; no outcome depends on it.
    @SuppressWarnings("ThreadPriorityCheck")
    Thread otherNode =
        new Thread(
            () -> {
              for (int i = 0; i < 2000 && !Thread.currentThread().isInterrupted(); i++) {
                try {
                  filesystem.invalidate(file.inode());
                } catch (org.aopcheck.vm.ProtocolViolation violation) {
                  ConformanceRule rule = ConformanceRule.of(violation.rule());
                  report(
                      rule != null ? rule : ConformanceRule.OPERATIONS_RETURN,
                      "while invalidating: " + violation.getMessage());
                  return;
                }
                Thread.yield();
              }
            },
            "conformance kit: other node");
    otherNode.setDaemon(true);
    otherNode.start();
    // Keep calling for as long as the other node works, so that calls meet its lock.
    for (int round = 0; otherNode.isAlive() && round < 100 * ROUNDS; round++) {
      for (long index = 0; index < pages; index++) {
        write(file, operations, index, round);
        read(file, operations, index);
      }
      writeback(file.mapping(), operations, true);
    }
    otherNode.interrupt();
    try {
      otherNode.join(TIME_LIMIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** prepare_write and commit_write of a whole page, retried after AOP_TRUNCATED_PAGE. */
  private void write(OpenFile file, AddressSpaceOperations operations, long index, int round) {
    AddressSpace mapping = file.mapping();
    int inARow = 0;
    while (true) {
      Page page = mapping.findOrCreateLocked(index);
      if (page == null) {
        return;
      }
      long waits = WaitTracker.waits();
      int ret =
          call(
              OperationContract.PREPARE_WRITE,
              page,
              false,
              () -> operations.prepareWrite(file, page, 0, Page.SIZE));
      if (ret == 0) {
        java.util.Arrays.fill(page.data(), (byte) (index + round));
        ret =
            call(
                OperationContract.COMMIT_WRITE,
                page,
                false,
                () -> operations.commitWrite(file, page, 0, Page.SIZE));
      }
      unlockIfStillOurs(page);
      page.release();
      if (ret != AOP_TRUNCATED_PAGE) {
        return;
      }
      inARow = WaitTracker.waits() != waits ? 0 : inARow + 1;
      if (inARow >= PROGRESS_LIMIT) {
        report(
            ConformanceRule.PROGRESS_BEFORE_TRUNCATED,
            "prepare_write/commit_write returned AOP_TRUNCATED_PAGE "
                + inARow
                + " times in a row for index "
                + index
                + " without waiting for anything");
        return;
      }
    }
  }

  /** writepage of every dirty page, for writeback or for reclaim. */
  private void writeback(
      AddressSpace mapping, AddressSpaceOperations operations, boolean forReclaim) {
    for (Page page : mapping.findGetPages(0, Integer.MAX_VALUE)) {
      page.lock();
      if (page.mapping() != mapping) {
        page.unlock();
        page.release();
        continue;
      }
      long pagesInFile = (mapping.host().size() + Page.SIZE - 1) >> Page.SHIFT;
      if (forReclaim && page.index() < pagesInFile) {
        page.setDirty(); // reclaim only writes dirty pages
      }
      if (!page.clearDirtyForIo()) {
        page.unlock();
        page.release();
        continue;
      }
      WritebackControl wbc = new WritebackControl();
      wbc.forReclaim = forReclaim;
      wbc.nonblocking = forReclaim;
      int ret =
          call(
              OperationContract.WRITEPAGE, page, forReclaim, () -> operations.writepage(page, wbc));
      if (ret == AOP_WRITEPAGE_ACTIVATE) {
        page.setActive();
      }
      unlockIfStillOurs(page);
      page.release();
    }
  }

  /** Removes every page from the cache so that the next read calls readpage. */
  private static void dropCache(AddressSpace mapping) {
    for (Page page : mapping.findGetPages(0, Integer.MAX_VALUE)) {
      page.lock();
      if (page.mapping() == mapping) {
        page.clearDirtyFlag();
        mapping.removePage(page);
      }
      page.unlock();
      page.release();
    }
  }

  /** readpage of a page not up to date, retried after AOP_TRUNCATED_PAGE as a caller would. */
  private void read(OpenFile file, AddressSpaceOperations operations, long index) {
    AddressSpace mapping = file.mapping();
    int inARow = 0;
    while (true) {
      Page page = mapping.findGet(index);
      if (page == null) {
        Page fresh = Page.alloc();
        int added = mapping.addLocked(fresh, index);
        if (added != 0) {
          fresh.release();
          if (added == -Errno.EEXIST) {
            continue;
          }
          return;
        }
        page = fresh;
      } else {
        page.lock();
        if (page.mapping() != mapping || page.isUptodate()) {
          page.unlock();
          page.release();
          if (page.mapping() != mapping) {
            continue;
          }
          return;
        }
      }
      Page locked = page;
      long waits = WaitTracker.waits();
      int ret =
          call(OperationContract.READPAGE, locked, false, () -> operations.readpage(file, locked));
      unlockIfStillOurs(locked);
      locked.waitUnlocked(); // I/O completion
      locked.release();
      if (ret != AOP_TRUNCATED_PAGE) {
        return;
      }
      inARow = WaitTracker.waits() != waits ? 0 : inARow + 1;
      if (inARow >= PROGRESS_LIMIT) {
        report(
            ConformanceRule.PROGRESS_BEFORE_TRUNCATED,
            "readpage returned AOP_TRUNCATED_PAGE "
                + inARow
                + " times in a row for index "
                + index
                + " without waiting for anything: a retrying caller would spin");
        return;
      }
    }
  }

  /** Calls one operation and checks the outcome against the contract. */
  private int call(
      OperationContract contract,
      Page page,
      boolean forReclaim,
      java.util.function.IntSupplier operation) {
    calls.incrementAndGet();
    int ret;
    try {
      ret = operation.getAsInt();
    } catch (org.aopcheck.vm.ProtocolViolation violation) {
      // Lockdep (or another run-time rule) stopped the call before it could deadlock. The page
      // may be left locked by it, so the kit stops here.
      ConformanceRule rule = ConformanceRule.of(violation.rule());
      report(rule != null ? rule : ConformanceRule.OPERATIONS_RETURN, violation.getMessage());
      throw new Stopped();
    }
    for (ContractCheck.Finding finding :
        ContractCheck.afterCall(contract, page, ret, self, forReclaim, true)) {
      ConformanceRule rule = ConformanceRule.of(finding.rule());
      if (rule != null) {
        report(rule, finding.message());
      }
    }
    return ret;
  }

  /** Thrown to end the kit's run after a call it cannot recover from. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  private void unlockIfStillOurs(Page page) {
    if (page.isLockedBy(self)) {
      page.unlock();
    }
  }

  /** Records a violation once per rule and message shape (page numbers differ between calls). */
  private void report(ConformanceRule rule, String message) {
    String key =
        rule + ":" + message.replaceAll("page#\\d+\\([^)]*\\)", "page").replaceAll("\\d+", "N");
    synchronized (violations) {
      violations.putIfAbsent(key, new ConformanceReport.Violation(rule, message));
    }
  }

  private static String topFrames(Thread thread) {
    StringBuilder frames = new StringBuilder();
    StackTraceElement[] stack = thread.getStackTrace();
    for (int i = 0; i < Math.min(6, stack.length); i++) {
      frames.append(i == 0 ? "" : " <- ").append(stack[i]);
    }
    return frames.toString();
  }
}
