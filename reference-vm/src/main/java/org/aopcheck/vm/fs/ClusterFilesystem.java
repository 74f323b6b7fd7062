package org.aopcheck.vm.fs;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.PageState.LOCKED;
import static org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE;
import static org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;
import org.aopcheck.vm.enforce.LockClass;
import org.aopcheck.vm.enforce.TrackedLock;
import org.aopcheck.vm.mm.Truncate;

/**
 * A cluster filesystem modelling the lock inversion that made OCFS2 introduce AOP_TRUNCATED_PAGE
 * ({@code ocfs2_readpage}, {@code ocfs2_prepare_write}, {@code ocfs2_commit_write} in 2.6.15, with
 * {@code ocfs2_meta_lock_with_page}): each file has a cluster lock, and another node that wants it
 * ({@link #invalidate}) takes it first and then the page locks, to write back and drop the file's
 * pages. The VM calls the operations with the page locked, the opposite order, so they only try the
 * cluster lock; on contention they unlock the page, wait for the cluster lock, drop it again and
 * return AOP_TRUNCATED_PAGE, and the caller looks the page up again. writepage cannot return that
 * code: for reclaim it redirties the page and returns AOP_WRITEPAGE_ACTIVATE, otherwise it
 * redirties, unlocks and returns 0.
 *
 * <p>The {@link Variant}s other than {@link Variant#CORRECT} are the two ways such code went wrong
 * in real kernels, kept to show that the VM catches them.
 */
public final class ClusterFilesystem implements Filesystem {
  private static final AtomicInteger instances = new AtomicInteger();

  /** How the operations behave when the cluster lock is contended. */
  public enum Variant {
    /** Unlock the page, wait for the cluster lock, return AOP_TRUNCATED_PAGE. */
    CORRECT,
    /**
     * readpage waits for the cluster lock with the page still locked (the GFS2 deadlock fixed in
     * 2007, KERNEL-CASES K13): a lock-order inversion against {@link #invalidate}.
     */
    WAITS_WITH_PAGE_LOCKED,
    /**
     * readpage returns AOP_TRUNCATED_PAGE without waiting for the lock (the OCFS2 livelock fixed in
     * 2010, KERNEL-CASES K15): the caller retries while the other node holds the lock.
     */
    RETURNS_WITHOUT_WAITING
  }

  private final Variant variant;
  private final LockClass clusterLockClass;
  private final Map<Inode, TrackedLock> clusterLocks = new ConcurrentHashMap<>();
  private final AtomicLong truncatedPageReturns = new AtomicLong();
  private final AtomicLong activateReturns = new AtomicLong();

  public ClusterFilesystem() {
    this(Variant.CORRECT);
  }

  public ClusterFilesystem(Variant variant) {
    this.variant = variant;
    this.clusterLockClass =
        new LockClass("cluster lock of clusterfs#" + instances.incrementAndGet());
  }

  @Override
  public String name() {
    return variant == Variant.CORRECT ? "clusterfs" : "clusterfs (" + variant + ")";
  }

  @Override
  public Inode createFile(Lru lru) {
    BackingStore store = new BackingStore();
    Operations operations = new Operations(store);
    Inode inode = new Inode(operations, file -> store.truncate(file.size()), lru, true);
    TrackedLock lock = new TrackedLock(clusterLockClass, inode.toString());
    operations.clusterLock = lock;
    clusterLocks.put(inode, lock);
    return inode;
  }

  /** The cluster lock of {@code inode} (for tests that hold it to create contention). */
  public TrackedLock clusterLock(Inode inode) {
    return clusterLocks.get(inode);
  }

  /**
   * Another node takes the cluster lock of {@code inode}: this node writes back and drops the
   * file's pages (lock order: cluster lock, then page locks) and then lets the lock go.
   */
  @Override
  public void invalidate(Inode inode) {
    TrackedLock lock = clusterLock(inode);
    lock.lock();
    try {
      Truncate.invalidateInodePages(inode.mapping());
    } finally {
      lock.unlock();
    }
  }

