package org.aopcheck.vm.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.fs.MemoryFilesystem;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.junit.jupiter.api.Test;

/** The stress test with the post-patch callers, and the harness's own failure reporting. */
class StressTest {
  @Test
  void postPatchCallersPassTheStressTest() {
    StressResult result = Stress.run(StressConfig.standard());
    System.out.println(result.report());
    assertTrue(result.passed(), result.report());
    assertTrue(result.operations() > 0);
  }

  @Test
  void aFailureReportsItsSeedAndTheLastOperations() {
    // A reader that forgets to release the page it faulted in: the leak is caught and reported.
    PageCacheCallers leaking =
        PageCacheCallers.postPatch()
            .withNopage(
                (area, pgoff) -> {
                  Page page = PageCacheCallers.postPatch().nopage().filemapNopage(area, pgoff);
                  if (page != null) {
                    page.get();
                  }
                  return page;
                });
    StressResult result =
        Stress.run(
            StressConfig.standard()
                .withSeed(1234)
                .withCallers(leaking)
                .withFilesystems(seed -> List.of(new MemoryFilesystem())));
    assertEquals(ProtocolViolation.Rule.PAGE_REFERENCE_LEAKED, result.rule(), result.report());
    assertTrue(result.report().contains("seed 1234"), result.report());
    assertTrue(result.report().contains("last operations:"), result.report());
    assertTrue(result.report().contains("fault"), result.report());
  }

  @Test
  void aDeadlockIsReportedWithTheThreadsInsteadOfHanging() {
    // A writer that locks the page it just wrote and never unlocks it: the next access waits
    // forever. The harness reports the stall with the threads' states.
    PageCacheCallers stuck =
        PageCacheCallers.postPatch()
            .withPageCacheRead(
                (file, offset) -> {
                  Page page = file.mapping().findLock(offset);
                  if (page != null) {
                    page.release(); // the lock is kept on purpose
                  }
                  return 0;
                });
    StressResult result =
        Stress.run(
            StressConfig.standard()
                .withSeed(99)
                .withCallers(stuck)
                .withStallTimeout(Duration.ofSeconds(2))
                .withFilesystems(seed -> List.of(new MemoryFilesystem())));
    assertTrue(
        result.rule() == ProtocolViolation.Rule.PAGE_LEFT_LOCKED
            || result.rule() == ProtocolViolation.Rule.DEADLOCK,
        result.report());
  }
}
