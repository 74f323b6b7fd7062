package org.aopcheck.vm.enforce;

import java.util.IdentityHashMap;

/**
 * The page references each thread has taken and not yet dropped or handed over. A reference taken
 * by {@code page_cache_alloc} or a lookup belongs to the thread; {@code page_cache_release} drops
 * it, and hand-overs (to the LRU batch) move it out. {@link VmOperation} compares the ledger before
 * and after an operation to name any page whose reference leaked.
 */
public final class ReferenceLedger {
  private static final ThreadLocal<IdentityHashMap<Object, Integer>> HELD =
      ThreadLocal.withInitial(IdentityHashMap::new);

  private ReferenceLedger() {}

  /** The calling thread took one reference to {@code page}. */
  public static void took(Object page) {
    HELD.get().merge(page, 1, Integer::sum);
  }

  /**
   * The calling thread dropped or handed over one reference to {@code page}. A reference the thread
   * did not take (one handed to it) is not in its ledger and is ignored.
   */
  public static void dropped(Object page) {
    IdentityHashMap<Object, Integer> held = HELD.get();
    held.computeIfPresent(page, (key, count) -> count == 1 ? null : count - 1);
  }

  /** A copy of the calling thread's ledger: page to references held. */
  public static IdentityHashMap<Object, Integer> snapshot() {
    return new IdentityHashMap<>(HELD.get());
  }
}
