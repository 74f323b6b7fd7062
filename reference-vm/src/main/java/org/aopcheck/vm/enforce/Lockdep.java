package org.aopcheck.vm.enforce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aopcheck.vm.ProtocolViolation;

/**
 * Lock-order validation in the style of the kernel's lockdep ({@code kernel/lockdep.c}, 2.6.18):
 * every blocking acquisition of a lock while other locks are held records an edge "held class → new
 * class"; an acquisition that would close a cycle in that graph is reported before the thread
 * blocks, so an inversion between the page lock and a filesystem lock is found the first time both
 * orders are seen, not when they finally deadlock. Try-locks add no edge (they cannot deadlock) but
 * the lock they take counts as held.
 *
 * <p>Edges between two locks of the same class (two page locks) are not recorded, as lockdep would
 * need a nesting annotation for them; the reference VM's callers take one page lock at a time.
 */
public final class Lockdep {
  /** The class of every page lock ({@code PG_locked}). */
  public static final LockClass PAGE_LOCK = new LockClass("page lock");

  private static final ThreadLocal<HeldLocks> HELD =
      ThreadLocal.withInitial(() -> new HeldLocks(Thread.currentThread()));

  /** For each recorded edge, where it was first seen (for the report). */
  private static final Map<LockClass, Map<LockClass, String>> EDGES = new HashMap<>();

  private Lockdep() {}

  /** The calling thread's held locks. */
  public static HeldLocks current() {
    return HELD.get();
  }

  /**
   * Called before a thread blocks to take {@code lock} of class {@code lockClass}: records the
   * order edges from every held lock's class and reports an inversion or a recursive lock.
   *
   * @throws ProtocolViolation {@code LOCK_ORDER_INVERSION} if a held class is reachable from {@code
   *     lockClass}; {@code RECURSIVE_PAGE_LOCK} if the thread already holds {@code lock}
   */
  public static void beforeBlockingAcquire(Object lock, LockClass lockClass, String description) {
    HeldLocks held = current();
    if (held.holds(lock) && lockClass == PAGE_LOCK) {
      throw new ProtocolViolation(
          ProtocolViolation.Rule.RECURSIVE_PAGE_LOCK,
          "lock_page of "
              + description
              + " already locked by this "
              + held
              + ": it would wait forever");
    }
    for (HeldLocks.HeldLock other : held.snapshot()) {
      if (other.lockClass() == lockClass) {
        continue;
      }
      addEdge(other, lockClass, description, held);
    }
  }

  private static void addEdge(
      HeldLocks.HeldLock from, LockClass to, String description, HeldLocks held) {
    synchronized (EDGES) {
      Map<LockClass, String> out =
          EDGES.computeIfAbsent(from.lockClass(), k -> new LinkedHashMap<>());
      if (out.containsKey(to)) {
        return;
      }
      List<LockClass> reverse = path(to, from.lockClass());
      if (reverse != null) {
        String seen = EDGES.get(reverse.get(0)).get(reverse.get(1));
        throw new ProtocolViolation(
            ProtocolViolation.Rule.LOCK_ORDER_INVERSION,
            held
                + " would block on the "
                + to
                + " of "
                + description
                + " while holding the "
                + from.lockClass()
                + " of "
                + from.description()
                + ", but the opposite order "
                + String.join(" -> ", reverse.stream().map(LockClass::name).toList())
                + " was taken before ("
                + seen
                + "): the two can deadlock");
      }
      out.put(
          to,
          "first by thread '"
              + held.thread().getName()
              + "' taking the "
              + to
              + " of "
              + description
              + " while holding the "
              + from.lockClass()
              + " of "
              + from.description());
    }
  }

  /** A path of edges from {@code start} to {@code goal}, or null; caller holds the graph lock. */
  private static List<LockClass> path(LockClass start, LockClass goal) {
    Map<LockClass, LockClass> parent = new HashMap<>();
    Deque<LockClass> queue = new ArrayDeque<>();
    queue.add(start);
    parent.put(start, start);
    while (!queue.isEmpty()) {
      LockClass node = queue.poll();
      if (node == goal) {
        List<LockClass> result = new ArrayList<>();
        for (LockClass at = goal; ; at = parent.get(at)) {
          result.add(0, at);
          if (at == start) {
            return result;
          }
        }
      }
      for (LockClass next : EDGES.getOrDefault(node, Map.of()).keySet()) {
        if (parent.putIfAbsent(next, node) == null) {
          queue.add(next);
        }
      }
    }
    return null;
  }

  /**
   * Forgets every recorded lock order and the locks the calling thread is recorded as holding, as a
   * reboot does for the kernel's lockdep. For tests that deliberately take locks in a wrong order,
   * or leave a page locked, with lock classes other tests share ({@code i_sem}, the page lock):
   * call it after such a test so that what it did does not poison the next.
   */
  public static void reset() {
    synchronized (EDGES) {
      EDGES.clear();
    }
    current().forgetAllExcept(java.util.Set.of());
  }

  /** Records that the calling thread now holds {@code lock}; returns its held set (the owner). */
  public static HeldLocks acquired(Object lock, LockClass lockClass, String description) {
    HeldLocks held = current();
    held.add(lock, lockClass, description);
    return held;
  }

  /** Records that {@code owner} no longer holds {@code lock} (whichever thread dropped it). */
  public static void released(Object lock, HeldLocks owner) {
    if (owner != null) {
      owner.remove(lock);
    }
  }
}
