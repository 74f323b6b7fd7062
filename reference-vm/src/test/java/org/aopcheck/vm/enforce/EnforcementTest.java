package org.aopcheck.vm.enforce;

import static org.aopcheck.vm.ProtocolViolation.Rule.GET_OF_FREED_PAGE;
import static org.aopcheck.vm.ProtocolViolation.Rule.IMPLEMENTATION_LOCK_STATE;
import static org.aopcheck.vm.ProtocolViolation.Rule.LOCK_ORDER_INVERSION;
import static org.aopcheck.vm.ProtocolViolation.Rule.OPERATION_ON_UNLOCKED_PAGE;
import static org.aopcheck.vm.ProtocolViolation.Rule.PAGE_LEFT_LOCKED;
import static org.aopcheck.vm.ProtocolViolation.Rule.PAGE_REFERENCE_LEAKED;
import static org.aopcheck.vm.ProtocolViolation.Rule.RECURSIVE_PAGE_LOCK;
import static org.aopcheck.vm.ProtocolViolation.Rule.RELEASE_BELOW_ZERO;
import static org.aopcheck.vm.ProtocolViolation.Rule.TRUNCATED_PAGE_LIVELOCK;
import static org.aopcheck.vm.ProtocolViolation.Rule.UNDECLARED_CODE;
import static org.aopcheck.vm.ProtocolViolation.Rule.UNLOCK_OF_UNLOCKED_PAGE;
import static org.aopcheck.vm.ProtocolViolation.Rule.WRITEPAGE_ACTIVATE_NOT_REDIRTIED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntBinaryOperator;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.ProtocolViolation.Rule;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.fs.ClusterFilesystem;
import org.aopcheck.vm.mm.SystemCalls;
import org.aopcheck.vm.testing.VmFixture;
import org.junit.jupiter.api.Test;

/** Each run-time rule fires, with the page in its message, and correct code passes. */
class EnforcementTest {
  private static final byte[] CONTENT = VmFixture.pattern(2 * Page.SIZE, 5);
  private final SystemCalls calls = SystemCalls.postPatch();

  /**
   * Runs {@code action} in a thread of its own (a violation leaves that thread's held locks and
   * references as they were, which must not leak into the next test) and asserts the rule.
   */
  private static void assertViolation(Rule rule, Runnable action) {
    ProtocolViolation violation = assertThrows(ProtocolViolation.class, () -> inOwnThread(action));
    assertEquals(rule, violation.rule(), violation.getMessage());
    assertTrue(violation.getMessage().startsWith(rule.name()), violation.getMessage());
  }

  private static void inOwnThread(Runnable action) throws Throwable {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                action.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    thread.start();
    thread.join();
    if (thrown.get() != null) {
      throw thrown.get();
    }
  }

  @Test
  void unlockOfAnUnlockedPage() {
    Page page = Page.alloc();
    assertViolation(UNLOCK_OF_UNLOCKED_PAGE, page::unlock);
    page.release();
  }

  @Test
  void unlockOfAPageRelockedByAnotherThreadIsADoubleUnlock() throws Throwable {
    Page page = Page.alloc();
    inOwnThread(page::lock);
    assertViolation(UNLOCK_OF_UNLOCKED_PAGE, page::unlock);
    page.release();
  }

  @Test
  void lockAndUnlockPass() {
    Page page = Page.alloc();
    page.lock();
    page.unlock();
    assertTrue(page.tryLock());
    page.unlock();
    page.release();
  }

  @Test
  void releaseBelowZeroAndGetOfAFreedPage() {
    Page page = Page.alloc();
    page.release();
    assertViolation(RELEASE_BELOW_ZERO, page::release);
    assertViolation(GET_OF_FREED_PAGE, page::get);
  }

  @Test
  void recursivePageLockIsReportedInsteadOfHanging() {
    assertViolation(
        RECURSIVE_PAGE_LOCK,
        () -> {
          Page page = Page.alloc();
          page.lock();
          page.lock();
        });
  }

  @Test
  void operationEndingWithAPageLockedOrReferenced() {
    Page page = Page.alloc();
    assertViolation(PAGE_LEFT_LOCKED, () -> VmOperation.run("test", (Runnable) Page.alloc()::lock));
    assertViolation(
        PAGE_REFERENCE_LEAKED, () -> VmOperation.run("test", (Runnable) Page.alloc()::get));
    VmOperation.run(
        "balanced",
        () -> {
          page.get();
          page.lock();
          page.unlock();
          page.release();
        });
    page.release();
  }

  /** A file whose readpage, prepare_write, commit_write and writepage all run {@code body}. */
  private static OpenFile fileWithOperations(
      IntBinaryOperator ignored, AddressSpaceOperations ops) {
    Inode inode = new Inode(ops);
    inode.setSize(Page.SIZE);
    return new OpenFile(inode);
  }

