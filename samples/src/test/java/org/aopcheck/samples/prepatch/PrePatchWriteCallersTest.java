package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertFailsWith;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertMentionsPage;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertPasses;
import static org.aopcheck.vm.ProtocolViolation.Rule.UNLOCK_OF_UNLOCKED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Injected.TRUNCATED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.COMMIT_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.PREPARE_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.drivers.LoopDevice;
import org.aopcheck.vm.fs.FaultInjectingFilesystem;
import org.aopcheck.vm.fs.FaultSchedule;
import org.aopcheck.vm.mm.PageCacheCallers;
import org.aopcheck.vm.mm.SystemCalls;
import org.aopcheck.vm.testing.VmFixture;
import org.junit.jupiter.api.Test;

/**
 * The pre-patch prepare_write / commit_write callers under a filesystem that returns
 * AOP_TRUNCATED_PAGE: each unlocks the page a second time, where the post-patch form retries and
 * writes the data.
 */
class PrePatchWriteCallersTest {
  private static final byte[] DATA = VmFixture.pattern(2 * Page.SIZE + 10, 31);
  private static final PageCacheCallers POST = PageCacheCallers.postPatch();

  private static OpenFile emptyFile(FaultSchedule.Operation operation) {
    return VmFixture.fileWith(
        new FaultInjectingFilesystem(
            FaultSchedule.builder(5).injectFirst(operation, TRUNCATED_PAGE, 1).build()),
        new Lru(),
        new byte[0]);
  }

  private static void postPatchWrites(FaultSchedule.Operation operation, boolean loop) {
    OpenFile file = emptyFile(operation);
    SystemCalls post = new SystemCalls(POST);
    assertPasses(
        () -> {
          if (loop) {
            assertEquals(0, post.loopWrite(new LoopDevice(file), 0, DATA));
          } else {
            assertEquals(DATA.length, post.write(file, 0, DATA));
          }
        });
    assertArrayEquals(DATA, VmFixture.readAll(post, file));
  }

  @Test
  void bufferedWriteUnlocksTwiceAfterPrepareWrite() {
    SystemCalls pre =
        new SystemCalls(POST.withBufferedWrite(GenericFileBufferedWrite::genericFileBufferedWrite));
    OpenFile file = emptyFile(PREPARE_WRITE);
    assertMentionsPage(assertFailsWith(UNLOCK_OF_UNLOCKED_PAGE, () -> pre.write(file, 0, DATA)));
    postPatchWrites(PREPARE_WRITE, false);
  }

  @Test
  void bufferedWriteUnlocksTwiceAfterCommitWrite() {
    SystemCalls pre =
        new SystemCalls(POST.withBufferedWrite(GenericFileBufferedWrite::genericFileBufferedWrite));
    OpenFile file = emptyFile(COMMIT_WRITE);
    assertFailsWith(UNLOCK_OF_UNLOCKED_PAGE, () -> pre.write(file, 0, DATA));
    postPatchWrites(COMMIT_WRITE, false);
  }

  @Test
  void loopUnlocksTwiceAfterPrepareWrite() {
    SystemCalls pre = new SystemCalls(POST.withLoopSend(DoLoSendAops::doLoSendAops));
    OpenFile file = emptyFile(PREPARE_WRITE);
    assertFailsWith(UNLOCK_OF_UNLOCKED_PAGE, () -> pre.loopWrite(new LoopDevice(file), 0, DATA));
    postPatchWrites(PREPARE_WRITE, true);
  }

  @Test
  void loopUnlocksTwiceAfterCommitWrite() {
    SystemCalls pre = new SystemCalls(POST.withLoopSend(DoLoSendAops::doLoSendAops));
    OpenFile file = emptyFile(COMMIT_WRITE);
    assertFailsWith(UNLOCK_OF_UNLOCKED_PAGE, () -> pre.loopWrite(new LoopDevice(file), 0, DATA));
    postPatchWrites(COMMIT_WRITE, true);
  }
}
