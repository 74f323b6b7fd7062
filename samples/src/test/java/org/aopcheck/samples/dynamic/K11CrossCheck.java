package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k11.PagecacheWriteBeginBuggy;
import org.aopcheck.samples.cases.k11.PagecacheWriteBeginFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/** K11: pagecache_write_begin over a prepare_write that returns AOP_TRUNCATED_PAGE once. */
final class K11CrossCheck extends FormPairCrossCheck {
  K11CrossCheck() {
    super(
        "K11",
        RunTimeFailure.DOUBLE_UNLOCK,
        "pagecache_write_begin at 0, prepare_write returns AOP_TRUNCATED_PAGE once: it must"
            + " retry and hand back the page locked");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem()
                  .script(Operation.PREPARE_WRITE, 0, AopCodes.AOP_TRUNCATED_PAGE);
          Inode inode = new Inode(filesystem);
          OpenFile file = new OpenFile(inode);
          Page[] pageOut = new Page[1];
          int ret =
              buggy
                  ? PagecacheWriteBeginBuggy.pagecacheWriteBegin(
                      file, inode.mapping(), 0, 100, false, pageOut)
                  : PagecacheWriteBeginFixed.pagecacheWriteBegin(
                      file, inode.mapping(), 0, 100, false, pageOut);
          if (ret != 0 || pageOut[0] == null || !pageOut[0].isLocked()) {
            result.fail(
                RunTimeFailure.BOGUS_ERROR_RETURNED, "write_begin returned " + ret + ", no page");
          } else {
            pageOut[0].unlock();
            pageOut[0].release();
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
