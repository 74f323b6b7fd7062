package org.aopcheck.vm.mm;

import static org.aopcheck.vm.fs.FaultSchedule.Injected.ERROR;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.TRUNCATED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.WRITEPAGE_ACTIVATE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.COMMIT_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.PREPARE_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.WRITEPAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.drivers.LoopDevice;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.fs.MemoryFilesystem;
import org.aopcheck.vm.testing.VmFixture;
import org.junit.jupiter.api.Test;

/**
 * The prepare_write / commit_write callers (generic_file_buffered_write, do_lo_send_aops) and the
 * writeback caller of writepage (mpage_writepages), with and without positive codes.
 */
class WritePathsTest {
  private static final byte[] DATA = VmFixture.pattern(2 * Page.SIZE + 300, 11);
  private final Lru lru = new Lru();
  private final SystemCalls calls = SystemCalls.postPatch();

  private static FaultInjectingFilesystem faultfs(FaultSchedule schedule) {
    return new FaultInjectingFilesystem(schedule);
  }

  @Test
  void bufferedWriteWithoutCodes() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, new byte[0]);
    assertEquals(DATA.length, calls.write(file, 0, DATA));
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  @Test
  void bufferedWriteRetriesAfterTruncatedPageFromPrepareWrite() {
    FaultInjectingFilesystem fs =
        faultfs(FaultSchedule.builder(1).injectFirst(PREPARE_WRITE, TRUNCATED_PAGE, 2).build());
    OpenFile file = VmFixture.fileWith(fs, lru, new byte[0]);
    assertEquals(DATA.length, calls.write(file, 0, DATA));
    assertEquals(6, fs.schedule().injectedCount(PREPARE_WRITE, TRUNCATED_PAGE));
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  @Test
  void bufferedWriteRetriesAfterTruncatedPageFromCommitWrite() {
    FaultInjectingFilesystem fs =
        faultfs(FaultSchedule.builder(1).injectFirst(COMMIT_WRITE, TRUNCATED_PAGE, 2).build());
    OpenFile file = VmFixture.fileWith(fs, lru, new byte[0]);
    assertEquals(DATA.length, calls.write(file, 0, DATA), "the code is never counted as bytes");
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  @Test
  void bufferedWriteStopsAtAGenuineError() {
    FaultInjectingFilesystem fs =
        faultfs(FaultSchedule.builder(1).inject(PREPARE_WRITE, ERROR, 1).build());
    OpenFile file = VmFixture.fileWith(fs, lru, new byte[0]);
    assertEquals(-Errno.ENOSPC, calls.write(file, 0, DATA));
    assertEquals(0, file.inode().size());
  }

  @Test
  void loopWriteWithoutCodes() {
    OpenFile backing = VmFixture.fileWith(new MemoryFilesystem(), lru, new byte[0]);
    assertEquals(0, calls.loopWrite(new LoopDevice(backing), 0, DATA));
    assertArrayEquals(DATA, VmFixture.readAll(calls, backing));
  }

  @Test
  void loopWriteRetriesAfterTruncatedPageFromBothOperations() {
    FaultInjectingFilesystem fs =
        faultfs(
            FaultSchedule.builder(1)
                .injectFirst(PREPARE_WRITE, TRUNCATED_PAGE, 1)
                .injectFirst(COMMIT_WRITE, TRUNCATED_PAGE, 2)
                .build());
    OpenFile backing = VmFixture.fileWith(fs, lru, new byte[0]);
    assertEquals(0, calls.loopWrite(new LoopDevice(backing), 0, DATA));
    assertArrayEquals(DATA, VmFixture.readAll(calls, backing));
    assertFalse(backing.inode().inodeSemaphore().isLocked());
  }

  @Test
  void loopWriteFailsOnAGenuineError() {
    FaultInjectingFilesystem fs =
        faultfs(FaultSchedule.builder(1).inject(COMMIT_WRITE, ERROR, 1).build());
    OpenFile backing = VmFixture.fileWith(fs, lru, new byte[0]);
    assertEquals(-1, calls.loopWrite(new LoopDevice(backing), 0, DATA));
  }

  @Test
  void writebackWritesEveryDirtyPageWithoutCodes() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, new byte[0]);
    calls.write(file, 0, DATA);
    assertEquals(0, calls.fsync(file));
    for (Page page : file.mapping().pagesSnapshot()) {
      assertFalse(page.isDirty());
    }
  }

  @Test
  void writebackAbsorbsActivateOutsideReclaim() {
    // 2.6.14 tmpfs returned AOP_WRITEPAGE_ACTIVATE to writeback too (K07). mpage_writepages with
    // the K04 and K05 fixes unlocks the page, goes on with the other pages and reports nothing.
    FaultInjectingFilesystem fs =
        faultfs(
            FaultSchedule.builder(1)
                .injectFirst(WRITEPAGE, WRITEPAGE_ACTIVATE, 1)
                .activateOutsideReclaim()
                .build());
    OpenFile file = VmFixture.fileWith(fs, lru, new byte[0]);
    calls.write(file, 0, DATA);
    assertEquals(0, calls.fsync(file), "no error, and not 0x80000");
    assertEquals(3, fs.schedule().injectedCount(WRITEPAGE, WRITEPAGE_ACTIVATE));
    for (Page page : file.mapping().pagesSnapshot()) {
      assertTrue(page.isDirty(), "redirtied by the filesystem");
      assertFalse(page.isLocked());
    }
    assertEquals(0, calls.fsync(file), "the second pass writes them");
    assertTrue(file.mapping().pagesSnapshot().stream().noneMatch(Page::isDirty));
  }

  @Test
  void writebackRecordsAGenuineError() {
    FaultInjectingFilesystem fs =
        faultfs(FaultSchedule.builder(1).injectFirst(WRITEPAGE, ERROR, 1).build());
    OpenFile file = VmFixture.fileWith(fs, lru, new byte[0]);
    calls.write(file, 0, Arrays.copyOf(DATA, 100));
    assertEquals(-Errno.EIO, calls.fsync(file));
  }
}
