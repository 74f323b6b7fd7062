package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertFailsWith;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertPasses;
import static org.aopcheck.vm.ProtocolViolation.Rule.AOP_CODE_ESCAPED;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.TRUNCATED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.READPAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.aopcheck.vm.mm.SystemCalls;
import org.aopcheck.vm.mm.VmArea;
import org.aopcheck.vm.testing.VmFixture;
import org.junit.jupiter.api.Test;

/**
 * The pre-patch readpage callers under a filesystem that returns AOP_TRUNCATED_PAGE: each one fails
 * (a run-time rule, or a wrong result) where its post-patch form, in the reference VM, passes the
 * same scenario.
 */
class PrePatchReadCallersTest {
  private static final byte[] CONTENT = VmFixture.pattern(3 * Page.SIZE, 21);
  private static final PageCacheCallers POST = PageCacheCallers.postPatch();

  /**
   * A file on a filesystem whose readpage returns AOP_TRUNCATED_PAGE on its first calls per page.
   */
  private static OpenFile fileTruncatingFirstReads(int calls) {
    return VmFixture.fileWith(
        new FaultInjectingFilesystem(
            FaultSchedule.builder(3).injectFirst(READPAGE, TRUNCATED_PAGE, calls).build()),
        new Lru(),
        CONTENT);
  }

  @Test
  void doGenericMappingReadReturnsTheCodeToUserSpace() {
    SystemCalls pre =
        new SystemCalls(POST.withMappingRead(DoGenericMappingRead::doGenericMappingRead));
    // Read-ahead's readpage (call 0) and the read's own (call 1) get AOP_TRUNCATED_PAGE.
    OpenFile file = fileTruncatingFirstReads(2);
    assertFailsWith(AOP_CODE_ESCAPED, () -> pre.read(file, 0, new byte[100], 100));

    OpenFile same = fileTruncatingFirstReads(2);
    assertPasses(() -> assertArrayEquals(CONTENT, VmFixture.readAll(new SystemCalls(POST), same)));
  }

  @Test
  void pageCacheReadPassesTheCodeUp() {
    SystemCalls pre = new SystemCalls(POST.withPageCacheRead(PageCacheRead::pageCacheRead));
    OpenFile file = fileTruncatingFirstReads(1);
    assertFailsWith(AOP_CODE_ESCAPED, () -> pre.pageCacheRead(file, 0));

    OpenFile same = fileTruncatingFirstReads(1);
    assertPasses(() -> assertEquals(0, new SystemCalls(POST).pageCacheRead(same, 0)));
  }

  @Test
  void filemapNopageGivesSigbusForAPageInsideTheFile() {
    // read-ahead's readpage (call 0), then both nopage sites, get AOP_TRUNCATED_PAGE.
    SystemCalls pre = new SystemCalls(POST.withNopage(FilemapNopage::filemapNopage));
    OpenFile file = fileTruncatingFirstReads(3);
    pre.readahead(file, 0, 3);
    assertPasses(() -> assertEquals(-1, pre.fault(new VmArea(file), 1, new byte[Page.SIZE])));

    SystemCalls post = new SystemCalls(POST);
    OpenFile same = fileTruncatingFirstReads(3);
    post.readahead(same, 0, 3);
    byte[] into = new byte[Page.SIZE];
    assertPasses(() -> assertEquals(0, post.fault(new VmArea(same), 1, into)));
    assertArrayEquals(VmFixture.pageOf(CONTENT, 1), into);
  }

  @Test
  void filemapGetpageFailsForAPageInsideTheFile() {
    SystemCalls pre = new SystemCalls(POST.withGetpage(FilemapGetpage::filemapGetpage));
    OpenFile file = fileTruncatingFirstReads(3);
    pre.readahead(file, 0, 3);
    assertPasses(() -> assertEquals(-1, pre.populate(file, 2, new byte[Page.SIZE])));

    SystemCalls post = new SystemCalls(POST);
    OpenFile same = fileTruncatingFirstReads(3);
    post.readahead(same, 0, 3);
    byte[] into = new byte[Page.SIZE];
    assertPasses(() -> assertEquals(0, post.populate(same, 2, into)));
    assertArrayEquals(VmFixture.pageOf(CONTENT, 2), into);
  }

  @Test
  void readPagesBehavesLikeThePostPatchFormAtRunTime() {
    // 2.6.14 read_pages already put every page on the LRU (the K01 fix restored it): the only
    // difference is the missing @BestEffort declaration, a static finding.
    for (PageCacheCallers.ReadPages readPages :
        new PageCacheCallers.ReadPages[] {ReadPages::readPages, POST.readPages()}) {
      SystemCalls calls = new SystemCalls(POST.withReadPages(readPages));
      Lru lru = new Lru();
      OpenFile file =
          VmFixture.fileWith(
              new FaultInjectingFilesystem(
                  FaultSchedule.builder(3).injectFirst(READPAGE, TRUNCATED_PAGE, 1).build()),
              lru,
              CONTENT);
      assertPasses(() -> assertEquals(3, calls.readahead(file, 0, 3)));
      for (Page page : file.mapping().pagesSnapshot()) {
        assertTrue(lru.contains(page));
        assertFalse(page.isLocked());
        assertEquals(1, page.referenceCount());
      }
      assertArrayEquals(CONTENT, VmFixture.readAll(calls, file));
    }
  }
}
