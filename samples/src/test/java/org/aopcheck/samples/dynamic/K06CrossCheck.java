package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k04.WriteCachePagesFixed;
import org.aopcheck.samples.cases.k06.UnionfsBuggy;
import org.aopcheck.samples.cases.k06.UnionfsFixed;
import org.aopcheck.samples.cases.k07.ShmemBuggy;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.WritebackControl;

/** K06: msync of a unionfs file over a tmpfs of 2007 that has no swap left. */
final class K06CrossCheck extends FormPairCrossCheck {
  K06CrossCheck() {
    super(
        "K06",
        RunTimeFailure.PAGE_LEFT_LOCKED,
        "writeback of a unionfs page whose lower tmpfs writepage returns"
            + " AOP_WRITEPAGE_ACTIVATE: no lower page may stay locked or referenced");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          // The tmpfs of 2007 (K07 unfixed) returns ACTIVATE to any caller when swap is full.
          AddressSpace lower = new Inode(new ShmemBuggy(0, false)).mapping();
          Inode upper = new Inode(buggy ? new UnionfsBuggy(lower) : new UnionfsFixed(lower));
          Scenarios.dirtyPage(upper.mapping(), 0, (byte) 7);
          WritebackControl writebackControl = new WritebackControl();
          writebackControl.syncMode = WritebackControl.SyncMode.ALL;
          WriteCachePagesFixed.writeCachePages(upper.mapping(), writebackControl);
          Scenarios.checkQuiescent(upper.mapping(), result);
          Scenarios.checkQuiescent(lower, result);
        });
  }
}
