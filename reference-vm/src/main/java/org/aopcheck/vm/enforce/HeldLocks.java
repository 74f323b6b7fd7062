package org.aopcheck.vm.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The locks one thread holds now, as lockdep's {@code current->held_locks}. A page lock can be
 * dropped by another thread (I/O completion), so the set is concurrent and reachable from the lock.
 */
public final class HeldLocks {
  private final Thread thread;
  private final Map<Object, HeldLock> locks = new ConcurrentHashMap<>();

  HeldLocks(Thread thread) {
    this.thread = thread;
  }

  /** One held lock: its instance, its class, and a description for messages. */
  public record HeldLock(Object lock, LockClass lockClass, String description) {}

  public Thread thread() {
    return thread;
  }

  void add(Object lock, LockClass lockClass, String description) {
    locks.put(new Identity(lock), new HeldLock(lock, lockClass, description));
  }

  void remove(Object lock) {
    locks.remove(new Identity(lock));
  }

  /** Forgets every held lock not in {@code kept}: those of an operation that was aborted. */
  void forgetAllExcept(Set<Object> kept) {
    locks.values().removeIf(held -> !kept.contains(held.lock()));
  }

  boolean holds(Object lock) {
    return locks.containsKey(new Identity(lock));
  }

  /** The locks held now, in no particular order. */
  public List<HeldLock> snapshot() {
    return new ArrayList<>(locks.values());
  }

  @Override
  public String toString() {
    return "thread '" + thread.getName() + "'";
  }

  /** Identity key: locks are compared by instance, whatever their equals. */
  private record Identity(Object lock) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity identity && identity.lock == lock;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(lock);
    }
  }
}