  /** Another node holds the cluster lock of {@code inode} while {@code action} runs. */
  @Override
  public void whileContended(Inode inode, Runnable action) {
    TrackedLock lock = clusterLock(inode);
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  /** How many times an operation returned AOP_TRUNCATED_PAGE. */
  public long truncatedPageReturns() {
    return truncatedPageReturns.get();
  }

  /** How many times writepage returned AOP_WRITEPAGE_ACTIVATE. */
  public long activateReturns() {
    return activateReturns.get();
  }

  /** The address-space operations of one file. */
  final class Operations implements AddressSpaceOperations {
    private final BackingStore store;
    private TrackedLock clusterLock;

    Operations(BackingStore store) {
      this.store = store;
    }

    /**
     * {@code ocfs2_meta_lock_with_page}: tries the cluster lock with the page locked. On
     * contention, unlocks the page, waits for the lock holder to finish and returns
     * AOP_TRUNCATED_PAGE (or, in the buggy variants, does something else); 0 if the lock is held.
     * Its contract is declared like an operation's, so that the operations returning its result are
     * checked against theirs.
     */
    @PageOperation(value = "ocfs2_meta_lock_with_page", onSuccess = LOCKED, onError = LOCKED)
    @MayReturn(TRUNCATED_PAGE)
    // As ocfs2: on 0 the caller releases the lock; taking and dropping it at once waits for the
    // holder.
    @SuppressWarnings("LockNotBeforeTry")
    private int clusterLockWithPage(@PageParameter Page page, boolean readpage) {
      if (clusterLock.tryLock()) {
        return 0;
      }
      if (readpage && variant == Variant.WAITS_WITH_PAGE_LOCKED) {
        clusterLock.lock(); // waits with the page locked: inverts the other node's order
        return 0;
      }
      page.unlock();
      if (!(readpage && variant == Variant.RETURNS_WITHOUT_WAITING)) {
        clusterLock.lock(); // wait until the other node is done, so that the retry can progress
        clusterLock.unlock();
      }
      truncatedPageReturns.incrementAndGet();
      return AOP_TRUNCATED_PAGE;
    }

    @Override
    public int readpage(OpenFile file, Page page) {
      int ret = clusterLockWithPage(page, true);
      if (ret != 0) {
        // As ocfs2_readpage: the page is already unlocked after AOP_TRUNCATED_PAGE, not after
        // an error.
        if (ret != AOP_TRUNCATED_PAGE) {
          page.unlock();
        }
        return ret;
      }
      store.readPage(page.index(), page.data());
      page.setUptodate();
      clusterLock.unlock();
      page.unlock();
      return 0;
    }

    @Override
    public int prepareWrite(OpenFile file, Page page, int from, int to) {
      int ret = clusterLockWithPage(page, false);
      if (ret != 0) {
        return ret;
      }
      if (!page.isUptodate()) {
        store.readPage(page.index(), page.data());
        page.setUptodate();
      }
      clusterLock.unlock();
      return 0;
    }

    @Override
    public int commitWrite(OpenFile file, Page page, int from, int to) {
      int ret = clusterLockWithPage(page, false);
      if (ret != 0) {
        return ret;
      }
      page.setDirty();
      file.inode().extendSize((page.index() << Page.SHIFT) + to);
      clusterLock.unlock();
      return 0;
    }

    @Override
    public int writepage(Page page, WritebackControl writebackControl) {
      if (!clusterLock.tryLock()) {
        // Writeback did not start: keep the data dirty for a later pass.
        page.redirty(writebackControl);
        if (writebackControl.forReclaim) {
          activateReturns.incrementAndGet();
          return AOP_WRITEPAGE_ACTIVATE;
        }
        page.unlock();
        return 0;
      }
      long size = page.mapping().host().size();
      int valid = BackingStore.validBytes(page.index(), size);
      if (valid > 0) {
        store.writePage(page.index(), page.data(), valid);
      }
      clusterLock.unlock();
      page.unlock();
      return 0;
    }
  }
}
