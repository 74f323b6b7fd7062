package org.aopcheck.vm.mm;

/** {@code pageout_t} of {@code mm/vmscan.c} (Linux 2.6.14): what page reclaim does next. */
public enum PageoutResult {
  /** Failed to write the page out; keep it (shrink_list unlocks it). */
  PAGE_KEEP,
  /** Move the page to the active list; the page is still locked (shrink_list unlocks it). */
  PAGE_ACTIVATE,
  /** Writeback started or finished; the page was unlocked by writepage. */
  PAGE_SUCCESS,
  /** The page is clean and can be freed; it is still locked. */
  PAGE_CLEAN
}
