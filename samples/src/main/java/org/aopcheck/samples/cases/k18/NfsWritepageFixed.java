package org.aopcheck.samples.cases.k18;

import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
import static org.aopcheck.annotations.PageState.LOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K18, fixed. Kernel: {@code fs/nfs/write.c nfs_writepage_locked} after the 2024 patch "NFS: Fix
 * data corruption caused by congestion."
 *
 * <p>The fix: the page is redirtied for writeback ({@code redirty_page_for_writepage}) before
 * {@code AOP_WRITEPAGE_ACTIVATE} is returned, so a later pass writes it.
 */
public final class NfsWritepageFixed extends MemoryFilesystem {
  private boolean writeCongested;

  /** {@code NFS_SERVER(inode)->write_congested}: the client has too many writes in flight. */
  public void setWriteCongested(boolean congested) {
    writeCongested = congested;
  }

  /** {@code nfs_writepage}: the page is unlocked unless it is returned for activation. */
  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    int ret = writepageLocked(page, writebackControl);
    if (ret != AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
    }
    return ret;
  }

  /**
   * {@code nfs_writepage_locked}: sends the page to the server; the page stays locked whatever the
   * outcome, and the caller unlocks it.
   */
  @PageOperation(value = "nfs_writepage_locked", onSuccess = LOCKED, onError = LOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  private int writepageLocked(@PageParameter Page page, WritebackControl writebackControl) {
    if (writebackControl.syncMode == WritebackControl.SyncMode.NONE && writeCongested) {
      page.redirty(writebackControl);
      return AopCodes.AOP_WRITEPAGE_ACTIVATE;
    }
    store(page);
    return 0;
  }
}
