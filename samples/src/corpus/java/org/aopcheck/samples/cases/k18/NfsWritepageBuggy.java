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
 * K18, buggy. Kernel: {@code fs/nfs/write.c nfs_writepage_locked}, Linux 5.18-6.7 (since commit
 * 6df25e58 "nfs: remove reliance on bdi congestion"), before the 2024 patch "NFS: Fix data
 * corruption caused by congestion."
 *
 * <p>What went wrong: when the server was congested, background writeback got {@code
 * AOP_WRITEPAGE_ACTIVATE} for a page the caller had already cleaned, and the page was not
 * redirtied, so its data was never written: lost writes.
 */
public final class NfsWritepageBuggy extends MemoryFilesystem {
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
      // expect: AopWritepageActivateNotRedirtied
      return AopCodes.AOP_WRITEPAGE_ACTIVATE;
    }
    store(page);
    return 0;
  }
}
