package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.l2.ShmemWritebackBuggy;
import org.aopcheck.samples.cases.l2.ShmemWritebackFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;

/** L2: a driver's shmem writeback loop over a writepage that fails with -EIO. */
final class L2CrossCheck extends FormPairCrossCheck {
  L2CrossCheck() {
    super(
        "L2",
        RunTimeFailure.DOUBLE_UNLOCK,
        "shmem writeback of pages 0-1, writepage fails with -EIO for page 0: the page, already"
            + " unlocked by writepage, must not be unlocked again");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem().script(Operation.WRITEPAGE, 0, -Errno.EIO);
          Inode inode = new Inode(filesystem);
          Scenarios.dirtyPage(inode.mapping(), 0, (byte) 1);
          Scenarios.dirtyPage(inode.mapping(), 1, (byte) 2);
          if (buggy) {
            ShmemWritebackBuggy.shmemWriteback(inode.mapping(), 2);
          } else {
            ShmemWritebackFixed.shmemWriteback(inode.mapping(), 2);
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
