package org.aopcheck.vm.mm;

import static org.aopcheck.vm.fs.FaultSchedule.Injected.ERROR;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.NONE;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.TRUNCATED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.READPAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.fs.MemoryFilesystem;
import org.aopcheck.vm.testing.VmFixture;
import org.junit.jupiter.api.Test;

/**
 * The readpage callers (do_generic_mapping_read, page_cache_read, filemap_nopage at both sites,
 * filemap_getpage at both sites, read_pages), each with a filesystem that never returns a positive
 * code and with one that returns AOP_TRUNCATED_PAGE.
 */
class ReadPathsTest {
  private static final byte[] CONTENT = VmFixture.pattern(3 * Page.SIZE + 100, 7);
  private final Lru lru = new Lru();
  private final SystemCalls calls = SystemCalls.postPatch();

  private FaultInjectingFilesystem faultfs(FaultSchedule.Injected... readpageOutcomes) {
    return new FaultInjectingFilesystem(
        FaultSchedule.builder(1).sequence(READPAGE, readpageOutcomes).build());
  }

  @Test
  void readReturnsTheFileWithoutCodes() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, CONTENT);
    assertArrayEquals(CONTENT, VmFixture.readAll(calls, file));
  }

  @Test
  void readWaitsForAsynchronousReadCompletion() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(true), lru, CONTENT);
    assertArrayEquals(CONTENT, VmFixture.readAll(calls, file));
  }

  @Test
  void readRetriesAfterTruncatedPageAndReturnsTheFile() {
    FaultInjectingFilesystem fs = faultfs(TRUNCATED_PAGE, TRUNCATED_PAGE, TRUNCATED_PAGE);
    OpenFile file = VmFixture.fileWith(fs, lru, CONTENT);
    assertArrayEquals(CONTENT, VmFixture.readAll(calls, file));
    assertTrue(fs.schedule().injectedCount(READPAGE, TRUNCATED_PAGE) >= 4);
    assertCachedPagesHoldOnlyTheCacheReference(file);
  }

  @Test
  void readReportsAGenuineReadpageError() {
    OpenFile file =
        VmFixture.fileWith(
            new FaultInjectingFilesystem(
                FaultSchedule.builder(1).inject(READPAGE, ERROR, 1).build()),
            lru,
            CONTENT);
    byte[] buffer = new byte[10];
    assertEquals(-Errno.EIO, calls.read(file, 0, buffer, 10));
  }

  @Test
  void pageCacheReadAbsorbsTruncatedPage() {
    // The filesystem unlocked the page but left it in the cache: the retry finds it there
    // (-EEXIST counts as success), and the caller's lookup then reads it.
    FaultInjectingFilesystem fs = faultfs(TRUNCATED_PAGE);
    OpenFile file = VmFixture.fileWith(fs, lru, CONTENT);
    assertEquals(0, calls.pageCacheRead(file, 1));
    assertEquals(1, fs.schedule().injectedCount(READPAGE, TRUNCATED_PAGE));
    Page page = file.mapping().findGet(1);
    assertFalse(page.isUptodate());
    assertFalse(page.isLocked());
    page.release();
  }

  @Test
  void pageCacheReadRetriesWhenTheTruncatedPageWasRemoved() {
    // A filesystem that really truncated the page: the retry adds a fresh page and reads it.
    org.aopcheck.vm.Inode inode =
        new org.aopcheck.vm.Inode(
            new org.aopcheck.vm.AddressSpaceOperations() {
              int calls;

              @Override
              public int readpage(OpenFile f, Page page) {
                if (calls++ == 0) {
                  page.mapping().removePage(page);
                  page.unlock();
                  return org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;
                }
                page.setUptodate();
                page.unlock();
                return 0;
              }

              @Override
              public int prepareWrite(OpenFile f, Page page, int from, int to) {
                return 0;
              }

              @Override
              public int commitWrite(OpenFile f, Page page, int from, int to) {
                return 0;
              }

              @Override
              public int writepage(Page page, org.aopcheck.vm.WritebackControl wbc) {
                page.unlock();
                return 0;
              }
            });
    inode.setSize(Page.SIZE);
    OpenFile file = new OpenFile(inode);
    assertEquals(0, calls.pageCacheRead(file, 0));
    Page page = file.mapping().findGet(0);
    assertTrue(page.isUptodate());
    page.release();
  }

  @Test
  void nopageFaultsInThePageWithoutCodes() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, CONTENT);
    byte[] into = new byte[Page.SIZE];
    assertEquals(0, calls.fault(new VmArea(file), 3, into));
    assertArrayEquals(VmFixture.pageOf(CONTENT, 3), into);
    assertEquals(-1, calls.fault(new VmArea(file), 4, into), "beyond end of file: SIGBUS");
  }

  @Test
  void nopageFirstReadpageSiteRetriesAfterTruncatedPage() {
    // read-ahead's readpage (call 0) leaves the page cached but not up to date; site 1 then gets
    // AOP_TRUNCATED_PAGE twice before it succeeds.
    FaultInjectingFilesystem fs = faultfs(TRUNCATED_PAGE, TRUNCATED_PAGE, TRUNCATED_PAGE);
    OpenFile file = VmFixture.fileWith(fs, lru, CONTENT);
    calls.readahead(file, 0, 4);
    byte[] into = new byte[Page.SIZE];
    assertEquals(0, calls.fault(new VmArea(file), 2, into));
    assertArrayEquals(VmFixture.pageOf(CONTENT, 2), into);
  }

  @Test
  void nopageSecondReadpageSiteRetriesAfterTruncatedPage() {
    // call 0 read-ahead (truncated), call 1 site 1 fails with -EIO, call 2 site 2 truncated,
    // call 3 site 1 after retry_find succeeds.
    FaultInjectingFilesystem fs = faultfs(TRUNCATED_PAGE, ERROR, TRUNCATED_PAGE, NONE);
    OpenFile file = VmFixture.fileWith(fs, lru, CONTENT);
    calls.readahead(file, 0, 4);
    byte[] into = new byte[Page.SIZE];
    assertEquals(0, calls.fault(new VmArea(file), 1, into));
    assertArrayEquals(VmFixture.pageOf(CONTENT, 1), into);
  }

  @Test
  void nopageGivesSigbusAfterTwoGenuineErrors() {
    FaultInjectingFilesystem fs = faultfs(TRUNCATED_PAGE, ERROR, ERROR);
    OpenFile file = VmFixture.fileWith(fs, lru, CONTENT);
    calls.readahead(file, 0, 4);
    assertEquals(-1, calls.fault(new VmArea(file), 1, new byte[Page.SIZE]));
  }

  @Test
  void getpageBothSitesRetryAfterTruncatedPage() {
    FaultInjectingFilesystem fs = faultfs(TRUNCATED_PAGE, TRUNCATED_PAGE, ERROR, TRUNCATED_PAGE);
    OpenFile file = VmFixture.fileWith(fs, lru, CONTENT);
    calls.readahead(file, 0, 4);
    byte[] into = new byte[Page.SIZE];
    assertEquals(0, calls.populate(file, 0, into));
    assertArrayEquals(VmFixture.pageOf(CONTENT, 0), into);
  }

  @Test
  void getpageWithoutCodes() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, CONTENT);
    byte[] into = new byte[Page.SIZE];
    assertEquals(0, calls.populate(file, 2, into));
    assertArrayEquals(VmFixture.pageOf(CONTENT, 2), into);
  }

  @Test
  void readPagesPutsTruncatedVictimsOnTheLru() {
    FaultInjectingFilesystem fs = faultfs(TRUNCATED_PAGE);
    OpenFile file = VmFixture.fileWith(fs, lru, CONTENT);
    assertEquals(4, calls.readahead(file, 0, 4));
    for (Page page : file.mapping().pagesSnapshot()) {
      assertTrue(lru.contains(page), page + " is cached, so it must be on the LRU");
      assertFalse(page.isUptodate());
      assertFalse(page.isLocked());
      assertEquals(1, page.referenceCount(), "only the cache's reference");
    }
    assertArrayEquals(CONTENT, VmFixture.readAll(calls, file));
  }

  @Test
  void readPagesWithoutCodesReadsThePages() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, CONTENT);
    calls.readahead(file, 0, 4);
    Page page = file.mapping().findGet(3);
    assertNotNull(page);
    assertTrue(page.isUptodate());
    page.release();
    assertNull(file.mapping().findGet(4), "nothing beyond end of file");
  }

  private static void assertCachedPagesHoldOnlyTheCacheReference(OpenFile file) {
    for (Page page : file.mapping().pagesSnapshot()) {
      assertEquals(1, page.referenceCount(), page.toString());
      assertFalse(page.isLocked(), page.toString());
    }
  }
}
