package org.aopcheck.vm;

import java.util.ArrayList;
import java.util.List;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.Releases;

/**
 * {@code struct pagevec} used for {@code __pagevec_lru_add}: a batch of pages on their way to the
 * LRU lists, as in {@code mm/swap.c} of Linux 2.6.14. Adding a page hands the caller's reference to
 * the batch, which drops it once the page is on the LRU.
 */
public final class LruBatch {
  private final Lru lru;
  private final List<Page> pages = new ArrayList<>();

  public LruBatch(Lru lru) {
    this.lru = lru;
  }

  /**
   * {@code pagevec_add} + {@code __pagevec_lru_add} when full: takes over the caller's reference.
   */
  @Releases
  public void add(@PageParameter Page page) {
    page.handOverReference();
    pages.add(page);
    if (pages.size() == 14) {
      flush();
    }
  }

  /** {@code pagevec_lru_add}: puts every page of the batch on the LRU and drops the references. */
  public void flush() {
    for (Page page : pages) {
      lru.add(page);
      page.dropReference();
    }
    pages.clear();
  }
}
