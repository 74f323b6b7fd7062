package org.aopcheck.samples.prepatch;

import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertFailsWith;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertMentionsPage;
import static org.aopcheck.samples.prepatch.PrePatchAssertions.assertPasses;
import static org.aopcheck.samples.prepatch.PrePatchScenarios.POST;
import static org.aopcheck.vm.ProtocolViolation.Rule.UNLOCK_OF_UNLOCKED_PAGE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.COMMIT_WRITE;
import static org.aopcheck.vm.fs.FaultSchedule.Operation.PREPARE_WRITE;

import org.aopcheck.vm.mm.PageCacheCallers;
import org.junit.jupiter.api.Test;

/**
 * The pre-patch prepare_write / commit_write callers under a filesystem that returns
 * AOP_TRUNCATED_PAGE: each unlocks the page a second time, where the post-patch form retries and
 * writes the data ({@link PrePatchScenarios}).
 */
class PrePatchWriteCallersTest {
  private static final PageCacheCallers BUFFERED_WRITE =
      POST.withBufferedWrite(GenericFileBufferedWrite::genericFileBufferedWrite);
  private static final PageCacheCallers LOOP = POST.withLoopSend(DoLoSendAops::doLoSendAops);

  @Test
  void bufferedWriteUnlocksTwiceAfterPrepareWrite() {
    assertMentionsPage(
        assertFailsWith(
            UNLOCK_OF_UNLOCKED_PAGE, () -> PrePatchScenarios.write(BUFFERED_WRITE, PREPARE_WRITE)));
    assertPasses(() -> PrePatchScenarios.write(POST, PREPARE_WRITE));
  }

  @Test
  void bufferedWriteUnlocksTwiceAfterCommitWrite() {
    assertFailsWith(
        UNLOCK_OF_UNLOCKED_PAGE, () -> PrePatchScenarios.write(BUFFERED_WRITE, COMMIT_WRITE));
    assertPasses(() -> PrePatchScenarios.write(POST, COMMIT_WRITE));
  }

  @Test
  void loopUnlocksTwiceAfterPrepareWrite() {
    assertFailsWith(
        UNLOCK_OF_UNLOCKED_PAGE, () -> PrePatchScenarios.loopWrite(LOOP, PREPARE_WRITE));
    assertPasses(() -> PrePatchScenarios.loopWrite(POST, PREPARE_WRITE));
  }

  @Test
  void loopUnlocksTwiceAfterCommitWrite() {
    assertFailsWith(UNLOCK_OF_UNLOCKED_PAGE, () -> PrePatchScenarios.loopWrite(LOOP, COMMIT_WRITE));
    assertPasses(() -> PrePatchScenarios.loopWrite(POST, COMMIT_WRITE));
  }
}
