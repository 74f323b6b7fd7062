package org.aopcheck.samples.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Page;

/**
 * The writeback lookup of dirty pages: {@code pagevec_lookup_tag(..., PAGECACHE_TAG_DIRTY, ...)}
 * and {@code pagevec_release} of Linux 2.6.14-2.6.23. The reference VM has no radix-tree tags, so
 * the lookup scans the cache for dirty pages.
 */
public final class DirtyPages {
  /** {@code PAGEVEC_SIZE}: how many pages one lookup returns at most. */
  public static final int BATCH_SIZE = 14;

  private DirtyPages() {}

  /**
   * Up to {@link #BATCH_SIZE} dirty pages of {@code mapping} from {@code fromIndex} on, in index
   * order, each with a new reference that {@link #release} drops.
   */
  public static List<Page> lookup(AddressSpace mapping, long fromIndex) {
    List<Page> batch = new ArrayList<>();
    List<Page> cached = mapping.pagesSnapshot();
    cached.sort(Comparator.comparingLong(Page::index));
    for (Page page : cached) {
      if (batch.size() < BATCH_SIZE && page.index() >= fromIndex && page.isDirty()) {
        page.get();
        batch.add(page);
      }
    }
    return batch;
  }

  /** {@code pagevec_release}: drops the references {@link #lookup} took. */
  public static void release(List<Page> batch) {
    for (Page page : batch) {
      page.release();
    }
    batch.clear();
  }
}
