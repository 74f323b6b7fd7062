package org.aopcheck.vm.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.fs.Filesystem;
import org.aopcheck.vm.mm.SystemCalls;
import org.aopcheck.vm.mm.Truncate;

/**
 * Small helpers for scenario tests of the reference VM, here and in the samples: a file on a
 * filesystem with given contents written back to its storage and dropped from the page cache (so
 * that the next access calls readpage), reads of a whole file, and byte patterns.
 */
public final class VmFixture {
  private VmFixture() {}

  /** A pattern of {@code length} bytes determined by {@code seed}. */
  public static byte[] pattern(int length, long seed) {
    byte[] bytes = new byte[length];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  /**
   * Creates a file on {@code filesystem} holding {@code content}, written through the post-patch
   * callers, written back ({@code fsync}) and, unless the page cache is the storage, dropped from
   * the cache.
   */
  public static OpenFile fileWith(Filesystem filesystem, Lru lru, byte[] content) {
    Inode inode = filesystem.createFile(lru);
    OpenFile file = new OpenFile(inode);
    SystemCalls calls = SystemCalls.postPatch();
    if (content.length > 0) {
      long written = calls.write(file, 0, content);
      if (written != content.length) {
        throw new IllegalStateException("setting up " + inode + ": wrote " + written);
      }
      calls.fsync(file);
    }
    if (!filesystem.pageCacheIsStorage()) {
      Truncate.invalidateInodePages(inode.mapping());
    }
    return file;
  }

  /** The bytes {@code read(2)} returns for the whole file, or null if it returned an error. */
  public static byte[] readAll(SystemCalls calls, OpenFile file) {
    int size = (int) file.inode().size();
    byte[] buffer = new byte[size];
    long read = calls.read(file, 0, buffer, size);
    if (read < 0) {
      return null;
    }
    return Arrays.copyOf(buffer, (int) read);
  }

  /**
   * Runs {@code action} in a thread of its own and returns what it threw, or null. A run-time
   * violation leaves that thread's locks and references as they were; running it apart keeps them
   * out of the caller's thread.
   */
  public static Throwable failureOf(Runnable action) {
    Throwable[] thrown = new Throwable[1];
    Thread thread =
        new Thread(
            () -> {
              try {
                action.run();
              } catch (Throwable t) {
                thrown[0] = t;
              }
            },
            "scenario");
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the scenario", e);
    }
    return thrown[0];
  }

  /** The contents of page {@code index} of {@code content}, zero-filled to a whole page. */
  public static byte[] pageOf(byte[] content, long index) {
    byte[] page = new byte[Page.SIZE];
    int start = (int) (index * Page.SIZE);
    if (start < content.length) {
      System.arraycopy(content, start, page, 0, Math.min(Page.SIZE, content.length - start));
    }
    return page;
  }
}
