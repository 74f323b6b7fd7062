package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k07.ShmemFixed;
import org.aopcheck.samples.cases.k08.EcryptfsLowerWritepageBuggy;
import org.aopcheck.samples.cases.k08.EcryptfsLowerWritepageFixed;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/** K08: eCryptfs 2.6.23 writing its lower tmpfs page during reclaim, swap full. */
final class K08CrossCheck extends FormPairCrossCheck {
  K08CrossCheck() {
    super(
        "K08",
        RunTimeFailure.PAGE_LEFT_LOCKED,
        "reclaim writes an eCryptfs page; the lower tmpfs writepage returns"
            + " AOP_WRITEPAGE_ACTIVATE: the lower page must end unlocked and released");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          Inode lowerInode = new Inode(new ShmemFixed(0, false));
          Scenarios.dirtyPage(lowerInode.mapping(), 0, (byte) 5);
          WritebackControl writebackControl = new WritebackControl();
          writebackControl.forReclaim = true;
          Page lowerPage = lowerInode.mapping().findOrCreateLocked(0);
          lowerPage.clearDirtyForIo();
          int rc =
              buggy
                  ? EcryptfsLowerWritepageBuggy.writepageAndReleaseLower(
                      lowerPage, lowerInode, writebackControl)
                  : EcryptfsLowerWritepageFixed.writepageAndReleaseLower(
                      lowerPage, lowerInode, writebackControl);
          if (rc != 0) {
            result.fail(
                RunTimeFailure.BOGUS_ERROR_RETURNED, "ecryptfs_writepage would return " + rc);
          }
          Scenarios.checkQuiescent(lowerInode.mapping(), result);
        });
  }
}
