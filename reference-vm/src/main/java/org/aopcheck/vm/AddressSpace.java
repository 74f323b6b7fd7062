package org.aopcheck.vm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopcheck.annotations.LooksUp;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.enforce.ContractEnforcingOperations;

/**
 * {@code struct address_space}: a file's page cache, with the lookup functions of {@code
 * mm/filemap.c} in Linux 2.6.14.
 *
 * <p>Each page in the cache holds one reference owned by the cache; every lookup returns the page
 * with one more reference, owned by the caller, who must drop it with {@link Page#release()}. The
 * operations handed to callers are wrapped in a {@link ContractEnforcingOperations}, so every call
 * is checked against the contract at run time.
 */
public final class AddressSpace {
  private final Inode host;
  private final ContractEnforcingOperations operations;
  private final Lru lru;
  private final boolean writebackCapable;
  private final Map<Long, Page> pages = new ConcurrentHashMap<>();

  /** {@code mapping->flags} error bits: {@code AS_EIO} and {@code AS_ENOSPC}. */
  private volatile int recordedError;

  /** {@code mapping->writeback_index}: where cyclic writeback resumes. */
  private volatile long writebackIndex;

  AddressSpace(Inode host, AddressSpaceOperations operations, Lru lru, boolean writebackCapable) {
    this.host = host;
    this.operations =
        operations instanceof ContractEnforcingOperations enforcing
            ? enforcing
            : new ContractEnforcingOperations(operations);
    this.lru = lru;
    this.writebackCapable = writebackCapable;
  }

  /** {@code mapping->host}. */
  public Inode host() {
    return host;
  }

  /** {@code mapping->a_ops}, wrapped so that every call is checked against the contract. */
  public AddressSpaceOperations operations() {
    return operations;
  }

  /** The filesystem's own operations, not checked: for the conformance kit and tests. */
  public AddressSpaceOperations implementation() {
    return operations.implementation();
  }

  /** The LRU lists this mapping's pages go on. */
  public Lru lru() {
    return lru;
  }

  /**
   * Whether the backing device takes part in writeback; false for {@code BDI_CAP_NO_WRITEBACK}
   * devices (tmpfs, ramdisk), whose pages only page reclaim writes.
   */
  public boolean writebackCapable() {
    return writebackCapable;
  }

  /**
   * {@code find_get_page}: the page at {@code index} with one more reference, unlocked; or null.
   */
  @LooksUp(locked = false)
  public Page findGet(long index) {
    synchronized (pages) {
      Page page = pages.get(index);
      if (page != null) {
        page.get();
      }
      return page;
    }
  }

  /**
   * {@code find_lock_page}: the page at {@code index} with one more reference, locked; or null. As
   * in the kernel, a page truncated while we waited for its lock is dropped and the lookup retried.
   */
  @LooksUp(locked = true)
  public Page findLock(long index) {
    while (true) {
      Page page = findGet(index);
      if (page == null) {
        return null;
      }
      page.lock();
      if (page.mapping() == this && page.index() == index) {
        return page;
      }
      page.unlock();
      page.release();
    }
  }

  /**
   * {@code grab_cache_page} / {@code find_or_create_page}: the locked page at {@code index} with
   * one more reference, created (and put on the LRU) if missing.
   */
  @LooksUp(locked = true)
  public Page findOrCreateLocked(long index) {
    while (true) {
      Page page = findLock(index);
      if (page != null) {
        return page;
      }
      Page created = Page.alloc();
      int error = addLocked(created, index);
      if (error == 0) {
        return created;
      }
      created.release();
      if (error != -Errno.EEXIST) {
        return null;
      }
    }
  }

  /**
   * {@code add_to_page_cache_lru}: inserts a new page at {@code index} and puts it on the LRU. On 0
   * the page is in the cache, locked by the caller, and the cache holds a reference of its own; the
   * caller keeps its reference. Returns {@code -EEXIST} if another page is already there.
   */
  public int addLocked(@PageParameter Page page, long index) {
    int error = addLockedWithoutLru(page, index);
    if (error == 0) {
      lru.add(page);
    }
    return error;
  }

