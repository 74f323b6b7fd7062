package org.aopcheck.samples.cases.k14;

import org.aopcheck.samples.cases.k13.Glock;
import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K14, buggy. Kernel: {@code fs/gfs2/ops_address.c gfs2_readpage} as changed by commit 7afd88d9
 * "[GFS2] Fix a page lock / glock deadlock" (2007): the K13 fix, with its last lines.
 *
 * <p>What went wrong: on an error other than {@code AOP_TRUNCATED_PAGE} the page was locked again
 * before returning, but a readpage error means the page is unlocked; the caller never unlocks it.
 * The fixed form is {@link org.aopcheck.samples.cases.k13.Gfs2ReadpageFixed}.
 */
public final class Gfs2ReadpageRelockBuggy extends MemoryFilesystem {
  private Glock glock;

  /** Sets the inode's glock (made after the inode, as it needs its mapping). */
  public void setGlock(Glock glock) {
    this.glock = glock;
  }

  @Override
  public int readpage(OpenFile file, Page page) {
    AddressSpace mapping = page.mapping();
    page.unlock();
    int err = glock.acquireShared();
    if (err == 0) {
      err = AopCodes.AOP_TRUNCATED_PAGE;
      page.lock();
      if (page.mapping() == mapping && !page.isUptodate()) {
        err = super.readpage(file, page);
      } else {
        page.unlock();
      }
      glock.release();
    }
    if (err != 0 && err != AopCodes.AOP_TRUNCATED_PAGE) {
      page.lock();
    }
    // expect: AopImplementationLockState
    return err;
  }
}
