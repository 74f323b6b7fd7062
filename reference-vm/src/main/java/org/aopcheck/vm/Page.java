package org.aopcheck.vm;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopcheck.annotations.Locks;
import org.aopcheck.annotations.LooksUp;
import org.aopcheck.annotations.Redirties;
import org.aopcheck.annotations.Releases;
import org.aopcheck.annotations.TakesOver;
import org.aopcheck.annotations.Unlocks;
import org.aopcheck.vm.enforce.HeldLocks;
import org.aopcheck.vm.enforce.Lockdep;
import org.aopcheck.vm.enforce.ReferenceLedger;
import org.aopcheck.vm.enforce.WaitTracker;

/**
 * A page of the page cache: {@code struct page} with the state the protocol is about.
 *
 * <p>Models {@code include/linux/mm.h} and {@code include/linux/page-flags.h} of Linux 2.6.14: the
 * page lock ({@code PG_locked}, taken with {@code lock_page}, dropped with {@code unlock_page}),
 * the reference count ({@code page_cache_get} / {@code page_cache_release}) and the flags the
 * modelled callers test. The lock is not owned by a thread: as in the kernel, I/O completion may
 * unlock a page that another thread locked.
 *
 * <p>Run-time enforcement: the lock is validated by {@link Lockdep} (a recursive {@code lock_page}
 * and lock-order inversions with filesystem locks are reported before they deadlock), unlocking a
 * page that is unlocked or locked by another thread is a double unlock, and every reference a
 * thread takes is entered in its {@link ReferenceLedger} so that a leaked one can be named.
 */
public final class Page {
  /** The size of a page in bytes: the kernel's {@code PAGE_CACHE_SIZE} on most architectures. */
  public static final int SIZE = 4096;

  /** {@code PAGE_CACHE_SHIFT}. */
  public static final int SHIFT = 12;

  private static final AtomicInteger serialNumbers = new AtomicInteger();

  /** The owner of a page lock handed to I/O, which completion will drop from any thread. */
  private static final Object IO = "I/O";

  private final int serialNumber = serialNumbers.incrementAndGet();
  private final Semaphore lock = new Semaphore(1);
  private final AtomicBoolean locked = new AtomicBoolean();

  /** Who holds the lock: a thread's held-lock set, {@link #IO} for in-flight I/O, or null. */
  private volatile Object lockOwner;

  private final AtomicInteger references = new AtomicInteger(1);
  private final byte[] data = new byte[SIZE];
  private volatile AddressSpace mapping;
  private volatile long index;
  private volatile boolean uptodate;
  private volatile boolean dirty;
  private volatile boolean writeback;
  private volatile boolean error;
  private volatile boolean reclaim;
  private volatile boolean active;
  private volatile boolean referenced;

  private Page() {}

  /** {@code page_cache_alloc}: a new page with one reference (the caller's), not in any cache. */
  @LooksUp(locked = false)
  public static Page alloc() {
    Page page = new Page();
    ReferenceLedger.took(page);
    return page;
  }

  /**
   * {@code lock_page}: waits until the page lock is free, then takes it.
   *
   * @throws ProtocolViolation {@code RECURSIVE_PAGE_LOCK} if this thread already holds it, {@code
   *     LOCK_ORDER_INVERSION} if taking it here inverts an order seen before
   */
  @Locks
  public void lock() {
    Lockdep.beforeBlockingAcquire(this, Lockdep.PAGE_LOCK, toString());
    if (!lock.tryAcquire()) {
      WaitTracker.noteWait();
      lock.acquireUninterruptibly();
    }
    lockOwner = Lockdep.acquired(this, Lockdep.PAGE_LOCK, toString());
    locked.set(true);
  }

  /** {@code TestSetPageLocked} inverted: takes the lock if it is free, without waiting. */
  public boolean tryLock() {
    if (!lock.tryAcquire()) {
      return false;
    }
    lockOwner = Lockdep.acquired(this, Lockdep.PAGE_LOCK, toString());
    locked.set(true);
    return true;
  }

