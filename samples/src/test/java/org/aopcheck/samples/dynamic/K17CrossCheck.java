package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k17.ReadCachePageBuggy;
import org.aopcheck.samples.cases.k17.ReadCachePageFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.samples.model.ErrorPointer;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/** K17: read_cache_page over a readpage that returns AOP_TRUNCATED_PAGE once. */
final class K17CrossCheck extends FormPairCrossCheck {
  K17CrossCheck() {
    super(
        "K17",
        RunTimeFailure.BOGUS_ERROR_RETURNED,
        "read_cache_page of page 0, readpage returns AOP_TRUNCATED_PAGE once: the caller must"
            + " get the uptodate page, not -EIO");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem().script(Operation.READPAGE, 0, AopCodes.AOP_TRUNCATED_PAGE);
          Inode inode = new Inode(filesystem);
          OpenFile file = new OpenFile(inode);
          try {
            Page page =
                buggy
                    ? ReadCachePageBuggy.readCachePage(inode.mapping(), 0, file)
                    : ReadCachePageFixed.readCachePage(inode.mapping(), 0, file);
            if (!page.isUptodate()) {
              result.fail(RunTimeFailure.BOGUS_ERROR_RETURNED, "returned a page not uptodate");
            }
            page.release();
          } catch (ErrorPointer error) {
            result.fail(
                RunTimeFailure.BOGUS_ERROR_RETURNED,
                "read_cache_page returned ERR_PTR(" + error.error() + ") though nothing failed");
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
