package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k04.WriteCachePagesFixed;
import org.aopcheck.samples.cases.k07.ShmemBuggy;
import org.aopcheck.samples.cases.k07.ShmemFixed;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.WritebackControl;

/** K07: ordinary writeback (not reclaim) of a tmpfs page with no swap left. */
final class K07CrossCheck extends FormPairCrossCheck {
  K07CrossCheck() {
    super(
        "K07",
        RunTimeFailure.ACTIVATE_OUTSIDE_RECLAIM,
        "data-integrity writeback of a tmpfs page, swap full: writepage must not return"
            + " AOP_WRITEPAGE_ACTIVATE to a caller that is not reclaim");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          Inode inode =
              new Inode(
                  new EnforcingOperations(
                      buggy ? new ShmemBuggy(0, false) : new ShmemFixed(0, false)));
          Scenarios.dirtyPage(inode.mapping(), 0, (byte) 3);
          WritebackControl writebackControl = new WritebackControl();
          writebackControl.syncMode = WritebackControl.SyncMode.ALL;
          WriteCachePagesFixed.writeCachePages(inode.mapping(), writebackControl);
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
