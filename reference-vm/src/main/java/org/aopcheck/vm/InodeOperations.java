package org.aopcheck.vm;

/**
 * {@code struct inode_operations} of Linux 2.6.14, reduced to {@code ->truncate}: called by {@code
 * vmtruncate} after {@code i_size} was set and the page cache beyond it was truncated, to free the
 * filesystem's blocks past the new size.
 */
@FunctionalInterface
public interface InodeOperations {
  /** Operations with nothing to free (the page cache is the storage). */
  InodeOperations NONE = inode -> {};

  /** {@code ->truncate}: drops the file's storage beyond {@code inode.size()}. */
  void truncate(Inode inode);
}
