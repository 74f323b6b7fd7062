package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k05.WritepageCallbackBuggy;
import org.aopcheck.samples.cases.k05.WritepageCallbackFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/** K05: the writeback callback over a writepage that returns ACTIVATE, then an fsync. */
final class K05CrossCheck extends FormPairCrossCheck {
  K05CrossCheck() {
    super(
        "K05",
        RunTimeFailure.BOGUS_ERROR_RETURNED,
        "writepage returns AOP_WRITEPAGE_ACTIVATE through the writeback callback:"
            + " the next fsync must not report an error");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem()
                  .script(Operation.WRITEPAGE, 0, AopCodes.AOP_WRITEPAGE_ACTIVATE);
          Inode inode = new Inode(filesystem);
          Scenarios.dirtyPage(inode.mapping(), 0, (byte) 1);
          WritebackControl writebackControl = new WritebackControl();
          // write_cache_pages: lock, clean, call the callback, unlock after ACTIVATE.
          Page page = inode.mapping().findLock(0);
          page.clearDirtyForIo();
          int ret =
              buggy
                  ? WritepageCallbackBuggy.writepageCallback(
                      page, writebackControl, inode.mapping())
                  : WritepageCallbackFixed.writepageCallback(
                      page, writebackControl, inode.mapping());
          if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
            page.unlock();
          }
          page.release();
          int fsyncResult = inode.mapping().takeError();
          if (fsyncResult != 0) {
            result.fail(
                RunTimeFailure.BOGUS_ERROR_RETURNED,
                "fsync would return " + fsyncResult + " though nothing failed");
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
