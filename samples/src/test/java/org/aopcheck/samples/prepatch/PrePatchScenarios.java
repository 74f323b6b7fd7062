package org.aopcheck.samples.prepatch;

import static org.aopcheck.vm.fs.FaultSchedule.Injected.TRUNCATED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.WRITEPAGE_ACTIVATE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.COMMIT_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.PREPARE_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.READPAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.WRITEPAGE;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.ProtocolViolation.Rule;
import org.aopcheck.vm.drivers.LoopDevice;
import org.aopcheck.vm.drivers.Ramdisk;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.aopcheck.vm.mm.Shmem;
import org.aopcheck.vm.mm.SystemCalls;
import org.aopcheck.vm.mm.VmArea;
import org.aopcheck.vm.testing.VmFixture;

/**
 * The scenarios that run each of the twelve pre-patch call sites (2.6.14, before "add
 * AOP_TRUNCATED_PAGE, prepend AOP_ to WRITEPAGE_ACTIVATE") and its post-patch form, the reference
 * VM's own, under a filesystem that returns the code the site handles. The pre-patch scenario tests
 * assert on them, and the corpus table reports them in its run-time column.
 *
 * <p>A scenario fails with the reference VM's {@link ProtocolViolation}: the VM's own rules (double
 * unlock, a code escaping to user space), {@link Rule#SPURIOUS_FAILURE} for an error where the
 * operation should succeed, {@link Rule#DATA_MISMATCH} for data that came back wrong, as the VM's
 * stress test reports them; a state the VM has no rule for fails with {@link WrongResult}.
 */
public final class PrePatchScenarios {
  static final byte[] READ_CONTENT = VmFixture.pattern(3 * Page.SIZE, 21);
  static final byte[] WRITE_DATA = VmFixture.pattern(2 * Page.SIZE + 10, 31);
  static final byte[] WRITEBACK_DATA = VmFixture.pattern(3 * Page.SIZE, 41);
  static final PageCacheCallers POST = PageCacheCallers.postPatch();

  private PrePatchScenarios() {}