  /**
   * {@code add_to_page_cache}: as {@link #addLocked} but does not put the page on the LRU; the
   * caller must (read-ahead does it through an {@link LruBatch}), or reclaim will never find it.
   */
  public int addLockedWithoutLru(@PageParameter Page page, long index) {
    synchronized (pages) {
      if (pages.containsKey(index)) {
        return -Errno.EEXIST;
      }
      if (!page.tryLock()) {
        throw new IllegalStateException("add_to_page_cache of a page locked elsewhere: " + page);
      }
      page.attach(this, index);
      page.takeReference();
      pages.put(index, page);
      return 0;
    }
  }

  /**
   * {@code remove_from_page_cache}: removes a page the caller holds locked from the cache and drops
   * the cache's reference. Truncation and moving a page to swap use it.
   *
   * @throws ProtocolViolation {@code OPERATION_ON_UNLOCKED_PAGE} if the caller has not locked it
   */
  public void removePage(@PageParameter Page page) {
    if (!page.isLockedByCurrentThread()) {
      throw new ProtocolViolation(
          ProtocolViolation.Rule.OPERATION_ON_UNLOCKED_PAGE,
          "remove_from_page_cache of " + page + ", which the caller has not locked");
    }
    synchronized (pages) {
      if (pages.remove(page.index(), page)) {
        page.detach();
        page.dropReference();
      }
    }
  }

  /**
   * {@code remove_mapping} (page reclaim): removes a locked, clean page if the only references left
   * are the cache's and the caller's, atomically with respect to lookups. True if removed.
   */
  public boolean removeMapping(@PageParameter Page page) {
    synchronized (pages) {
      if (page.mapping() != this || page.referenceCount() != 2 || page.isDirty()) {
        return false;
      }
      pages.remove(page.index(), page);
      page.detach();
      page.dropReference();
      return true;
    }
  }

  /** Whether a page is cached at {@code index} now ({@code radix_tree_lookup}, no reference). */
  public boolean isCached(long index) {
    return pages.containsKey(index);
  }

  /** The number of pages in the cache ({@code mapping->nrpages}). */
  public int nrPages() {
    return pages.size();
  }

  /** The pages in the cache now, in no particular order, without references. */
  public List<Page> pagesSnapshot() {
    synchronized (pages) {
      return new ArrayList<>(pages.values());
    }
  }

  /**
   * {@code find_get_pages_tag(PAGECACHE_TAG_DIRTY)}: up to {@code max} dirty pages with index in
   * {@code [start, end]}, in index order, each with one more reference.
   */
  public List<Page> findGetDirtyPages(long start, long end, int max) {
    synchronized (pages) {
      List<Page> found = new ArrayList<>();
      for (Page page : pages.values()) {
        if (page.isDirty() && page.index() >= start && page.index() <= end) {
          found.add(page);
        }
      }
      found.sort(Comparator.comparingLong(Page::index));
      List<Page> batch = new ArrayList<>(found.subList(0, Math.min(max, found.size())));
      for (Page page : batch) {
        page.get();
      }
      return batch;
    }
  }

  /**
   * {@code find_get_pages}: up to {@code max} pages with index {@code >= start}, in index order,
   * each with one more reference.
   */
  public List<Page> findGetPages(long start, int max) {
    synchronized (pages) {
      List<Page> found = new ArrayList<>();
      for (Page page : pages.values()) {
        if (page.index() >= start) {
          found.add(page);
        }
      }
      found.sort(Comparator.comparingLong(Page::index));
      List<Page> batch = new ArrayList<>(found.subList(0, Math.min(max, found.size())));
      for (Page page : batch) {
        page.get();
      }
      return batch;
    }
  }

  /** {@code mapping_set_error}: records {@code -EIO} or {@code -ENOSPC} for the next fsync. */
  public void setError(int error) {
    recordedError = error;
  }

  /**
   * The error recorded on the mapping, or 0; reading it clears it, like {@code filemap_fdatawait}.
   */
  public int takeError() {
    int error = recordedError;
    recordedError = 0;
    return error;
  }

  /** {@code mapping->writeback_index}. */
  public long writebackIndex() {
    return writebackIndex;
  }

  public void setWritebackIndex(long index) {
    writebackIndex = index;
  }

  @Override
  public String toString() {
    return "mapping of " + host;
  }
}
