package org.aopcheck.vm.mm;

import static org.aopcheck.vm.fs.FaultSchedule.Injected.WRITEPAGE_ACTIVATE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.WRITEPAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.drivers.Ramdisk;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.fs.MemoryFilesystem;
import org.aopcheck.vm.testing.VmFixture;
import org.junit.jupiter.api.Test;

/**
 * Page reclaim: pageout and shrink_list's handling of its results, over the writepage
 * implementations that return AOP_WRITEPAGE_ACTIVATE (ramdisk_writepage, shmem_writepage, an
 * injected one) and one that never does.
 */
class ReclaimTest {
  private static final byte[] DATA = VmFixture.pattern(4 * Page.SIZE, 3);
  private final Lru lru = new Lru();
  private final SystemCalls calls = SystemCalls.postPatch();

  @Test
  void dirtyPagesOfAPlainFilesystemAreWrittenAndFreed() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, new byte[0]);
    calls.write(file, 0, DATA);
    int freed = calls.reclaim(lru, 100);
    assertEquals(4, freed);
    assertEquals(0, file.mapping().nrPages());
    assertEquals(0, lru.size());
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  @Test
  void ramdiskPagesAreActivatedAndKept() {
    OpenFile disk = new OpenFile(new Ramdisk(4 * Page.SIZE).createFile(lru));
    calls.write(disk, 0, DATA);
    assertEquals(0, calls.reclaim(lru, 100));
    for (Page page : disk.mapping().pagesSnapshot()) {
      assertTrue(page.isActive(), "AOP_WRITEPAGE_ACTIVATE: moved to the active list");
      assertTrue(page.isDirty());
      assertFalse(page.isLocked(), "shrink_list unlocked it after activating it");
      assertEquals(1, page.referenceCount());
    }
    assertArrayEquals(DATA, VmFixture.readAll(calls, disk));
  }

  @Test
  void tmpfsPagesGoToSwapAndComeBack() {
    Shmem tmpfs = new Shmem(16);
    OpenFile file = new OpenFile(tmpfs.createFile(lru));
    calls.write(file, 0, DATA);
    assertEquals(4, calls.reclaim(lru, 100));
    assertEquals(4, tmpfs.swap().swapOuts());
    assertEquals(0, file.mapping().nrPages());
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  @Test
  void tmpfsWithFullSwapActivatesThePages() {
    Shmem tmpfs = new Shmem(2);
    OpenFile file = new OpenFile(tmpfs.createFile(lru));
    calls.write(file, 0, DATA);
    assertEquals(2, calls.reclaim(lru, 100), "two pages fit in swap");
    assertEquals(2, file.mapping().nrPages());
    for (Page page : file.mapping().pagesSnapshot()) {
      assertTrue(page.isActive());
      assertTrue(page.isDirty());
      assertFalse(page.isLocked());
    }
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  @Test
  void lockedTmpfsPagesAreNeverSwapped() {
    Shmem tmpfs = new Shmem(16, true);
    OpenFile file = new OpenFile(tmpfs.createFile(lru));
    calls.write(file, 0, DATA);
    assertEquals(0, calls.reclaim(lru, 100));
    assertEquals(0, tmpfs.swap().swapOuts());
  }

  @Test
  void injectedActivateKeepsThePageAndItsData() {
    FaultInjectingFilesystem fs =
        new FaultInjectingFilesystem(
            FaultSchedule.builder(1).injectFirst(WRITEPAGE, WRITEPAGE_ACTIVATE, 1).build());
    OpenFile file = VmFixture.fileWith(fs, lru, new byte[0]);
    calls.write(file, 0, DATA);
    assertEquals(0, calls.reclaim(lru, 100), "first pass: every writepage said ACTIVATE");
    assertEquals(4, calls.reclaim(lru, 100), "second pass: written and freed");
    assertArrayEquals(DATA, VmFixture.readAll(calls, file));
  }

  @Test
  void pagesInUseAreKept() {
    OpenFile file = VmFixture.fileWith(new MemoryFilesystem(), lru, new byte[0]);
    calls.write(file, 0, DATA);
    Page held = file.mapping().findGet(0);
    assertEquals(3, calls.reclaim(lru, 100));
    assertTrue(held.mapping() != null, "a page someone holds is not freed");
    held.release();
  }
}
