package org.aopcheck.vm.fs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.aopcheck.vm.Page;

/**
 * The "disk" behind one file: the bytes that writepage wrote, page by page. Pages never written
 * read as zeros. Thread-safe.
 */
public final class BackingStore {
  private final Map<Long, byte[]> pages = new HashMap<>();

  /** Copies page {@code index} into {@code into}. */
  public synchronized void readPage(long index, byte[] into) {
    byte[] stored = pages.get(index);
    if (stored == null) {
      Arrays.fill(into, (byte) 0);
    } else {
      System.arraycopy(stored, 0, into, 0, Page.SIZE);
    }
  }

  /**
   * Stores the first {@code validBytes} of {@code data} as page {@code index}, the rest as zero.
   */
  public synchronized void writePage(long index, byte[] data, int validBytes) {
    byte[] copy = new byte[Page.SIZE];
    System.arraycopy(data, 0, copy, 0, Math.max(0, Math.min(validBytes, Page.SIZE)));
    pages.put(index, copy);
  }

  /** Drops everything at or beyond byte {@code size}. */
  public synchronized void truncate(long size) {
    long firstDropped = (size + Page.SIZE - 1) >> Page.SHIFT;
    pages.keySet().removeIf(index -> index >= firstDropped);
    int partial = (int) (size & (Page.SIZE - 1));
    byte[] last = pages.get(size >> Page.SHIFT);
    if (partial != 0 && last != null) {
      Arrays.fill(last, partial, Page.SIZE, (byte) 0);
    }
  }

  /** The number of bytes of page {@code index} that lie within a file of {@code size} bytes. */
  public static int validBytes(long index, long size) {
    long start = index << Page.SHIFT;
    return (int) Math.max(0, Math.min(Page.SIZE, size - start));
  }
}
