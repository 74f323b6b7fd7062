package org.aopcheck.samples.cases.k20;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.aopcheck.samples.model.KernelBug;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.Page;

/**
 * A transparent huge page of tmpfs: a compound page, a head and its tail subpages, as {@code
 * include/linux/page-flags.h} and {@code mm/huge_memory.c} of Linux 5.x have it, reduced to what
 * K20 needs. The reference VM has no compound pages; this models one over its {@link Page}s.
 *
 * <p>While the page is compound, its head stands for all of it: {@code lock_page} of any subpage
 * locks the head, and {@code PG_dirty} is a head flag, so {@code clear_page_dirty_for_io} cleans
 * the whole huge page at once. The model keeps the tails out of the page cache's index until the
 * split (the kernel indexes them, and a lookup of a tail's index returns that subpage of the same,
 * head-locked huge page, so a caller walking the indices meets the huge page again and {@code
 * shmem_writepage} tries the same split again). {@link #split} gives every tail the head's dirty
 * and uptodate state and puts it in the cache, unlocked and on the LRU, as {@code
 * __split_huge_page} does, and leaves the head locked.
 */
public final class TransparentHugePage {
  /** Subpages in a huge page: {@code HPAGE_PMD_NR}, 512 on x86-64, reduced for the model. */
  public static final int SUBPAGES = 4;

  /** {@code EBUSY}, which the reference VM's {@code Errno} does not list. */
  static final int EBUSY = 16;

  private final AddressSpace mapping;
  private final Page head;
  private final List<Page> tails;
  private boolean compound = true;
  private int unaccountedReferences;

  private TransparentHugePage(AddressSpace mapping, Page head, List<Page> tails) {
    this.mapping = mapping;
    this.head = head;
    this.tails = tails;
  }

  /**
   * {@code shmem_alloc_hugepage} and {@code shmem_add_to_page_cache} (here {@code
   * find_or_create_page}, for the head) for the huge page at {@code index} (a multiple of {@link
   * #SUBPAGES}), followed by a write that filled subpage {@code i} with the byte {@code fill + i}
   * and left it dirty and unlocked, holding only the cache's reference.
   */
  static TransparentHugePage allocateDirty(AddressSpace mapping, long index, byte fill) {
    if (index % SUBPAGES != 0) {
      throw new IllegalArgumentException("a huge page starts at a multiple of " + SUBPAGES);
    }
    if (mapping.isCached(index)) {
      throw new IllegalStateException("index " + index + " is already cached");
    }
    Page head = mapping.findOrCreateLocked(index);
    Arrays.fill(head.data(), fill);
    head.setUptodate();
    head.setDirty();
    head.unlock();
    head.release();
    List<Page> tails = new ArrayList<>();
    for (int subpage = 1; subpage < SUBPAGES; subpage++) {
      // The compound page's reference: the tails have no count of their own until the split.
      Page tail = Page.alloc();
      tail.setIndex(index + subpage);
      Arrays.fill(tail.data(), (byte) (fill + subpage));
      tails.add(tail);
    }
    return new TransparentHugePage(mapping, head, tails);
  }

  /** The head page, which the page cache indexes while the page is compound. */
  public Page head() {
    return head;
  }

  /** Every subpage, head first. */
  public List<Page> subpages() {
    List<Page> subpages = new ArrayList<>();
    subpages.add(head);
    subpages.addAll(tails);
    return Collections.unmodifiableList(subpages);
  }

  /** Whether the huge page has not been split. */
  public boolean isCompound() {
    return compound;
  }

  /** {@code PageTransCompound(page)}: whether {@code page} is a subpage of this unsplit page. */
  boolean contains(Page page) {
    return compound && (page == head || tails.contains(page));
  }

  /**
   * Takes a reference that {@code split_huge_page} cannot account for (a GPU pin, a racing
   * speculative lookup), so that splitting fails until it is gone.
   */
  public void pin() {
    unaccountedReferences++;
  }

  /**
   * {@code split_huge_page(page)}: called with the huge page locked. Fails with {@code -EBUSY}
   * while a reference it cannot account for is held; otherwise every tail becomes a small page of
   * the page cache, carrying the head's dirty and uptodate state, unlocked and on the LRU, and the
   * head stays locked.
   */
  int split() {
    KernelBug.vmBugOnPage(
        !head.isLockedByCurrentThread(), "VM_BUG_ON_PAGE(!PageLocked(head), head)", head);
    if (unaccountedReferences > 0) {
      return -EBUSY;
    }
    LruBatch lruBatch = new LruBatch(mapping.lru());
    for (Page tail : tails) {
      if (mapping.addLockedWithoutLru(tail, tail.index()) != 0) {
        throw new IllegalStateException("index " + tail.index() + " of a huge page is cached");
      }
      if (head.isDirty()) {
        tail.setDirtyFlag();
      } else {
        tail.clearDirtyFlag();
      }
      if (head.isUptodate()) {
        tail.setUptodate();
      }
      tail.unlock();
      lruBatch.add(tail);
    }
    lruBatch.flush();
    compound = false;
    return 0;
  }

  @Override
  public String toString() {
    return (compound ? "huge page " : "split huge page ") + "at " + head;
  }
}
