package org.aopcheck.samples.model;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * A filesystem that keeps its data in memory: ramfs of Linux 2.6.14 ({@code simple_readpage},
 * {@code simple_prepare_write}, {@code simple_commit_write}) with a {@code writepage} that copies
 * the page to a backing store, so that tests can see which writes reached the "disk".
 *
 * <p>Every operation follows the protocol: it is the correct base that the samples' filesystems
 * override one operation of, to show one bug or its fix.
 */
public class MemoryFilesystem implements AddressSpaceOperations {
  private final Map<Long, byte[]> backingStore = new ConcurrentHashMap<>();

  /**
   * {@code simple_readpage}: fills the page from the backing store (zeroes if none), unlocks it.
   */
  @Override
  public int readpage(OpenFile file, Page page) {
    fillFromBackingStore(page);
    page.setUptodate();
    page.unlock();
    return 0;
  }

  /** {@code simple_prepare_write}: zeroes the parts of a new page outside {@code [from, to)}. */
  @Override
  public int prepareWrite(OpenFile file, Page page, int from, int to) {
    if (!page.isUptodate()) {
      byte[] data = page.data();
      Arrays.fill(data, 0, from, (byte) 0);
      Arrays.fill(data, to, Page.SIZE, (byte) 0);
    }
    return 0;
  }

  /** {@code simple_commit_write}: marks the page uptodate and dirty and extends {@code i_size}. */
  @Override
  public int commitWrite(OpenFile file, Page page, int from, int to) {
    long end = ((long) page.index() << Page.SHIFT) + to;
    page.setUptodate();
    page.setDirty();
    AddressSpace mapping = page.mapping();
    if (mapping != null && end > mapping.host().size()) {
      mapping.host().setSize(end);
    }
    return 0;
  }

  /** Writes the page to the backing store and unlocks it: writeback done synchronously. */
  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    store(page);
    page.unlock();
    return 0;
  }

  /** Copies the page's bytes to the backing store. */
  protected final void store(Page page) {
    backingStore.put(page.index(), page.data().clone());
  }

  /** Fills the page with its bytes from the backing store, or zeroes. */
  protected final void fillFromBackingStore(Page page) {
    byte[] stored = backingStore.get(page.index());
    if (stored == null) {
      Arrays.fill(page.data(), (byte) 0);
    } else {
      System.arraycopy(stored, 0, page.data(), 0, Page.SIZE);
    }
  }

  /** The bytes last written back for the page at {@code index}, or null if it never was. */
  public final byte[] stored(long index) {
    byte[] stored = backingStore.get(index);
    return stored == null ? null : stored.clone();
  }
}
