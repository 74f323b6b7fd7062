package org.aopcheck.core.contract;

/** What a method does to its page, from the verb annotations of the contract vocabulary. */
public enum PageVerb {
  /** {@code @Locks}: {@code lock_page}. */
  LOCK,
  /** {@code @Unlocks}: {@code unlock_page}. */
  UNLOCK,
  /** {@code @Releases}: {@code page_cache_release}, or handing the reference to the LRU. */
  RELEASE,
  /** {@code @Redirties}: {@code set_page_dirty}, {@code redirty_page_for_writepage}. */
  REDIRTY,
  /** {@code @TakesOver}: takes the locked page together with the duty to unlock it. */
  TAKE_OVER
}
