package org.aopcheck.vm;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code struct inode} of Linux 2.6.14, reduced to what the page cache needs: the file size
 * ({@code i_size}) and the inode semaphore ({@code i_sem}) that serialises writers and truncate.
 */
public final class Inode {
  private final AtomicLong size = new AtomicLong();
  private final ReentrantLock inodeSemaphore = new ReentrantLock();
  private final AddressSpace mapping;

  public Inode(AddressSpaceOperations operations) {
    this.mapping = new AddressSpace(this, operations);
  }

  /** {@code i_size_read}. */
  public long size() {
    return size.get();
  }

  /** {@code i_size_write}. */
  public void setSize(long newSize) {
    size.set(newSize);
  }

  /** {@code inode->i_mapping}. */
  public AddressSpace mapping() {
    return mapping;
  }

  /** {@code inode->i_sem}: held across a buffered write and across truncate. */
  public ReentrantLock inodeSemaphore() {
    return inodeSemaphore;
  }
}
