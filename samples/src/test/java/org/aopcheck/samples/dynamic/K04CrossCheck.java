package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k04.WriteCachePagesBuggy;
import org.aopcheck.samples.cases.k04.WriteCachePagesFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.WritebackControl;

/** K04: msync-style writeback over a filesystem whose writepage returns ACTIVATE. */
final class K04CrossCheck extends FormPairCrossCheck {
  K04CrossCheck() {
    super(
        "K04",
        RunTimeFailure.BOGUS_ERROR_RETURNED,
        "data-integrity writeback of pages 0-2, writepage returns AOP_WRITEPAGE_ACTIVATE for"
            + " page 2: the result handed to msync must be 0");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem()
                  .script(Operation.WRITEPAGE, 2, AopCodes.AOP_WRITEPAGE_ACTIVATE);
          Inode inode = new Inode(filesystem);
          for (long index = 0; index < 3; index++) {
            Scenarios.dirtyPage(inode.mapping(), index, (byte) index);
          }
          WritebackControl writebackControl = new WritebackControl();
          writebackControl.syncMode = WritebackControl.SyncMode.ALL;
          int ret =
              buggy
                  ? WriteCachePagesBuggy.writeCachePages(inode.mapping(), writebackControl)
                  : WriteCachePagesFixed.writeCachePages(inode.mapping(), writebackControl);
          if (ret != 0) {
            result.fail(RunTimeFailure.BOGUS_ERROR_RETURNED, "msync would return " + ret);
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
