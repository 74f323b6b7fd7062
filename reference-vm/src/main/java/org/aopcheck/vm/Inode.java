package org.aopcheck.vm;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.aopcheck.vm.enforce.LockClass;
import org.aopcheck.vm.enforce.TrackedLock;

/**
 * {@code struct inode} of Linux 2.6.14, reduced to what the page cache needs: the file size ({@code
 * i_size}), the inode semaphore ({@code i_sem}) that serialises writers and truncate, the mapping,
 * and {@code ->truncate}.
 */
public final class Inode {
  /** The lock class of every {@code i_sem}. */
  public static final LockClass INODE_SEMAPHORE = new LockClass("i_sem");

  private static final AtomicInteger inodeNumbers = new AtomicInteger();

  private final int number = inodeNumbers.incrementAndGet();
  private final AtomicLong size = new AtomicLong();
  private final TrackedLock inodeSemaphore;
  private final AddressSpace mapping;
  private final InodeOperations inodeOperations;

  /** An inode with its own LRU, no {@code ->truncate} and a writeback-capable device. */
  public Inode(AddressSpaceOperations operations) {
    this(operations, InodeOperations.NONE, new Lru(), true);
  }

  /**
   * An inode whose pages go on {@code lru}.
   *
   * @param writebackCapable false for a {@code BDI_CAP_NO_WRITEBACK} device (tmpfs, ramdisk)
   */
  public Inode(
      AddressSpaceOperations operations,
      InodeOperations inodeOperations,
      Lru lru,
      boolean writebackCapable) {
    this.inodeSemaphore = new TrackedLock(INODE_SEMAPHORE, "inode#" + number);
    this.inodeOperations = inodeOperations;
    this.mapping = new AddressSpace(this, operations, lru, writebackCapable);
  }

  /** {@code i_size_read}. */
  public long size() {
    return size.get();
  }

  /** {@code i_size_write}. */
  public void setSize(long newSize) {
    size.set(newSize);
  }

  /** Raises {@code i_size} to {@code newSize} if it is smaller, atomically. */
  public void extendSize(long newSize) {
    size.accumulateAndGet(newSize, Math::max);
  }

  /** {@code inode->i_mapping}. */
  public AddressSpace mapping() {
    return mapping;
  }

  /** {@code inode->i_op}. */
  public InodeOperations inodeOperations() {
    return inodeOperations;
  }

  /**
   * {@code inode->i_sem}: held across a buffered write and across truncate. Its lock order against
   * the page lock is validated (it is a {@link TrackedLock}).
   */
  public ReentrantLock inodeSemaphore() {
    return inodeSemaphore;
  }

  /** {@code inode->i_ino}. */
  public int number() {
    return number;
  }

  @Override
  public String toString() {
    return "inode#" + number;
  }
}
