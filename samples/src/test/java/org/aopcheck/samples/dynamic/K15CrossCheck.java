package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k15.AllocationSemaphore;
import org.aopcheck.samples.cases.k15.Ocfs2ReadpageBuggy;
import org.aopcheck.samples.cases.k15.Ocfs2ReadpageFixed;
import org.aopcheck.samples.cases.k17.ReadCachePageFixed;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/** K15: an OCFS2 read while a writer holds ip_alloc_sem, on a non-preemptive CPU. */
final class K15CrossCheck extends FormPairCrossCheck {
  K15CrossCheck() {
    super(
        "K15",
        RunTimeFailure.LIVELOCK,
        "read page 0 of an OCFS2 file while a writer holds ip_alloc_sem: the read must make"
            + " progress (at most "
            + EnforcingOperations.RETRY_BOUND
            + " retries)");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          AllocationSemaphore allocSem = new AllocationSemaphore();
          allocSem.holdForWriter(() -> {});
          Inode inode =
              new Inode(
                  new EnforcingOperations(
                      buggy ? new Ocfs2ReadpageBuggy(allocSem) : new Ocfs2ReadpageFixed(allocSem)));
          Page page = ReadCachePageFixed.readCachePage(inode.mapping(), 0, new OpenFile(inode));
          page.release();
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
