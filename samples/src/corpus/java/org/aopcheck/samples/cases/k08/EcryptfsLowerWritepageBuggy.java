package org.aopcheck.samples.cases.k08;

import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.Releases;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K08, buggy. Kernel: {@code fs/ecryptfs/mmap.c ecryptfs_writepage_and_release_lower_page}, Linux
 * 2.6.23 (2.6.24 stopped calling the lower writepage).
 *
 * <p>What went wrong: any non-zero result of the lower (tmpfs) writepage was an error: on {@code
 * AOP_WRITEPAGE_ACTIVATE} the lower page was left locked, its reference was never released though
 * the function's name promises it, and the code was returned upward as a failure.
 */
public final class EcryptfsLowerWritepageBuggy {
  private EcryptfsLowerWritepageBuggy() {}

  /** Writes the lower page (locked, with a reference) and releases it. */
  @Releases
  public static int writepageAndReleaseLower(
      @PageParameter Page lowerPage, Inode lowerInode, WritebackControl writebackControl) {
    int rc = lowerInode.mapping().operations().writepage(lowerPage, writebackControl);
    if (rc != 0) {
      System.err.println("Error calling lower writepage()");
      // expect: AopPageLeftLocked, AopWritepageActivateUnhandled
      return rc;
    }
    // lower_inode->i_mtime = lower_inode->i_ctime = CURRENT_TIME: the model has no timestamps.
    lowerPage.release();
    return 0;
  }
}