  /**
   * {@code unlock_page}.
   *
   * @throws ProtocolViolation {@code UNLOCK_OF_UNLOCKED_PAGE} if the page is not locked, or is
   *     locked by another thread (its lock was already dropped once and taken again)
   */
  @Unlocks
  public void unlock() {
    Object owner = lockOwner;
    HeldLocks self = Lockdep.current();
    if (locked.get() && owner != self && owner != IO && owner instanceof HeldLocks other) {
      throw new ProtocolViolation(
          ProtocolViolation.Rule.UNLOCK_OF_UNLOCKED_PAGE,
          "unlock_page of "
              + this
              + " by "
              + self
              + ", but its lock is held by "
              + other
              + ": the page was already unlocked once (double unlock)");
    }
    if (!locked.compareAndSet(true, false)) {
      throw new ProtocolViolation(
          ProtocolViolation.Rule.UNLOCK_OF_UNLOCKED_PAGE, "unlock_page of unlocked " + this);
    }
    lockOwner = null;
    if (owner instanceof HeldLocks held) {
      Lockdep.released(this, held);
    }
    lock.release();
  }

  /**
   * Hands the page lock, held by the calling thread, to in-flight I/O: the page stays locked and
   * I/O completion ({@link #unlock()} from any thread) drops it. A readpage that completes its read
   * asynchronously does this before returning 0.
   */
  @TakesOver
  public void handLockToIo() {
    Object owner = lockOwner;
    if (owner instanceof HeldLocks held) {
      Lockdep.released(this, held);
    }
    lockOwner = IO;
  }

  /** Whether the page is locked by the thread whose held-lock set is {@code owner}. */
  public boolean isLockedBy(HeldLocks owner) {
    return locked.get() && lockOwner == owner;
  }

  /** Whether the page is locked by the calling thread. */
  public boolean isLockedByCurrentThread() {
    return isLockedBy(Lockdep.current());
  }

  /** Whether the page lock was handed to I/O that has not completed. */
  public boolean isLockedForIo() {
    return locked.get() && lockOwner == IO;
  }

  /** {@code PageLocked}. */
  public boolean isLocked() {
    return locked.get();
  }

  /** {@code wait_on_page_locked}: waits until the page is unlocked, without taking the lock. */
  public void waitUnlocked() {
    if (isLockedByCurrentThread()) {
      throw new ProtocolViolation(
          ProtocolViolation.Rule.RECURSIVE_PAGE_LOCK,
          "wait_on_page_locked of "
              + this
              + ", which this thread holds locked: it would wait forever");
    }
    if (!lock.tryAcquire()) {
      WaitTracker.noteWait();
      lock.acquireUninterruptibly();
    }
    lock.release();
  }

  /**
   * {@code page_cache_get}: takes one more reference, owned by the calling thread.
   *
   * @throws ProtocolViolation {@code GET_OF_FREED_PAGE} if the page had no reference left
   */
  public void get() {
    takeReference();
    ReferenceLedger.took(this);
  }

  /**
   * {@code get_page_unless_zero}: takes a reference, owned by the calling thread, unless the page
   * was already freed; page reclaim isolates pages from the LRU with it.
   */
  public boolean tryGet() {
    int count;
    do {
      count = references.get();
      if (count <= 0) {
        return false;
      }
    } while (!references.compareAndSet(count, count + 1));
    ReferenceLedger.took(this);
    return true;
  }

  /** Takes a reference on behalf of the page cache or an LRU batch, not of the calling thread. */
  void takeReference() {
    if (references.getAndIncrement() <= 0) {
      references.decrementAndGet();
      throw new ProtocolViolation(
          ProtocolViolation.Rule.GET_OF_FREED_PAGE, "page_cache_get of freed " + this);
    }
  }

