package org.aopcheck.samples.cases.k13;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K13, buggy. Kernel: {@code fs/gfs2/ops_address.c gfs2_readpage}, 2007, before commit 7afd88d9
 * "[GFS2] Fix a page lock / glock deadlock".
 *
 * <p>What went wrong: the glock was taken with a try-lock while the page lock was held, on the
 * theory that a try-lock cannot deadlock; but the request ran a queued demote, which locks the
 * inode's pages, the locked page among them: deadlock. A failed try became {@code
 * AOP_TRUNCATED_PAGE}.
 *
 * <p>Not statically decidable: every return leaves the page in the state its outcome requires; the
 * fault is the lock order, which the dynamic cross-check shows.
 */
public final class Gfs2ReadpageBuggy extends MemoryFilesystem {
  private Glock glock;

  /** Sets the inode's glock (made after the inode, as it needs its mapping). */
  public void setGlock(Glock glock) {
    this.glock = glock;
  }

  @Override
  public int readpage(OpenFile file, Page page) {
    int err = glock.tryAcquireShared();
    if (err != 0) {
      page.unlock();
      if (err == Glock.GLR_TRYFAILED) {
        err = AopCodes.AOP_TRUNCATED_PAGE;
        Thread.yield();
      }
      return err;
    }
    err = super.readpage(file, page);
    glock.release();
    return err;
  }
}
