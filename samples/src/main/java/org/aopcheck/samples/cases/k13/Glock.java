package org.aopcheck.samples.cases.k13;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Page;

/**
 * A GFS2 glock of 2007 ({@code fs/gfs2/glock.c}), reduced to what the readpage deadlock needs: a
 * shared holder count and one queued demote request from another node.
 *
 * <p>Before granting a request, {@code run_queue} performs a queued demote. Demoting an inode glock
 * syncs and invalidates the inode's page cache ({@code inode_go_sync}, {@code inode_go_inval}),
 * which takes the lock of every cached page: under a page lock that is a deadlock. The page locks
 * are taken through {@link PageLocking}, so a test can detect the wait that would never end.
 */
public final class Glock {
  /** {@code GLR_TRYFAILED}: a try-lock request could not be granted at once. */
  public static final int GLR_TRYFAILED = 13;

  /** How the demote takes a page lock: {@code lock_page}. */
  @FunctionalInterface
  public interface PageLocking {
    /** Takes the page's lock, waiting for it if needed. */
    void lockPage(Page page);
  }

  private final AddressSpace mapping;
  private final PageLocking pageLocking;
  private boolean demoteQueued;
  private int sharedHolders;
  private int withdrawnError;

  /** The glock of the inode whose page cache is {@code mapping}. */
  public Glock(AddressSpace mapping, PageLocking pageLocking) {
    this.mapping = mapping;
    this.pageLocking = pageLocking;
  }

  /** Another node asks for the lock: the next request runs the demote first. */
  public void queueDemote() {
    demoteQueued = true;
  }

  /** The filesystem was withdrawn: every later request fails with {@code error} (negative). */
  public void withdraw(int error) {
    withdrawnError = error;
  }

  /** {@code gfs2_glock_nq} with {@code LM_FLAG_TRY_1CB}: 0, {@link #GLR_TRYFAILED} or an error. */
  public int tryAcquireShared() {
    if (withdrawnError != 0) {
      return withdrawnError;
    }
    if (demoteQueued) {
      runDemote();
      return GLR_TRYFAILED;
    }
    sharedHolders++;
    return 0;
  }

  /** {@code gfs2_glock_nq} without try flags: waits for the demote, then grants; 0 or an error. */
  public int acquireShared() {
    if (withdrawnError != 0) {
      return withdrawnError;
    }
    if (demoteQueued) {
      runDemote();
    }
    sharedHolders++;
    return 0;
  }

  /** {@code gfs2_glock_dq_uninit}. */
  public void release() {
    sharedHolders--;
  }

  /** Whether this node holds the glock in shared mode. */
  public boolean isHeld() {
    return sharedHolders > 0;
  }

  private void runDemote() {
    demoteQueued = false;
    for (Page page : mapping.pagesSnapshot()) {
      pageLocking.lockPage(page);
      page.unlock();
    }
  }
}
