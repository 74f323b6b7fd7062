package org.aopcheck.vm.stress;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.ProtocolViolation.Rule;
import org.aopcheck.vm.drivers.LoopDevice;
import org.aopcheck.vm.enforce.ContractEnforcingOperations;
import org.aopcheck.vm.enforce.Lockdep;
import org.aopcheck.vm.enforce.Outcome;
import org.aopcheck.vm.enforce.VmOperation;
import org.aopcheck.vm.fs.Filesystem;
import org.aopcheck.vm.mm.SystemCalls;
import org.aopcheck.vm.mm.VmArea;

/**
 * A seeded, bounded stress test of the page cache in the style of fsx: worker threads do reads,
 * writes, loop-device writes, truncates, page faults, populates, read-ahead and fsyncs on files of
 * every filesystem, each checked against a model of the file after every operation, while
 * background threads run writeback, page reclaim and cluster-style invalidation (which truncates
 * the page cache under everyone's feet) on all files. Every operation runs under the reference VM's
 * run-time enforcement.
 *
 * <p>Each worker owns its files' contents, so a content check is exact; the page cache of every
 * file is shared with the background threads. A worker's sequence of operations is a function of
 * the seed (the interleaving is not). The run is bounded by its operation count and a wall-clock
 * cap; no progress for {@link StressConfig#stallTimeout()} is reported as a deadlock with the
 * threads' states, so a deadlock never hangs the build. At the end every cached page must be
 * unlocked, on the LRU and held only by the cache (zero leaked references), and every file must
 * read back as its model.
 */
public final class Stress {
  private final StressConfig config;
  private final SystemCalls calls;
  private final Lru lru = new Lru();
  private final List<ModelFile> files = new ArrayList<>();
  private final AtomicLong operations = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final Deque<String> history = new ArrayDeque<>();
  private final String[] inProgress;
  private volatile boolean stop;
  private long truncatedPageReturns;
  private long activateReturns;

  private Stress(StressConfig config) {
    this.config = config;
    this.calls = new SystemCalls(config.callers());
    this.inProgress = new String[config.workers() + 3];
  }

  /**
   * Runs the stress test described by {@code config}. Never hangs and never throws. Each run starts
   * from a fresh lockdep, like a freshly booted kernel, so that lock orders recorded by earlier
   * code in this JVM are not held against it.
   */
  public static StressResult run(StressConfig config) {
    Lockdep.reset();
    return new Stress(config).run();
  }

  /** One file of the run and its model. */
  private static final class ModelFile {
    final String name;
    final Filesystem filesystem;
    final OpenFile file;
    final LoopDevice loop;
    final byte[] model;
    int size;

    /** Odd while an invalidation of this file runs; bumped at its start and at its end. */
    final AtomicLong invalidations = new AtomicLong();

    ModelFile(String name, Filesystem filesystem, OpenFile file, int capacity) {
      this.name = name;
      this.filesystem = filesystem;
      this.file = file;
      this.loop = new LoopDevice(file);
      this.model = new byte[capacity];
      this.size = (int) file.inode().size();
    }

    int capacity() {
      return filesystem.supportsTruncate() ? model.length : size;
    }
  }

