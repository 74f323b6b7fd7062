package org.aopcheck.vm.enforce;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A filesystem lock ({@code i_sem}, a cluster lock) whose acquisitions are validated by {@link
 * Lockdep}: blocking {@link #lock()} records the lock order against the page lock and the other
 * held locks; {@link #tryLock()} takes it without an order edge. It is a {@link ReentrantLock}, so
 * code that only knows it as one still gets the checks.
 */
public class TrackedLock extends ReentrantLock {
  private static final long serialVersionUID = 1L;

  private final transient LockClass lockClass;
  private final String description;
  private final AtomicLong contendedAcquisitions = new AtomicLong();

  public TrackedLock(LockClass lockClass, String description) {
    this.lockClass = lockClass;
    this.description = description;
  }

  public LockClass lockClass() {
    return lockClass;
  }

  @Override
  public void lock() {
    if (isHeldByCurrentThread()) {
      super.lock();
      return;
    }
    Lockdep.beforeBlockingAcquire(this, lockClass, description);
    if (!super.tryLock()) {
      contendedAcquisitions.incrementAndGet();
      WaitTracker.noteWait();
      super.lock();
    }
    Lockdep.acquired(this, lockClass, description);
  }

  @Override
  public boolean tryLock() {
    boolean reentry = isHeldByCurrentThread();
    if (!super.tryLock()) {
      return false;
    }
    if (!reentry) {
      Lockdep.acquired(this, lockClass, description);
    }
    return true;
  }

  @Override
  public void unlock() {
    super.unlock();
    if (!isHeldByCurrentThread()) {
      Lockdep.released(this, Lockdep.current());
    }
  }

  /** How many times a blocking {@link #lock()} had to wait. */
  public long contendedAcquisitions() {
    return contendedAcquisitions.get();
  }

  @Override
  public String toString() {
    return lockClass + " of " + description;
  }
}
