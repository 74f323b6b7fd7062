package org.aopcheck.vm.fs;

import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.mm.Truncate;

/**
 * A filesystem of the reference VM: it creates files whose page cache its {@link
 * org.aopcheck.vm.AddressSpaceOperations} fill and write. The stress harness and the conformance
 * kit work with any implementation of this interface, so a third-party filesystem is tested by
 * implementing it.
 */
public interface Filesystem {
  /** A short name for reports. */
  String name();

  /** Creates an empty file whose pages go on {@code lru}. */
  Inode createFile(Lru lru);

  /** Whether {@code truncate(2)} may change a file's size (false for a block device). */
  default boolean supportsTruncate() {
    return true;
  }

  /**
   * Whether the page cache is the only copy of the data (ramdisk; tmpfs before swap-out): its pages
   * cannot be dropped by {@link #invalidate}.
   */
  default boolean pageCacheIsStorage() {
    return false;
  }

  /**
   * Drops {@code inode}'s page cache without changing the file, as a cluster filesystem does when
   * another node takes its lock (dirty pages are written back first). Concurrent reads, writes and
   * faults then find their page truncated.
   */
  default void invalidate(Inode inode) {
    Truncate.invalidateInodePages(inode.mapping());
  }

  /**
   * Runs {@code action} while the operations on {@code inode} would have to wait for something they
   * cannot take with the page locked: for a cluster filesystem, while another node holds the file's
   * cluster lock. A filesystem without such a lock just runs it. The conformance kit uses it to
   * make operations return AOP_TRUNCATED_PAGE and to check that they wait before they do.
   */
  default void whileContended(Inode inode, Runnable action) {
    action.run();
  }
}