  /** A result that is wrong although no rule of the reference VM is broken. */
  public static final class WrongResult extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrongResult(String message) {
      super(message);
    }
  }

  /** One scenario, run with the pre-patch form and with the post-patch form. */
  public record Scenario(String name, Runnable prePatch, Runnable postPatch) {}

  /**
   * One pre-patch call site: its corpus class, the reference VM class holding its post-patch form,
   * and the scenarios that run both.
   */
  public record Site(String prePatchClass, String postPatchClass, List<Scenario> scenarios) {
    /** What the pre-patch form shows over all the scenarios. */
    public Outcome runPrePatch() {
      return Outcome.of(scenarios.stream().map(Scenario::prePatch).toList());
    }

    /** What the post-patch form shows over the same scenarios. */
    public Outcome runPostPatch() {
      return Outcome.of(scenarios.stream().map(Scenario::postPatch).toList());
    }
  }

  /** The failures seen in some runs: rule names, or "wrong result"; none means it passed. */
  public record Outcome(Set<String> failures) {
    static Outcome of(List<Runnable> runs) {
      Set<String> failures = new TreeSet<>();
      for (Runnable run : runs) {
        Throwable failure = VmFixture.failureOf(run);
        if (failure instanceof ProtocolViolation violation) {
          failures.add(violation.rule().name());
        } else if (failure instanceof WrongResult) {
          failures.add("wrong result");
        } else if (failure != null) {
          throw new AssertionError("pre-patch scenario failed unexpectedly", failure);
        }
      }
      return new Outcome(failures);
    }

    public boolean passed() {
      return failures.isEmpty();
    }

    /** "passes", or "fails: [..]", for tables. */
    public String summary() {
      return passed() ? "passes" : "fails: " + failures;
    }
  }

  /** The twelve call sites, by corpus class name. */
  public static List<Site> sites() {
    return List.of(
        new Site(
            "DoGenericMappingRead",
            "DoGenericMappingRead",
            List.of(
                scenario(
                    "read(2) while readpage returns AOP_TRUNCATED_PAGE",
                    POST.withMappingRead(DoGenericMappingRead::doGenericMappingRead),
                    PrePatchScenarios::readWholeFile))),
        new Site(
            "PageCacheRead",
            "FilemapPageCacheRead",
            List.of(
                scenario(
                    "page_cache_read while readpage returns AOP_TRUNCATED_PAGE",
                    POST.withPageCacheRead(PageCacheRead::pageCacheRead),
                    PrePatchScenarios::pageCacheRead))),
        new Site(
            "FilemapNopage",
            "FilemapNopage",
            List.of(
                scenario(
                    "fault on a page inside the file while readpage returns AOP_TRUNCATED_PAGE",
                    POST.withNopage(FilemapNopage::filemapNopage),
                    PrePatchScenarios::faultInsideTheFile))),
        new Site(
            "FilemapGetpage",
            "FilemapGetpage",
            List.of(
                scenario(
                    "populate a page inside the file while readpage returns AOP_TRUNCATED_PAGE",
                    POST.withGetpage(FilemapGetpage::filemapGetpage),
                    PrePatchScenarios::populateInsideTheFile))),
        new Site(
            "ReadPages",
            "ReadaheadReadPages",
            List.of(
                scenario(
                    "read-ahead while readpage returns AOP_TRUNCATED_PAGE",
                    POST.withReadPages(ReadPages::readPages),
                    PrePatchScenarios::readaheadLeavesPagesOnTheLru))),
        new Site(
            "GenericFileBufferedWrite",
            "GenericFileBufferedWrite",
            List.of(bufferedWrite(PREPARE_WRITE, false), bufferedWrite(COMMIT_WRITE, false))),
        new Site(
            "DoLoSendAops",
            "DoLoSendAops",
            List.of(bufferedWrite(PREPARE_WRITE, true), bufferedWrite(COMMIT_WRITE, true))),
        new Site(
            "MpageWritepages",
            "MpageWritepages",
            List.of(
                scenario(
                    "fsync while writepage returns AOP_WRITEPAGE_ACTIVATE",
                    POST.withWritepages(MpageWritepages::mpageWritepages),
                    PrePatchScenarios::fsyncDirtyFileActivatingOnce))),
        new Site(
            "Pageout",
            "VmscanPageout",
            List.of(
                scenario(
                    "reclaim of ramdisk pages (writepage returns AOP_WRITEPAGE_ACTIVATE)",
                    POST.withPageout(Pageout::pageout),
                    callers -> reclaimRamdisk(callers, null)))),
        new Site(
            "RamdiskWritepage",
            "Ramdisk",
            List.of(
                new Scenario(
                    "reclaim of ramdisk pages",
                    () -> reclaimRamdisk(POST, RamdiskWritepage::new),
                    () -> reclaimRamdisk(POST, null)))),
        new Site(
            "ShmemWritepage",
            "Shmem",
            List.of(
                new Scenario(
                    "reclaim of tmpfs pages with the swap full",
                    () -> reclaimTmpfsWithOneSwapSlot(ShmemWritepage::new),
                    () -> reclaimTmpfsWithOneSwapSlot(null)))));
  }

  /** The site whose pre-patch form is the corpus class {@code prePatchClass}. */
  public static Optional<Site> byPrePatchClass(String prePatchClass) {
    return sites().stream().filter(site -> site.prePatchClass().equals(prePatchClass)).findFirst();
  }

  /** The site whose post-patch form is the reference VM class {@code postPatchClass}. */
  public static Optional<Site> byPostPatchClass(String postPatchClass) {
    return sites().stream()
        .filter(site -> site.postPatchClass().equals(postPatchClass))
        .findFirst();
  }

  /** The same scenario with the pre-patch callers and with the post-patch ones. */
  private static Scenario scenario(
      String name, PageCacheCallers prePatch, Consumer<PageCacheCallers> run) {
    return new Scenario(name, () -> run.accept(prePatch), () -> run.accept(POST));
  }

  private static Scenario bufferedWrite(FaultSchedule.Operation operation, boolean loop) {
    String truncating = operation.name().toLowerCase(java.util.Locale.ROOT);
    return loop
        ? scenario(
            "loop write while " + truncating + " returns AOP_TRUNCATED_PAGE",
            POST.withLoopSend(DoLoSendAops::doLoSendAops),
            callers -> loopWrite(callers, operation))
        : scenario(
            "write(2) while " + truncating + " returns AOP_TRUNCATED_PAGE",
            POST.withBufferedWrite(GenericFileBufferedWrite::genericFileBufferedWrite),
            callers -> write(callers, operation));
  }

  // ---- readpage callers ----

  /**
   * A file whose readpage returns AOP_TRUNCATED_PAGE on its first {@code calls} calls, to {@code
   * lru}.
   */
  static OpenFile fileTruncatingFirstReads(int calls, Lru lru) {
    return VmFixture.fileWith(
        new FaultInjectingFilesystem(
            FaultSchedule.builder(3).injectFirst(READPAGE, TRUNCATED_PAGE, calls).build()),
        lru,
        READ_CONTENT);
  }

  /** read(2) of the whole file; read-ahead's readpage and the read's own get TRUNCATED. */
  static void readWholeFile(PageCacheCallers callers) {
    OpenFile file = fileTruncatingFirstReads(2, new Lru());
    byte[] read = VmFixture.readAll(new SystemCalls(callers), file);
    expectData(READ_CONTENT, read, "read(2) of the whole file");
  }

  static void pageCacheRead(PageCacheCallers callers) {
    OpenFile file = fileTruncatingFirstReads(1, new Lru());
    expectSuccess(new SystemCalls(callers).pageCacheRead(file, 0), "page_cache_read of page 0");
  }

  /** Read-ahead's readpage, then both nopage sites, get TRUNCATED; page 1 is inside the file. */
  static void faultInsideTheFile(PageCacheCallers callers) {
    SystemCalls calls = new SystemCalls(callers);
    OpenFile file = fileTruncatingFirstReads(3, new Lru());
    calls.readahead(file, 0, 3);
    byte[] into = new byte[Page.SIZE];
    expectSuccess(calls.fault(new VmArea(file), 1, into), "fault on page 1 (SIGBUS)");
    expectData(VmFixture.pageOf(READ_CONTENT, 1), into, "page 1 as mapped");
  }

  static void populateInsideTheFile(PageCacheCallers callers) {
    SystemCalls calls = new SystemCalls(callers);
    OpenFile file = fileTruncatingFirstReads(3, new Lru());
    calls.readahead(file, 0, 3);
    byte[] into = new byte[Page.SIZE];
    expectSuccess(calls.populate(file, 2, into), "populate of page 2");
    expectData(VmFixture.pageOf(READ_CONTENT, 2), into, "page 2 as populated");
  }

  /**
   * Read-ahead of the whole file: every page ends on the LRU, unlocked, with only the cache's
   * reference. 2.6.14 read_pages already did (the K01 fix restored it).
   */
  static void readaheadLeavesPagesOnTheLru(PageCacheCallers callers) {
    SystemCalls calls = new SystemCalls(callers);
    Lru lru = new Lru();
    OpenFile file = fileTruncatingFirstReads(1, lru);
    int read = calls.readahead(file, 0, 3);
    if (read != 3) {
      throw new ProtocolViolation(Rule.SPURIOUS_FAILURE, "readahead of 3 pages returned " + read);
    }
    for (Page page : file.mapping().pagesSnapshot()) {
      if (!lru.contains(page)) {
        throw new ProtocolViolation(Rule.CACHED_PAGE_NOT_ON_LRU, page + " is not on the LRU");
      }
      if (page.isLocked()) {
        throw new ProtocolViolation(Rule.PAGE_LEFT_LOCKED, page + " left locked by read-ahead");
      }
      if (page.referenceCount() != 1) {
        throw new ProtocolViolation(
            Rule.PAGE_REFERENCE_LEAKED, page + " has " + page.referenceCount() + " references");
      }
    }
    expectData(READ_CONTENT, VmFixture.readAll(calls, file), "read(2) after read-ahead");
  }

  // ---- prepare_write / commit_write callers ----

  /** An empty file whose {@code operation} returns AOP_TRUNCATED_PAGE on its first call. */
  static OpenFile emptyFileTruncatingFirst(FaultSchedule.Operation operation) {
    return VmFixture.fileWith(
        new FaultInjectingFilesystem(
            FaultSchedule.builder(5).injectFirst(operation, TRUNCATED_PAGE, 1).build()),
        new Lru(),
        new byte[0]);
  }

  static void write(PageCacheCallers callers, FaultSchedule.Operation truncating) {
    SystemCalls calls = new SystemCalls(callers);
    OpenFile file = emptyFileTruncatingFirst(truncating);
    long written = calls.write(file, 0, WRITE_DATA);
    if (written != WRITE_DATA.length) {
      throw new ProtocolViolation(
          Rule.SPURIOUS_FAILURE, "write(2) of " + WRITE_DATA.length + " bytes returned " + written);
    }
    expectData(WRITE_DATA, VmFixture.readAll(calls, file), "the file after write(2)");
  }

  static void loopWrite(PageCacheCallers callers, FaultSchedule.Operation truncating) {
    SystemCalls calls = new SystemCalls(callers);
    OpenFile file = emptyFileTruncatingFirst(truncating);
    expectSuccess(calls.loopWrite(new LoopDevice(file), 0, WRITE_DATA), "loop write");
    expectData(WRITE_DATA, VmFixture.readAll(calls, file), "the backing file after a loop write");
  }

  // ---- writepage paths ----

  /**
   * A dirty file of three pages whose writepage returns AOP_WRITEPAGE_ACTIVATE once per page, to
   * any caller.
   */
  static OpenFile dirtyFileActivatingOnce() {
    OpenFile file =
        VmFixture.fileWith(
            new FaultInjectingFilesystem(
                FaultSchedule.builder(9)
                    .injectFirst(WRITEPAGE, WRITEPAGE_ACTIVATE, 1)
                    .activateOutsideReclaim()
                    .build()),
            new Lru(),
            new byte[0]);
    new SystemCalls(POST).write(file, 0, WRITEBACK_DATA);
    return file;
  }

  static void fsyncDirtyFileActivatingOnce(PageCacheCallers callers) {
    OpenFile file = dirtyFileActivatingOnce();
    expectSuccess(new SystemCalls(callers).fsync(file), "fsync");
  }

  /**
   * Reclaim over a ramdisk (its writepage, or {@code writepage} when given, returns
   * AOP_WRITEPAGE_ACTIVATE): nothing is freed, every page stays active, dirty and unlocked, and the
   * data stays.
   */
  static void reclaimRamdisk(
      PageCacheCallers callers, UnaryOperator<AddressSpaceOperations> writepage) {
    Lru lru = new Lru();
    Ramdisk ramdisk = new Ramdisk(3 * Page.SIZE);
    Inode inode = writepage == null ? ramdisk.createFile(lru) : ramdisk.createFile(lru, writepage);
    OpenFile disk = new OpenFile(inode);
    SystemCalls calls = new SystemCalls(callers);
    calls.write(disk, 0, WRITEBACK_DATA);
    int reclaimed = calls.reclaim(lru, 100);
    if (reclaimed != 0) {
      throw new WrongResult(
          "reclaim freed " + reclaimed + " ramdisk pages (the pages are storage)");
    }
    for (Page page : disk.mapping().pagesSnapshot()) {
      if (!page.isActive() || !page.isDirty() || page.isLocked()) {
        throw new WrongResult(page + " not kept active, dirty and unlocked after ACTIVATE");
      }
    }
    expectData(WRITEBACK_DATA, VmFixture.readAll(calls, disk), "the ramdisk after reclaim");
  }

  /**
   * Reclaim over tmpfs with one swap slot (its writepage, or {@code writepage} when given): one
   * page goes to swap, the other two are activated and kept, and the data stays.
   */
  static void reclaimTmpfsWithOneSwapSlot(UnaryOperator<AddressSpaceOperations> writepage) {
    Lru lru = new Lru();
    Shmem tmpfs = new Shmem(1);
    Inode inode = writepage == null ? tmpfs.createFile(lru) : tmpfs.createFile(lru, writepage);
    OpenFile file = new OpenFile(inode);
    SystemCalls calls = new SystemCalls(POST);
    calls.write(file, 0, WRITEBACK_DATA);
    int reclaimed = calls.reclaim(lru, 100);
    if (reclaimed != 1 || file.mapping().nrPages() != 2) {
      throw new WrongResult(
          "swap full: expected one page reclaimed and two kept, got "
              + reclaimed
              + " reclaimed and "
              + file.mapping().nrPages()
              + " kept");
    }
    expectData(WRITEBACK_DATA, VmFixture.readAll(calls, file), "the tmpfs file after reclaim");
  }

  // ---- checks, as the reference VM's stress test reports them ----

  private static void expectSuccess(int returned, String what) {
    if (returned != 0) {
      throw new ProtocolViolation(Rule.SPURIOUS_FAILURE, what + " returned " + returned);
    }
  }

  private static void expectData(byte[] expected, byte[] actual, String what) {
    if (!Arrays.equals(expected, actual)) {
      throw new ProtocolViolation(Rule.DATA_MISMATCH, what + " differs from what was written");
    }
  }
}
