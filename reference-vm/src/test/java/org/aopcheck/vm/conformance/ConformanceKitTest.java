package org.aopcheck.vm.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.aopcheck.vm.drivers.Ramdisk;
import org.aopcheck.vm.fs.ClusterFilesystem;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.fs.Filesystem;
import org.aopcheck.vm.fs.MemoryFilesystem;
import org.aopcheck.vm.mm.Shmem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit passes the reference VM's filesystems and fails a broken one rule by rule. */
class ConformanceKitTest {
  private static Set<ConformanceRule> broken(ConformanceReport report) {
    return report.violations().stream()
        .map(ConformanceReport.Violation::rule)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConformanceRule.class)));
  }

  private static void assertConforms(Filesystem filesystem) {
    ConformanceReport report = ConformanceKit.check(filesystem);
    assertTrue(report.passed(), report.toString());
    assertTrue(report.calls() > 100, "the kit exercised the operations: " + report.calls());
  }

  @Test
  void memoryFilesystemConforms() {
    assertConforms(new MemoryFilesystem());
    assertConforms(new MemoryFilesystem(true));
  }

  @Test
  void clusterFilesystemConformsAndIsMadeToReturnTruncatedPage() {
    ClusterFilesystem clusterfs = new ClusterFilesystem();
    assertConforms(clusterfs);
    assertTrue(
        clusterfs.truncatedPageReturns() >= 4,
        "pages read and written under contention: " + clusterfs.truncatedPageReturns());
  }

  @Test
  void clusterFilesystemThatDoesNotWaitBreaksProgress() {
    // KERNEL-CASES K15: readpage returns AOP_TRUNCATED_PAGE without waiting for the lock.
    ConformanceReport report =
        ConformanceKit.check(
            new ClusterFilesystem(ClusterFilesystem.Variant.RETURNS_WITHOUT_WAITING));
    assertEquals(
        EnumSet.of(ConformanceRule.PROGRESS_BEFORE_TRUNCATED), broken(report), report.toString());
  }

  @Test
  void clusterFilesystemThatWaitsWithThePageLockedBreaksLockOrder() {
    // KERNEL-CASES K13: readpage waits for the cluster lock with the page locked.
    ConformanceReport report =
        ConformanceKit.check(
            new ClusterFilesystem(ClusterFilesystem.Variant.WAITS_WITH_PAGE_LOCKED));
    assertEquals(
        EnumSet.of(ConformanceRule.NO_LOCK_ORDER_INVERSION), broken(report), report.toString());
  }

  @Test
  void faultInjectingFilesystemConforms() {
    assertConforms(
        new FaultInjectingFilesystem(
            FaultSchedule.builder(17)
                .inject(
                    FaultSchedule.Operation.READPAGE, FaultSchedule.Injected.TRUNCATED_PAGE, 0.3)
                .inject(FaultSchedule.Operation.READPAGE, FaultSchedule.Injected.ERROR, 0.1)
                .inject(
                    FaultSchedule.Operation.PREPARE_WRITE,
                    FaultSchedule.Injected.TRUNCATED_PAGE,
                    0.2)
                .inject(FaultSchedule.Operation.PREPARE_WRITE, FaultSchedule.Injected.ERROR, 0.1)
                .inject(
                    FaultSchedule.Operation.COMMIT_WRITE,
                    FaultSchedule.Injected.TRUNCATED_PAGE,
                    0.2)
                .inject(FaultSchedule.Operation.COMMIT_WRITE, FaultSchedule.Injected.ERROR, 0.1)
                .inject(
                    FaultSchedule.Operation.WRITEPAGE,
                    FaultSchedule.Injected.WRITEPAGE_ACTIVATE,
                    0.3)
                .inject(FaultSchedule.Operation.WRITEPAGE, FaultSchedule.Injected.ERROR, 0.1)
                .build()));
  }

  @Test
  void ramdiskAndTmpfsWithSwapConform() {
    assertConforms(new Ramdisk(4L * org.aopcheck.vm.Page.SIZE));
    assertConforms(new Shmem(64));
  }

  @Test
  void lockedTmpfsOf2614BreaksActivateOnlyForReclaim() {
    // 2.6.14 shmem_writepage returns AOP_WRITEPAGE_ACTIVATE to any caller when it cannot swap:
    // KERNEL-CASES K07, fixed in 2007.
    ConformanceReport report = ConformanceKit.check(new Shmem(64, true));
    assertEquals(
        EnumSet.of(ConformanceRule.ACTIVATE_ONLY_FOR_RECLAIM), broken(report), report.toString());
  }

  @ParameterizedTest
  @EnumSource(BrokenFilesystem.Defect.class)
  void eachDefectBreaksExactlyItsRule(BrokenFilesystem.Defect defect) {
    ConformanceReport report = ConformanceKit.check(new BrokenFilesystem(EnumSet.of(defect)));
    assertEquals(EnumSet.of(defect.breaks), broken(report), report.toString());
    String description = report.describe(defect.breaks);
    assertTrue(description.contains(defect.breaks.title()), description);
  }

  @Test
  void everyDefectAtOnceBreaksEveryRuleButReturning() {
    ConformanceReport report =
        ConformanceKit.check(new BrokenFilesystem(EnumSet.allOf(BrokenFilesystem.Defect.class)));
    Set<ConformanceRule> expected = EnumSet.allOf(ConformanceRule.class);
    expected.remove(ConformanceRule.OPERATIONS_RETURN);
    expected.remove(ConformanceRule.NO_LOCK_ORDER_INVERSION);
    assertEquals(expected, broken(report), report.toString());
  }

  @Test
  void aFilesystemWithoutDefectsPasses() {
    assertFalse(
        ConformanceKit.check(new BrokenFilesystem(Set.of())).violations().iterator().hasNext());
  }

  @Test
  void aReadpageThatNeverReturnsIsReported() {
    java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
    Filesystem hangs =
        new Filesystem() {
          @Override
          public String name() {
            return "hangs in readpage";
          }

          @Override
          public org.aopcheck.vm.Inode createFile(org.aopcheck.vm.Lru lru) {
            return new org.aopcheck.vm.Inode(
                new org.aopcheck.vm.AddressSpaceOperations() {
                  @Override
                  public int readpage(org.aopcheck.vm.OpenFile file, org.aopcheck.vm.Page page) {
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return 0;
                  }

                  @Override
                  public int prepareWrite(
                      org.aopcheck.vm.OpenFile file, org.aopcheck.vm.Page page, int from, int to) {
                    return 0;
                  }

                  @Override
                  public int commitWrite(
                      org.aopcheck.vm.OpenFile file, org.aopcheck.vm.Page page, int from, int to) {
                    return 0;
                  }

                  @Override
                  public int writepage(
                      org.aopcheck.vm.Page page, org.aopcheck.vm.WritebackControl wbc) {
                    page.unlock();
                    return 0;
                  }
                });
          }
        };
    ConformanceReport report = ConformanceKit.check(hangs, java.time.Duration.ofMillis(500));
    assertEquals(EnumSet.of(ConformanceRule.OPERATIONS_RETURN), broken(report), report.toString());
    assertTrue(
        report.describe(ConformanceRule.OPERATIONS_RETURN).contains("readpage"), report.toString());
  }
}
