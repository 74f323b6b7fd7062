package org.aopcheck.samples.cases.k08;

import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.Releases;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K08, fixed. Kernel: {@code fs/ecryptfs/mmap.c ecryptfs_writepage_and_release_lower_page} as it
 * should have been in 2.6.23 (2.6.24 removed the call to the lower writepage instead).
 *
 * <p>The fix: {@code AOP_WRITEPAGE_ACTIVATE} means "not written, still locked", not an error: the
 * lower page is unlocked and the result becomes 0; the reference is released on every path.
 */
public final class EcryptfsLowerWritepageFixed {
  private EcryptfsLowerWritepageFixed() {}

  /** Writes the lower page (locked, with a reference) and releases it. */
  @Releases
  public static int writepageAndReleaseLower(
      @PageParameter Page lowerPage, Inode lowerInode, WritebackControl writebackControl) {
    int rc = lowerInode.mapping().operations().writepage(lowerPage, writebackControl);
    if (rc == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      lowerPage.unlock();
      rc = 0;
    }
    lowerPage.release();
    // if rc == 0: lower_inode->i_mtime = lower_inode->i_ctime = CURRENT_TIME (no timestamps here).
    return rc;
  }
}
