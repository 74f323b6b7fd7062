package org.aopcheck.vm.stress;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.aopcheck.vm.drivers.Ramdisk;
import org.aopcheck.vm.fs.ClusterFilesystem;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.fs.Filesystem;
import org.aopcheck.vm.fs.MemoryFilesystem;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.aopcheck.vm.mm.Shmem;

/**
 * The size and make-up of one {@link Stress} run. Immutable; the {@code with...} methods return
 * changed copies.
 *
 * @param seed determines every worker's sequence of operations and the fault schedules
 * @param workers threads doing reads, writes, faults, truncates, readahead, fsync and loop writes
 * @param operationsPerWorker how many operations each worker does
 * @param maxFilePages how large (in pages) a file may grow
 * @param filesystems makes the filesystems of a run from the seed; every worker has one file on
 *     each
 * @param callers the page-cache callers under test
 * @param wallClockCap the run stops by itself after this long, as if its operations were done
 * @param stallTimeout no operation completing for this long is reported as a deadlock
 * @param historyLength how many of the last operations a failure report shows
 */
public record StressConfig(
    long seed,
    int workers,
    int operationsPerWorker,
    int maxFilePages,
    LongFunction<List<Filesystem>> filesystems,
    PageCacheCallers callers,
    Duration wallClockCap,
    Duration stallTimeout,
    int historyLength) {

  public StressConfig {
    Objects.requireNonNull(filesystems);
    Objects.requireNonNull(callers);
    if (workers < 1 || operationsPerWorker < 0 || maxFilePages < 1) {
      throw new IllegalArgumentException("workers, operations and file size must be positive");
    }
  }

  /**
   * Every filesystem of the reference VM: the in-memory one (synchronous and asynchronous reads),
   * the cluster one, a fault-injecting one returning only the positive codes, tmpfs with a small
   * swap, and a ramdisk.
   */
  public static List<Filesystem> allFilesystems(long seed) {
    return List.of(
        new MemoryFilesystem(),
        new MemoryFilesystem(true),
        new ClusterFilesystem(),
        new FaultInjectingFilesystem(FaultSchedule.positiveCodesOnly(seed)),
        new Shmem(24),
        new Ramdisk(8L * org.aopcheck.vm.Page.SIZE));
  }

  /**
   * The size run by {@code mvn verify}: a few seconds on two cores. System properties {@code
   * aopcheck.stress.seed}, {@code .workers}, {@code .operations} and {@code .pages} override it
   * (the {@code stress} Maven profile sets a larger size).
   */
  public static StressConfig standard() {
    long seed = Long.getLong("aopcheck.stress.seed", System.nanoTime() & 0xffff_ffffL);
    return new StressConfig(
        seed,
        Integer.getInteger("aopcheck.stress.workers", 4),
        Integer.getInteger("aopcheck.stress.operations", 1000),
        Integer.getInteger("aopcheck.stress.pages", 8),
        StressConfig::allFilesystems,
        PageCacheCallers.postPatch(),
        Duration.ofSeconds(Long.getLong("aopcheck.stress.seconds", 30)),
        Duration.ofSeconds(10),
        40);
  }

  public StressConfig withSeed(long newSeed) {
    return new StressConfig(
        newSeed,
        workers,
        operationsPerWorker,
        maxFilePages,
        filesystems,
        callers,
        wallClockCap,
        stallTimeout,
        historyLength);
  }

  public StressConfig withCallers(PageCacheCallers newCallers) {
    return new StressConfig(
        seed,
        workers,
        operationsPerWorker,
        maxFilePages,
        filesystems,
        newCallers,
        wallClockCap,
        stallTimeout,
        historyLength);
  }

  public StressConfig withFilesystems(LongFunction<List<Filesystem>> newFilesystems) {
    return new StressConfig(
        seed,
        workers,
        operationsPerWorker,
        maxFilePages,
        newFilesystems,
        callers,
        wallClockCap,
        stallTimeout,
        historyLength);
  }

  public StressConfig withOperationsPerWorker(int operations) {
    return new StressConfig(
        seed,
        workers,
        operations,
        maxFilePages,
        filesystems,
        callers,
        wallClockCap,
        stallTimeout,
        historyLength);
  }

  public StressConfig withStallTimeout(Duration timeout) {
    return new StressConfig(
        seed,
        workers,
        operationsPerWorker,
        maxFilePages,
        filesystems,
        callers,
        wallClockCap,
        timeout,
        historyLength);
  }
}
