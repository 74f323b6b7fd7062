package org.aopcheck.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopcheck.annotations.LooksUp;
import org.aopcheck.annotations.PageParameter;

/**
 * {@code struct address_space}: a file's page cache, with the lookup functions of {@code
 * mm/filemap.c} in Linux 2.6.14.
 *
 * <p>Each page in the cache holds one reference owned by the cache; every lookup returns the page
 * with one more reference, owned by the caller, who must drop it with {@link Page#release()}.
 */
public final class AddressSpace {
  private final Inode host;
  private final AddressSpaceOperations operations;
  private final Map<Long, Page> pages = new ConcurrentHashMap<>();
  /** {@code mapping->flags} error bits: {@code AS_EIO} and {@code AS_ENOSPC}. */
  private volatile int recordedError;

  AddressSpace(Inode host, AddressSpaceOperations operations) {
    this.host = host;
    this.operations = operations;
  }

  /** {@code mapping->host}. */
  public Inode host() {
    return host;
  }

  /** {@code mapping->a_ops}. */
  public AddressSpaceOperations operations() {
    return operations;
  }

  /** {@code find_get_page}: the page at {@code index} with one more reference, unlocked; or null. */
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
   * {@code grab_cache_page}: the locked page at {@code index} with one more reference, created if
   * missing.
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
   * {@code add_to_page_cache_lru}: inserts a new page at {@code index}. On 0 the page is in the
   * cache, locked, and the cache holds a reference of its own; the caller keeps its reference.
   * Returns {@code -EEXIST} if another page is already there.
   */
  public int addLocked(@PageParameter Page page, long index) {
    synchronized (pages) {
      if (pages.containsKey(index)) {
        return -Errno.EEXIST;
      }
      if (!page.tryLock()) {
        throw new IllegalStateException("add_to_page_cache of a page locked elsewhere: " + page);
      }
      page.attach(this, index);
      page.get();
      pages.put(index, page);
      return 0;
    }
  }

  /**
   * Removes a page from the cache ({@code remove_from_page_cache}), dropping the cache's reference.
   * The caller holds the page lock, as truncate does.
   */
  void remove(Page page) {
    synchronized (pages) {
      if (pages.remove(page.index(), page)) {
        page.detach();
        page.release();
      }
    }
  }

  /** The pages in the cache now, in no particular order. */
  public List<Page> pagesSnapshot() {
    synchronized (pages) {
      return new ArrayList<>(pages.values());
    }
  }

  /** {@code mapping_set_error}: records {@code -EIO} or {@code -ENOSPC} for the next fsync. */
  public void setError(int error) {
    recordedError = error;
  }

  /** The error recorded on the mapping, or 0; reading it clears it, like {@code filemap_fdatawait}. */
  public int takeError() {
    int error = recordedError;
    recordedError = 0;
    return error;
  }
}
