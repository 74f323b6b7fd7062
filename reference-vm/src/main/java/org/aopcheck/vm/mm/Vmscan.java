package org.aopcheck.vm.mm;

import java.util.ArrayList;
import java.util.List;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.Page;

/**
 * {@code shrink_cache} of {@code mm/vmscan.c} (Linux 2.6.14), reduced: isolates up to {@code
 * maxScan} pages from the LRU (each with a reference), hands them to {@code shrink_list} with the
 * given {@code pageout}, and puts the survivors back, dropping the isolation references. Pages that
 * were freed or truncated leave the LRU.
 */
public final class Vmscan {
  private Vmscan() {}

  /** One pass of reclaim over {@code lru}; returns the number of pages freed. */
  public static int shrinkCache(Lru lru, int maxScan, PageCacheCallers callers) {
    List<Page> pageList = new ArrayList<>();
    for (Page page : lru.snapshot()) {
      if (pageList.size() >= maxScan) {
        break;
      }
      if (!page.tryGet()) {
        lru.remove(page); // already freed
        continue;
      }
      pageList.add(page);
    }
    ScanControl sc = new ScanControl();
    List<Page> isolated = new ArrayList<>(pageList);
    int reclaimed = callers.shrinkList().shrinkList(pageList, sc, callers.pageout());
    java.util.Set<Page> kept =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    kept.addAll(pageList);
    for (Page page : isolated) {
      if (!kept.contains(page)) {
        lru.remove(page); // freed by shrink_list
      }
    }
    for (Page page : pageList) {
      if (page.mapping() == null) {
        lru.remove(page);
      }
      page.release();
    }
    return reclaimed;
  }
}
