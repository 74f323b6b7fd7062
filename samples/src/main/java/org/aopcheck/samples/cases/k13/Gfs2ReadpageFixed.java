package org.aopcheck.samples.cases.k13;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K13 fixed, and K14 fixed. Kernel: {@code fs/gfs2/ops_address.c gfs2_readpage} after commit
 * 7afd88d9 "[GFS2] Fix a page lock / glock deadlock", without the relock on error that K14 is
 * about.
 *
 * <p>The fix: never wait for the glock with the page lock held. The page is unlocked, the glock
 * taken (blocking), the page relocked and checked: if it was truncated or read meanwhile the result
 * is {@code AOP_TRUNCATED_PAGE} and the caller looks it up again.
 */
public final class Gfs2ReadpageFixed extends MemoryFilesystem {
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
    if (err != 0) {
      return err;
    }
    err = AopCodes.AOP_TRUNCATED_PAGE;
    page.lock();
    if (page.mapping() == mapping && !page.isUptodate()) {
      err = super.readpage(file, page);
    } else {
      page.unlock();
    }
    glock.release();
    return err;
  }
}