  private static AddressSpaceOperations readpageReturning(
      java.util.function.ToIntFunction<Page> readpage) {
    return new AddressSpaceOperations() {
      @Override
      public int readpage(OpenFile file, Page page) {
        return readpage.applyAsInt(page);
      }

      @Override
      public int prepareWrite(OpenFile file, Page page, int from, int to) {
        return 0;
      }

      @Override
      public int commitWrite(OpenFile file, Page page, int from, int to) {
        return 0;
      }

      @Override
      public int writepage(Page page, WritebackControl wbc) {
        if (wbc.forReclaim) {
          return AopCodes.AOP_WRITEPAGE_ACTIVATE; // without redirtying
        }
        page.unlock();
        return 0;
      }
    };
  }

  @Test
  void truncatedPageReturnedWithThePageStillLocked() {
    OpenFile file =
        fileWithOperations(null, readpageReturning(page -> AopCodes.AOP_TRUNCATED_PAGE));
    assertViolation(IMPLEMENTATION_LOCK_STATE, () -> calls.read(file, 0, new byte[10], 10));
  }

  @Test
  void readpageReturningAnUndeclaredCode() {
    OpenFile file =
        fileWithOperations(
            null,
            readpageReturning(
                page -> {
                  page.unlock();
                  return AopCodes.AOP_WRITEPAGE_ACTIVATE;
                }));
    assertViolation(UNDECLARED_CODE, () -> calls.read(file, 0, new byte[10], 10));
  }

  @Test
  void activateWithoutRedirty() {
    OpenFile file = fileWithOperations(null, readpageReturning(page -> 0));
    WritebackControl wbc = new WritebackControl();
    wbc.forReclaim = true;
    assertViolation(
        WRITEPAGE_ACTIVATE_NOT_REDIRTIED,
        () -> {
          Page page = file.mapping().findOrCreateLocked(0);
          page.clearDirtyForIo();
          file.mapping().operations().writepage(page, wbc);
        });
  }

  @Test
  void operationCalledOnAnUnlockedPage() {
    OpenFile file = fileWithOperations(null, readpageReturning(page -> 0));
    Page page = Page.alloc();
    assertViolation(
        OPERATION_ON_UNLOCKED_PAGE, () -> file.mapping().operations().readpage(file, page));
    page.release();
  }

  /** Holds {@code lock} in another thread until the returned latch is counted down. */
  private static CountDownLatch holdInAnotherThread(TrackedLock lock) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              lock.lock();
              held.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              lock.unlock();
            },
            "other node");
    holder.setDaemon(true);
    holder.start();
    held.await();
    return release;
  }

  @Test
  void waitingForTheClusterLockWithThePageLockedIsALockOrderInversion() throws Exception {
    ClusterFilesystem fs = new ClusterFilesystem(ClusterFilesystem.Variant.WAITS_WITH_PAGE_LOCKED);
    OpenFile file = VmFixture.fileWith(fs, new Lru(), CONTENT);
    calls.read(file, 0, new byte[10], 10);
    fs.invalidate(file.inode()); // records the other node's order: cluster lock, then page lock
    CountDownLatch release = holdInAnotherThread(fs.clusterLock(file.inode()));
    try {
      ProtocolViolation violation =
          assertThrows(
              ProtocolViolation.class,
              () -> inOwnThread(() -> calls.read(file, 0, new byte[10], 10)));
      assertEquals(LOCK_ORDER_INVERSION, violation.rule());
      assertTrue(violation.getMessage().contains("page lock"), violation.getMessage());
      assertTrue(violation.getMessage().contains("cluster lock"), violation.getMessage());
    } finally {
      release.countDown();
    }
  }

  @Test
  void returningTruncatedPageWithoutWaitingIsALivelock() throws Exception {
    ClusterFilesystem fs = new ClusterFilesystem(ClusterFilesystem.Variant.RETURNS_WITHOUT_WAITING);
    OpenFile file = VmFixture.fileWith(fs, new Lru(), CONTENT);
    CountDownLatch release = holdInAnotherThread(fs.clusterLock(file.inode()));
    try {
      assertViolation(TRUNCATED_PAGE_LIVELOCK, () -> calls.read(file, 0, new byte[10], 10));
    } finally {
      release.countDown();
    }
  }

  @Test
  void theCorrectClusterFilesystemWaitsAndTheReadSucceeds() throws Exception {
    ClusterFilesystem fs = new ClusterFilesystem();
    OpenFile file = VmFixture.fileWith(fs, new Lru(), CONTENT);
    CountDownLatch release = holdInAnotherThread(fs.clusterLock(file.inode()));
    AtomicReference<byte[]> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                result.set(VmFixture.readAll(calls, file));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    reader.start();
    while (reader.getState() != Thread.State.WAITING && reader.isAlive()) {
      Thread.onSpinWait(); // until the reader blocks on the cluster lock, its page unlocked
    }
    release.countDown();
    reader.join();
    assertEquals(null, failure.get());
    assertArrayEquals(CONTENT, result.get());
    assertTrue(fs.truncatedPageReturns() >= 1);
  }
}
