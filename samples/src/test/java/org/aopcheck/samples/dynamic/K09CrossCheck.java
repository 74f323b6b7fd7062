package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k04.WriteCachePagesFixed;
import org.aopcheck.samples.cases.k09.EcryptfsWritepageBuggy;
import org.aopcheck.samples.cases.k09.EcryptfsWritepageFixed;
import org.aopcheck.samples.cases.k09.PageEncryption;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.WritebackControl;

/** K09: writeback of an eCryptfs page whose encryption fails. */
final class K09CrossCheck extends FormPairCrossCheck {
  K09CrossCheck() {
    super(
        "K09",
        RunTimeFailure.WRONG_LOCK_STATE,
        "writeback of an eCryptfs page, encryption fails with -ENOMEM: the page must not stay"
            + " locked");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          PageEncryption failing = page -> -Errno.ENOMEM;
          Inode inode =
              new Inode(
                  new EnforcingOperations(
                      buggy
                          ? new EcryptfsWritepageBuggy(failing)
                          : new EcryptfsWritepageFixed(failing)));
          Scenarios.dirtyPage(inode.mapping(), 0, (byte) 9);
          WritebackControl writebackControl = new WritebackControl();
          writebackControl.syncMode = WritebackControl.SyncMode.ALL;
          WriteCachePagesFixed.writeCachePages(inode.mapping(), writebackControl);
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
