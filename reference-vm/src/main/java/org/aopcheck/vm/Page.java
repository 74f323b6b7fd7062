package org.aopcheck.vm;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopcheck.annotations.Locks;
import org.aopcheck.annotations.Redirties;
import org.aopcheck.annotations.Releases;
import org.aopcheck.annotations.Unlocks;

/**
 * A page of the page cache: {@code struct page} with the state the protocol is about.
 *
 * <p>Models {@code include/linux/mm.h} and {@code include/linux/page-flags.h} of Linux 2.6.14: the
 * page lock ({@code PG_locked}, taken with {@code lock_page}, dropped with {@code unlock_page}), the
 * reference count ({@code page_cache_get} / {@code page_cache_release}) and the flags the modelled
 * callers test. The lock is not owned by a thread: as in the kernel, I/O completion may unlock a page
 * that another thread locked.
 */
public final class Page {
  /** The size of a page in bytes: the kernel's {@code PAGE_CACHE_SIZE} on most architectures. */
  public static final int SIZE = 4096;

  /** {@code PAGE_CACHE_SHIFT}. */
  public static final int SHIFT = 12;

  private static final AtomicInteger serialNumbers = new AtomicInteger();

  private final int serialNumber = serialNumbers.incrementAndGet();
  private final Semaphore lock = new Semaphore(1);
  private final AtomicBoolean locked = new AtomicBoolean();
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
  public static Page alloc() {
    return new Page();
  }

  /** {@code lock_page}: waits until the page lock is free, then takes it. */
  @Locks
  public void lock() {
    lock.acquireUninterruptibly();
    locked.set(true);
  }

  /** {@code TestSetPageLocked} inverted: takes the lock if it is free, without waiting. */
  public boolean tryLock() {
    if (!lock.tryAcquire()) {
      return false;
    }
    locked.set(true);
    return true;
  }

  /**
   * {@code unlock_page}.
   *
   * @throws ProtocolViolation if the page is not locked
   */
  @Unlocks
  public void unlock() {
    if (!locked.compareAndSet(true, false)) {
      throw new ProtocolViolation(
          ProtocolViolation.Rule.UNLOCK_OF_UNLOCKED_PAGE, "unlock_page of unlocked " + this);
    }
    lock.release();
  }

  /** {@code PageLocked}. */
  public boolean isLocked() {
    return locked.get();
  }

  /** {@code wait_on_page_locked}: waits until the page is unlocked, without taking the lock. */
  public void waitUnlocked() {
    lock.acquireUninterruptibly();
    lock.release();
  }

  /** {@code page_cache_get}: takes one more reference. */
  public void get() {
    references.incrementAndGet();
  }

  /**
   * {@code page_cache_release}: drops one reference.
   *
   * @throws ProtocolViolation if the page had no reference left
   */
  @Releases
  public void release() {
    int after = references.decrementAndGet();
    if (after < 0) {
      references.incrementAndGet();
      throw new ProtocolViolation(
          ProtocolViolation.Rule.RELEASE_BELOW_ZERO, "page_cache_release of " + this);
    }
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

  public boolean isReferenced() {
    return referenced;
  }

  @Override
  public String toString() {
    return "page#" + serialNumber + "(index " + index + (mapping == null ? ", no mapping" : "")
        + ", " + (locked.get() ? "locked" : "unlocked") + ", count " + references.get() + ")";
  }
}
