package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertFailsWith;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertPasses;
import static org.aopcheck.samples.prepatch.PrePatchScenarios.POST;
import static org.aopcheck.vm.ProtocolViolation.Rule.AOP_CODE_ESCAPED;
import static org.aopcheck.vm.ProtocolViolation.Rule.SPURIOUS_FAILURE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.aopcheck.vm.mm.SystemCalls;
import org.junit.jupiter.api.Test;

/**
 * The pre-patch readpage callers under a filesystem that returns AOP_TRUNCATED_PAGE: each one fails
 * (a run-time rule, or an error for a page inside the file) where its post-patch form, in the
 * reference VM, passes the same scenario ({@link PrePatchScenarios}).
 */
class PrePatchReadCallersTest {
  @Test
  void doGenericMappingReadReturnsTheCodeToUserSpace() {
    PageCacheCallers pre = POST.withMappingRead(DoGenericMappingRead::doGenericMappingRead);
    assertFailsWith(AOP_CODE_ESCAPED, () -> PrePatchScenarios.readWholeFile(pre));
    // The first read(2) itself is where the code escapes, not a later one.
    OpenFile file = PrePatchScenarios.fileTruncatingFirstReads(2, new Lru());
    assertFailsWith(AOP_CODE_ESCAPED, () -> new SystemCalls(pre).read(file, 0, new byte[100], 100));

    assertPasses(() -> PrePatchScenarios.readWholeFile(POST));
  }

  @Test
  void pageCacheReadPassesTheCodeUp() {
    PageCacheCallers pre = POST.withPageCacheRead(PageCacheRead::pageCacheRead);
    assertFailsWith(AOP_CODE_ESCAPED, () -> PrePatchScenarios.pageCacheRead(pre));
    assertPasses(() -> PrePatchScenarios.pageCacheRead(POST));
  }

  @Test
  void filemapNopageGivesSigbusForAPageInsideTheFile() {
    PageCacheCallers pre = POST.withNopage(FilemapNopage::filemapNopage);
    ProtocolViolation violation =
        assertFailsWith(SPURIOUS_FAILURE, () -> PrePatchScenarios.faultInsideTheFile(pre));
    assertTrue(violation.getMessage().contains("returned -1"), violation.getMessage());
    assertPasses(() -> PrePatchScenarios.faultInsideTheFile(POST));
  }

  @Test
  void filemapGetpageFailsForAPageInsideTheFile() {
    PageCacheCallers pre = POST.withGetpage(FilemapGetpage::filemapGetpage);
    ProtocolViolation violation =
        assertFailsWith(SPURIOUS_FAILURE, () -> PrePatchScenarios.populateInsideTheFile(pre));
    assertTrue(violation.getMessage().contains("returned -1"), violation.getMessage());
    assertPasses(() -> PrePatchScenarios.populateInsideTheFile(POST));
  }

  @Test
  void readPagesBehavesLikeThePostPatchFormAtRunTime() {
    // 2.6.14 read_pages already put every page on the LRU (the K01 fix restored it): the only
    // difference is the missing @BestEffort declaration, a static finding.
    assertPasses(
        () ->
            PrePatchScenarios.readaheadLeavesPagesOnTheLru(
                POST.withReadPages(ReadPages::readPages)));
    assertPasses(() -> PrePatchScenarios.readaheadLeavesPagesOnTheLru(POST));
  }
}
