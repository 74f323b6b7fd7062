package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertFailsWith;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertPasses;
import static org.aopcheck.vm.ProtocolViolation.Rule.AOP_CODE_ESCAPED;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.WRITEPAGE_ACTIVATE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.WRITEPAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.drivers.Ramdisk;
import org.aopcheck.vm.enforce.VmOperation;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.aopcheck.vm.mm.Shmem;
import org.aopcheck.vm.mm.SystemCalls;
import org.aopcheck.vm.testing.VmFixture;
import org.junit.jupiter.api.Test;

/**
 * The writepage paths: mpage_writepages before the patch mishandles AOP_WRITEPAGE_ACTIVATE
 * (KERNEL-CASES K04 and K05); ramdisk_writepage, shmem_writepage and pageout changed only the
 * constant's name and behave exactly as their post-patch forms.
 */
class PrePatchWritepageTest {
  private static final byte[] DATA = VmFixture.pattern(3 * Page.SIZE, 41);
  private static final PageCacheCallers POST = PageCacheCallers.postPatch();

  /** A dirty file whose writepage returns AOP_WRITEPAGE_ACTIVATE once per page, to any caller. */
  private static OpenFile dirtyFileActivatingOnce() {
    OpenFile file =
        VmFixture.fileWith(
            new FaultInjectingFilesystem(
                FaultSchedule.builder(9)
                    .injectFirst(WRITEPAGE, WRITEPAGE_ACTIVATE, 1)
                    .activateOutsideReclaim()
                    .build()),
            new Lru(),
            new byte[0]);
    new SystemCalls(POST).write(file, 0, DATA);
    return file;
  }

  private static WritebackControl wholeFile() {
    WritebackControl wbc = new WritebackControl();
    wbc.syncMode = WritebackControl.SyncMode.ALL;
    return wbc;
  }

  @Test
  void mpageWritepagesReturnsTheCodeToMsync() {
    SystemCalls pre = new SystemCalls(POST.withWritepages(MpageWritepages::mpageWritepages));
    OpenFile file = dirtyFileActivatingOnce();
    assertFailsWith(AOP_CODE_ESCAPED, () -> pre.fsync(file));

    OpenFile same = dirtyFileActivatingOnce();
    assertPasses(() -> assertEquals(0, new SystemCalls(POST).fsync(same)));
  }

  @Test
  void mpageWritepagesRecordsTheCodeAsAnErrorAndStopsEarly() {
    OpenFile file = dirtyFileActivatingOnce();
    AddressSpace mapping = file.mapping();
    int ret = VmOperation.run("msync", () -> MpageWritepages.mpageWritepages(mapping, wholeFile()));
    assertEquals(AopCodes.AOP_WRITEPAGE_ACTIVATE, ret, "K04");
    assertEquals(-Errno.EIO, mapping.takeError(), "K05: a spurious -EIO for the next fsync");
    long stillDirty = mapping.pagesSnapshot().stream().filter(Page::isDirty).count();
    assertEquals(3, stillDirty, "the loop stopped after the first page");

    OpenFile same = dirtyFileActivatingOnce();
    int postRet =
        VmOperation.run(
            "msync", () -> POST.writepages().mpageWritepages(same.mapping(), wholeFile()));
    assertEquals(0, postRet);
    assertEquals(0, same.mapping().takeError());
  }

  @Test
  void pageoutBehavesLikeThePostPatchForm() {
    for (PageCacheCallers callers :
        new PageCacheCallers[] {POST.withPageout(Pageout::pageout), POST}) {
      Lru lru = new Lru();
      OpenFile disk = new OpenFile(new Ramdisk(3 * Page.SIZE).createFile(lru));
      SystemCalls calls = new SystemCalls(callers);
      calls.write(disk, 0, DATA);
      assertPasses(() -> assertEquals(0, calls.reclaim(lru, 100)));
      assertActivatedAndKept(disk);
      assertArrayEquals(DATA, VmFixture.readAll(calls, disk));
    }
  }

  @Test
  void ramdiskWritepageBehavesLikeThePostPatchForm() {
    Lru lru = new Lru();
    OpenFile disk = new OpenFile(new Ramdisk(3 * Page.SIZE).createFile(lru, RamdiskWritepage::new));
    SystemCalls calls = new SystemCalls(POST);
    calls.write(disk, 0, DATA);
    assertPasses(() -> assertEquals(0, calls.reclaim(lru, 100)));
    assertActivatedAndKept(disk);
    assertArrayEquals(DATA, VmFixture.readAll(calls, disk));
  }

  @Test
  void shmemWritepageBehavesLikeThePostPatchForm() {
    Lru lru = new Lru();
    Shmem tmpfs = new Shmem(1);
    OpenFile file = new OpenFile(tmpfs.createFile(lru, ShmemWritepage::new));
    SystemCalls calls = new SystemCalls(POST);
    calls.write(file, 0, DATA);
    assertPasses(() -> assertEquals(1, calls.reclaim(lru, 100)));
    assertEquals(2, file.mapping().nrPages(), "swap full: two pages activated and kept");
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  private static void assertActivatedAndKept(OpenFile disk) {
    for (Page page : disk.mapping().pagesSnapshot()) {
      assertTrue(page.isActive());
      assertTrue(page.isDirty());
      assertFalse(page.isLocked());
    }
  }
}