  /**
   * Drops a reference held by the page cache or an LRU batch.
   *
   * @throws ProtocolViolation {@code RELEASE_BELOW_ZERO} if the page had no reference left
   */
  void dropReference() {
    int after = references.decrementAndGet();
    if (after < 0) {
      references.incrementAndGet();
      throw new ProtocolViolation(
          ProtocolViolation.Rule.RELEASE_BELOW_ZERO, "page_cache_release of " + this);
    }
  }

  /**
   * The calling thread hands its reference to another holder (an LRU batch) without dropping it.
   */
  void handOverReference() {
    ReferenceLedger.dropped(this);
  }

  /**
   * {@code page_cache_release}: drops one reference.
   *
   * @throws ProtocolViolation if the page had no reference left
   */
  @Releases
  public void release() {
    dropReference();
    ReferenceLedger.dropped(this);
  }

  /** {@code page_count}. */
  public int referenceCount() {
    return references.get();
  }

  /** {@code page->mapping}: the address space the page belongs to, or null once truncated. */
  public AddressSpace mapping() {
    return mapping;
  }

  /** {@code page->index}: the page's offset in its file, in pages. */
  public long index() {
    return index;
  }

  void attach(AddressSpace mapping, long index) {
    this.mapping = mapping;
    this.index = index;
  }

  void detach() {
    this.mapping = null;
  }

  /** Sets {@code page->index} for a page not yet in a cache (read-ahead pages carry it). */
  public void setIndex(long index) {
    this.index = index;
  }

  /** The page's bytes. */
  public byte[] data() {
    return data;
  }

  public boolean isUptodate() {
    return uptodate;
  }

  public void setUptodate() {
    uptodate = true;
  }

  public void clearUptodate() {
    uptodate = false;
  }

  public boolean isDirty() {
    return dirty;
  }

  /** {@code set_page_dirty}: marks the page dirty so that writeback will write it. */
  @Redirties
  public void setDirty() {
    dirty = true;
  }

  /** {@code redirty_page_for_writepage}: a writepage that did not write the page marks it again. */
  @Redirties
  public void redirty(WritebackControl writebackControl) {
    writebackControl.pagesSkipped++;
    dirty = true;
  }

  /** {@code SetPageDirty}: sets the dirty flag directly, as the ramdisk driver does. */
  @Redirties
  public void setDirtyFlag() {
    dirty = true;
  }

  /** {@code ClearPageDirty}, without the accounting of {@link #clearDirtyForIo}. */
  public void clearDirtyFlag() {
    dirty = false;
  }

  /** {@code clear_page_dirty_for_io}: cleans the page before writepage; true if it was dirty. */
  public boolean clearDirtyForIo() {
    boolean wasDirty = dirty;
    dirty = false;
    return wasDirty;
  }

  public boolean underWriteback() {
    return writeback;
  }

  public void setWriteback(boolean writeback) {
    this.writeback = writeback;
  }

  /** {@code wait_on_page_writeback}. In this model writeback completes synchronously. */
  public void waitWriteback() {}

  public boolean hasError() {
    return error;
  }

  public void setError() {
    error = true;
  }

  public void clearError() {
    error = false;
  }

  public boolean isReclaim() {
    return reclaim;
  }

  public void setReclaim() {
    reclaim = true;
  }

  public void clearReclaim() {
    reclaim = false;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive() {
    active = true;
  }

  /** {@code mark_page_accessed}. */
  public void markAccessed() {
    referenced = true;
  }

  /** {@code ClearPageReferenced}. */
  public void clearReferenced() {
    referenced = false;
  }

  public boolean isReferenced() {
    return referenced;
  }

  /** {@code ClearPageActive}. */
  public void clearActive() {
    active = false;
  }

  @Override
  public String toString() {
    return "page#"
        + serialNumber
        + "(index "
        + index
        + (mapping == null ? ", no mapping" : "")
        + ", "
        + (locked.get() ? "locked" : "unlocked")
        + ", count "
        + references.get()
        + ")";
  }
}
