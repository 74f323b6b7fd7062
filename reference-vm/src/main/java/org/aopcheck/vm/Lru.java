package org.aopcheck.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The LRU lists ({@code zone->inactive_list}, {@code zone->active_list}) of Linux 2.6.14, reduced
 * to membership: page reclaim can only find a cached page that is on them. As in 2.6, being on the
 * LRU holds no page reference.
 */
public final class Lru {
  private final Set<Page> pages =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  public Lru() {}

  void add(Page page) {
    pages.add(page);
  }

  public boolean contains(Page page) {
    return pages.contains(page);
  }

  public void remove(Page page) {
    pages.remove(page);
  }

  /** The pages on the lists now, in no particular order, without references. */
  public List<Page> snapshot() {
    synchronized (pages) {
      return new ArrayList<>(pages);
    }
  }

  public int size() {
    return pages.size();
  }
}
