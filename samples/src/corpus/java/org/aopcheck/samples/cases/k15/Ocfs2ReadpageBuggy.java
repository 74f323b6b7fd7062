package org.aopcheck.samples.cases.k15;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.PageState.LOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K15, buggy. Kernel: {@code fs/ocfs2/aops.c ocfs2_readpage}, ~2010, before commit c7e25e6e "ocfs2:
 * Avoid livelock in ocfs2_readpage()".
 *
 * <p>What went wrong: when a writer held {@code ip_alloc_sem}, readpage returned {@code
 * AOP_TRUNCATED_PAGE} without waiting for anything; the caller looked the page up and called
 * readpage again at once, so enough readers busy-looped and, on a non-preemptive kernel, the writer
 * never ran to release the semaphore: livelock.
 *
 * <p>Not statically decidable: every return leaves the page in the state its outcome requires;
 * "wait before returning AOP_TRUNCATED_PAGE" is about progress, which the dynamic cross-check
 * shows.
 */
public final class Ocfs2ReadpageBuggy extends MemoryFilesystem {
  private final AllocationSemaphore allocSem;
  private boolean clusterLockBusy;

  /** OCFS2 whose inode's {@code ip_alloc_sem} is {@code allocSem}. */
  public Ocfs2ReadpageBuggy(AllocationSemaphore allocSem) {
    this.allocSem = allocSem;
  }

  /** Another node holds the inode's cluster lock until the next blocking request for it. */
  public void setClusterLockBusy(boolean busy) {
    clusterLockBusy = busy;
  }

  @Override
  public int readpage(OpenFile file, Page page) {
    boolean unlock = true;
    int ret = inodeLockWithPage(page);
    if (ret != 0) {
      if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
        unlock = false;
      }
    } else {
      if (!allocSem.tryRead()) {
        ret = AopCodes.AOP_TRUNCATED_PAGE;
      } else {
        ret = super.readpage(file, page);
        unlock = false;
        allocSem.readRelease();
      }
      inodeUnlock();
    }
    if (unlock) {
      page.unlock();
    }
    return ret;
  }

  /**
   * {@code ocfs2_inode_lock_with_page}: takes the cluster lock without blocking under the page
   * lock; if another node holds it, unlocks the page, waits for the cluster lock (lock, unlock) and
   * returns {@code AOP_TRUNCATED_PAGE}.
   */
  @PageOperation(value = "inode_lock_with_page", onSuccess = LOCKED, onError = LOCKED)
  @MayReturn(TRUNCATED_PAGE)
  private int inodeLockWithPage(@PageParameter Page page) {
    if (!clusterLockBusy) {
      return 0;
    }
    page.unlock();
    clusterLockBusy = false;
    return AopCodes.AOP_TRUNCATED_PAGE;
  }

  /** {@code ocfs2_inode_unlock}: the model's cluster lock is only busy or free. */
  private void inodeUnlock() {}
}