  private StressResult run() {
    long truncatedBefore = ContractEnforcingOperations.outcomesSeen(Outcome.TRUNCATED_PAGE);
    long activateBefore = ContractEnforcingOperations.outcomesSeen(Outcome.WRITEPAGE_ACTIVATE);
    List<Filesystem> filesystems = config.filesystems().apply(config.seed());
    int capacity = config.maxFilePages() * Page.SIZE;
    for (int worker = 0; worker < config.workers(); worker++) {
      for (Filesystem filesystem : filesystems) {
        OpenFile file = new OpenFile(filesystem.createFile(lru));
        int modelCapacity = filesystem.supportsTruncate() ? capacity : (int) file.inode().size();
        files.add(
            new ModelFile("w" + worker + ":" + filesystem.name(), filesystem, file, modelCapacity));
      }
    }
    List<Thread> workers = new ArrayList<>();
    for (int worker = 0; worker < config.workers(); worker++) {
      int index = worker;
      List<ModelFile> own =
          files.subList(worker * filesystems.size(), (worker + 1) * filesystems.size());
      workers.add(thread("stress worker " + worker, () -> work(index, own)));
    }
    List<Thread> background = new ArrayList<>();
    int slot = config.workers();
    background.add(thread("stress writeback", backgroundLoop(slot, this::writebackOnce)));
    background.add(thread("stress reclaim", backgroundLoop(slot + 1, this::reclaimOnce)));
    background.add(thread("stress invalidate", backgroundLoop(slot + 2, this::invalidateOnce)));
    List<Thread> all = new ArrayList<>(workers);
    all.addAll(background);
    all.forEach(Thread::start);

    watch(workers, all);
    stop = true;
    joinQuietly(all, 2_000);
    if (failure.get() == null) {
      try {
        VmOperation.run("final check", this::finalCheck);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    }
    truncatedPageReturns =
        ContractEnforcingOperations.outcomesSeen(Outcome.TRUNCATED_PAGE) - truncatedBefore;
    activateReturns =
        ContractEnforcingOperations.outcomesSeen(Outcome.WRITEPAGE_ACTIVATE) - activateBefore;
    return new StressResult(config.seed(), operations.get(), failure.get(), report());
  }

  private Thread thread(String name, Runnable body) {
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable t) {
                if (failure.compareAndSet(null, t)) {
                  record(Thread.currentThread().getName() + " FAILED: " + t);
                }
                stop = true;
              }
            },
            name);
    thread.setDaemon(true); // a thread stuck behind a failed one must not keep the JVM alive
    return thread;
  }

  /** Waits for the workers, stopping the run at the wall-clock cap and reporting a stall. */
  private void watch(List<Thread> workers, List<Thread> all) {
    long start = System.nanoTime();
    long lastCount = -1;
    long lastProgress = start;
    while (workers.stream().anyMatch(Thread::isAlive)) {
      long now = System.nanoTime();
      if (failure.get() != null) {
        return;
      }
      if (now - start > config.wallClockCap().toNanos()) {
        stop = true; // the workers finish their current operation and stop
      }
      long count = operations.get();
      if (count != lastCount) {
        lastCount = count;
        lastProgress = now;
      } else if (now - lastProgress > config.stallTimeout().toNanos()) {
        failure.compareAndSet(
            null,
            new ProtocolViolation(
                Rule.DEADLOCK,
                "no operation completed for "
                    + config.stallTimeout().toSeconds()
                    + " s; threads:\n"
                    + threadStates(all)));
        return;
      }
      LockSupport.parkNanos(20_000_000L);
    }
  }

  private void work(int worker, List<ModelFile> own) {
    Random random = new Random(config.seed() * 1_000_003 + worker);
    for (int op = 0; op < config.operationsPerWorker() && !stop; op++) {
      ModelFile file = own.get(random.nextInt(own.size()));
      String label = "w" + worker + "#" + op + " ";
      int choice = random.nextInt(100);
      if (choice < 20) {
        read(label, file, random);
      } else if (choice < 38) {
        write(label, file, random, false);
      } else if (choice < 46) {
        write(label, file, random, true);
      } else if (choice < 54) {
        truncate(label, file, random);
      } else if (choice < 68) {
        fault(label, file, random);
      } else if (choice < 76) {
        populate(label, file, random);
      } else if (choice < 84) {
        readahead(label, file, random);
      } else if (choice < 92) {
        pageCacheRead(label, file, random);
      } else {
        fsync(label, file);
      }
      operations.incrementAndGet();
      inProgress[worker] = null;
    }
  }

  private void begin(String label, String description) {
    String entry = label + description;
    String name = Thread.currentThread().getName();
    int slot =
        name.startsWith("stress worker ")
            ? Integer.parseInt(name.substring("stress worker ".length()))
            : inProgress.length - 1;
    inProgress[slot] = entry;
    record(entry);
  }

  private void record(String entry) {
    synchronized (history) {
      history.addLast(entry);
      while (history.size() > config.historyLength()) {
        history.removeFirst();
      }
    }
  }

  private void read(String label, ModelFile file, Random random) {
    int pos = random.nextInt(file.capacity() + Page.SIZE);
    int count = 1 + random.nextInt(3 * Page.SIZE);
    begin(label, "read " + file.name + " pos=" + pos + " count=" + count);
    byte[] buffer = new byte[count];
    long result = calls.read(file.file, pos, buffer, count);
    int expected = Math.max(0, Math.min(count, file.size - pos));
    if (result != expected) {
      // Less than the file holds (an error, or a short read) is a failure the caller invented.
      throw new ProtocolViolation(
          result < expected ? Rule.SPURIOUS_FAILURE : Rule.DATA_MISMATCH,
          "read of "
              + file.name
              + " at "
              + pos
              + " returned "
              + result
              + ", expected "
              + expected
              + " (file size "
              + file.size
              + ")");
    }
    compare("read", file, pos, buffer, expected);
  }

  private void write(String label, ModelFile file, Random random, boolean loop) {
    int capacity = file.capacity();
    if (capacity == 0) {
      return;
    }
    int pos = random.nextInt(capacity);
    int length = 1 + random.nextInt(Math.min(2 * Page.SIZE, capacity - pos));
    byte[] data = new byte[length];
    random.nextBytes(data);
    begin(label, (loop ? "loop write " : "write ") + file.name + " pos=" + pos + " len=" + length);
    if (loop) {
      int result = calls.loopWrite(file.loop, pos, data);
      if (result != 0) {
        throw new ProtocolViolation(
            Rule.SPURIOUS_FAILURE, "loop write to " + file.name + " failed with " + result);
      }
    } else {
      long result = calls.write(file.file, pos, data);
      if (result != length) {
        throw new ProtocolViolation(
            Rule.SPURIOUS_FAILURE,
            "write to "
                + file.name
                + " at "
                + pos
                + " returned "
                + result
                + ", expected "
                + length);
      }
    }
    System.arraycopy(data, 0, file.model, pos, length);
    if (file.filesystem.supportsTruncate()) {
      file.size = Math.max(file.size, pos + length);
    }
  }

  private void truncate(String label, ModelFile file, Random random) {
    if (!file.filesystem.supportsTruncate()) {
      return;
    }
    int newSize = random.nextInt(file.model.length + 1);
    begin(label, "truncate " + file.name + " to " + newSize);
    calls.truncate(file.file, newSize);
    if (newSize < file.size) {
      Arrays.fill(file.model, newSize, file.size, (byte) 0);
    }
    file.size = newSize;
  }

  private void fault(String label, ModelFile file, Random random) {
    int pages = (file.size + Page.SIZE - 1) / Page.SIZE;
    long pgoff = random.nextInt(pages + 2);
    begin(label, "fault " + file.name + " pgoff=" + pgoff);
    byte[] into = new byte[Page.SIZE];
    int result = calls.fault(new VmArea(file.file), pgoff, into);
    if (pgoff >= pages) {
      if (result != -1) {
        throw new ProtocolViolation(
            Rule.DATA_MISMATCH,
            "fault of " + file.name + " beyond end of file at " + pgoff + " did not SIGBUS");
      }
      return;
    }
    if (result != 0) {
      throw new ProtocolViolation(
          Rule.SPURIOUS_FAILURE,
          "fault of " + file.name + " at page " + pgoff + " inside the file gave SIGBUS");
    }
    comparePage("fault", file, pgoff, into);
  }

  private void populate(String label, ModelFile file, Random random) {
    int pages = (file.size + Page.SIZE - 1) / Page.SIZE;
    if (pages == 0) {
      return;
    }
    long pgoff = random.nextInt(pages);
    begin(label, "populate " + file.name + " pgoff=" + pgoff);
    byte[] into = new byte[Page.SIZE];
    long invalidationsBefore = file.invalidations.get();
    int result = calls.populate(file.file, pgoff, into);
    if (result != 0 && raced(file, invalidationsBefore)) {
      // filemap_getpage gives up, without retrying, on a page truncated while it waited for the
      // page lock: the kernel's own behaviour, not a protocol error.
      record(label + "populate lost a race with invalidation");
      return;
    }
    if (result != 0) {
      throw new ProtocolViolation(
          Rule.SPURIOUS_FAILURE,
          "filemap_getpage of " + file.name + " at page " + pgoff + " inside the file failed");
    }
    comparePage("populate", file, pgoff, into);
  }

  private static boolean raced(ModelFile file, long invalidationsBefore) {
    return invalidationsBefore % 2 == 1 || file.invalidations.get() != invalidationsBefore;
  }

  private void readahead(String label, ModelFile file, Random random) {
    int pages = (file.capacity() + Page.SIZE - 1) / Page.SIZE;
    long offset = random.nextInt(pages + 1);
    int nr = 1 + random.nextInt(4);
    begin(label, "readahead " + file.name + " offset=" + offset + " nr=" + nr);
    int result = calls.readahead(file.file, offset, nr);
    if (result < 0) {
      throw new ProtocolViolation(Rule.SPURIOUS_FAILURE, "readahead failed with " + result);
    }
  }

  private void pageCacheRead(String label, ModelFile file, Random random) {
    int pages = (file.size + Page.SIZE - 1) / Page.SIZE;
    if (pages == 0) {
      return;
    }
    long index = random.nextInt(pages);
    begin(label, "page_cache_read " + file.name + " index=" + index);
    int result = calls.pageCacheRead(file.file, index);
    if (result != 0) {
      throw new ProtocolViolation(
          Rule.SPURIOUS_FAILURE, "page_cache_read of " + file.name + " returned " + result);
    }
  }

  private void fsync(String label, ModelFile file) {
    begin(label, "fsync " + file.name);
    int result = calls.fsync(file.file);
    if (result != 0) {
      throw new ProtocolViolation(
          Rule.SPURIOUS_FAILURE,
          "fsync of " + file.name + " returned " + result + " though no write failed");
    }
  }

  private void compare(String operation, ModelFile file, int pos, byte[] buffer, int length) {
    for (int i = 0; i < length; i++) {
      if (buffer[i] != file.model[pos + i]) {
        throw new ProtocolViolation(
            Rule.DATA_MISMATCH,
            operation
                + " of "
                + file.name
                + ": byte "
                + (pos + i)
                + " is "
                + buffer[i]
                + ", the model has "
                + file.model[pos + i]);
      }
    }
  }

  private void comparePage(String operation, ModelFile file, long pgoff, byte[] page) {
    int start = (int) (pgoff * Page.SIZE);
    int valid = Math.max(0, Math.min(Page.SIZE, file.size - start));
    compare(operation, file, start, page, valid);
    for (int i = valid; i < Page.SIZE; i++) {
      if (page[i] != 0) {
        throw new ProtocolViolation(
            Rule.DATA_MISMATCH,
            operation
                + " of "
                + file.name
                + ": byte "
                + (start + i)
                + " beyond end of file is not zero");
      }
    }
  }

  private Runnable backgroundLoop(int slot, java.util.function.Consumer<Random> once) {
    return () -> {
      Random random = new Random(config.seed() * 31 + slot);
      while (!stop) {
        once.accept(random);
        LockSupport.parkNanos(200_000L);
      }
    };
  }

  private void writebackOnce(Random random) {
    ModelFile file = files.get(random.nextInt(files.size()));
    record("writeback " + file.name);
    int result = calls.writeback(file.file.mapping(), 8);
    if (result != 0) {
      throw new ProtocolViolation(
          Rule.SPURIOUS_FAILURE, "writeback of " + file.name + " returned " + result);
    }
  }

  private void reclaimOnce(Random random) {
    record("reclaim");
    calls.reclaim(lru, 16);
  }

  private void invalidateOnce(Random random) {
    ModelFile file = files.get(random.nextInt(files.size()));
    if (file.filesystem.pageCacheIsStorage()) {
      return;
    }
    record("invalidate " + file.name);
    file.invalidations.incrementAndGet();
    try {
      VmOperation.run("invalidate", () -> file.filesystem.invalidate(file.file.inode()));
    } finally {
      file.invalidations.incrementAndGet();
    }
  }

  /** At rest: every cached page unlocked, on the LRU, held only by the cache; files as modelled. */
  private void finalCheck() {
    for (ModelFile file : files) {
      for (Page page : file.file.mapping().pagesSnapshot()) {
        page.waitUnlocked(); // read-ahead I/O may still be completing
        if (page.isLocked()) {
          throw new ProtocolViolation(
              Rule.PAGE_LEFT_LOCKED, page + " of " + file.name + " is locked at rest");
        }
        if (page.referenceCount() != 1) {
          throw new ProtocolViolation(
              Rule.PAGE_REFERENCE_LEAKED,
              page
                  + " of "
                  + file.name
                  + " has "
                  + page.referenceCount()
                  + " references at rest; only the page cache's should be left");
        }
        if (!lru.contains(page)) {
          throw new ProtocolViolation(
              Rule.CACHED_PAGE_NOT_ON_LRU,
              page + " of " + file.name + " is cached but not on the LRU");
        }
      }
      byte[] buffer = new byte[file.size];
      long result = calls.read(file.file, 0, buffer, file.size);
      if (result != file.size) {
        throw new ProtocolViolation(
            Rule.DATA_MISMATCH,
            "final read of " + file.name + " returned " + result + ", expected " + file.size);
      }
      compare("final read", file, 0, buffer, file.size);
    }
  }

  private static String threadStates(List<Thread> threads) {
    StringBuilder states = new StringBuilder();
    for (Thread thread : threads) {
      states
          .append("  ")
          .append(thread.getName())
          .append(": ")
          .append(thread.getState())
          .append('\n');
      StackTraceElement[] stack = thread.getStackTrace();
      for (int i = 0; i < Math.min(12, stack.length); i++) {
        states.append("      at ").append(stack[i]).append('\n');
      }
    }
    return states.toString();
  }

  private static void joinQuietly(List<Thread> threads, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    for (Thread thread : threads) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return;
      }
      try {
        thread.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String report() {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    Throwable thrown = failure.get();
    out.printf(
        "stress %s: seed %d, %d operations, %d workers, callers %s%n",
        thrown == null ? "passed" : "FAILED",
        config.seed(),
        operations.get(),
        config.workers(),
        config.callers().equals(org.aopcheck.vm.mm.PageCacheCallers.postPatch())
            ? "post-patch"
            : "custom");
    out.printf(
        "operations returned AOP_TRUNCATED_PAGE %d times and AOP_WRITEPAGE_ACTIVATE %d times%n",
        truncatedPageReturns, activateReturns);
    if (thrown != null) {
      out.println("failure: " + thrown);
      out.println(
          "replay: -Daopcheck.stress.seed=" + config.seed() + " (same operations per worker)");
      out.println("in progress:");
      for (String entry : inProgress) {
        if (entry != null) {
          out.println("  " + entry);
        }
      }
      out.println("last operations:");
      synchronized (history) {
        for (String entry : history) {
          out.println("  " + entry);
        }
      }
    }
    out.flush();
    return text.toString();
  }
}
