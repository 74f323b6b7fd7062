package org.aopcheck.vm.enforce;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.aopcheck.vm.ProtocolViolation;

/**
 * Runs one VM operation (a read, a write, a fault, writeback, reclaim, ...) and checks that it
 * ended as every kernel entry point must: with no page still locked, no page reference it took
 * still held, and no filesystem lock still held. The check names the page and the operation.
 */
public final class VmOperation {
  private VmOperation() {}

  /**
   * Runs {@code body} as the operation {@code name} on the calling thread and checks its end state.
   *
   * @throws ProtocolViolation {@code PAGE_LEFT_LOCKED}, {@code PAGE_REFERENCE_LEAKED} or {@code
   *     LOCK_LEFT_HELD}
   */
  public static <T> T run(String name, Supplier<T> body) {
    IdentityHashMap<Object, Integer> referencesBefore = ReferenceLedger.snapshot();
    Set<Object> locksBefore = identitySet(Lockdep.current().snapshot());
    try {
      T result = body.get();
      checkEndState(name, referencesBefore, locksBefore);
      return result;
    } catch (RuntimeException | Error e) {
      // The operation was aborted, like a task killed by an oops: the locks it took are no longer
      // held by this thread for lock-order purposes, or every later operation on the thread would
      // be judged against them.
      Lockdep.current().forgetAllExcept(locksBefore);
      throw e;
    }
  }

  private static void checkEndState(
      String name, IdentityHashMap<Object, Integer> referencesBefore, Set<Object> locksBefore) {
    for (HeldLocks.HeldLock held : Lockdep.current().snapshot()) {
      if (locksBefore.contains(held.lock())) {
        continue;
      }
      if (held.lockClass() == Lockdep.PAGE_LOCK) {
        throw new ProtocolViolation(
            ProtocolViolation.Rule.PAGE_LEFT_LOCKED,
            name + " ended with " + held.description() + " still locked");
      }
      throw new ProtocolViolation(
          ProtocolViolation.Rule.LOCK_LEFT_HELD,
          name + " ended still holding the " + held.lockClass() + " of " + held.description());
    }
    for (Map.Entry<Object, Integer> entry : ReferenceLedger.snapshot().entrySet()) {
      int before = referencesBefore.getOrDefault(entry.getKey(), 0);
      if (entry.getValue() > before) {
        throw new ProtocolViolation(
            ProtocolViolation.Rule.PAGE_REFERENCE_LEAKED,
            name
                + " ended still holding "
                + (entry.getValue() - before)
                + " reference(s) it took to "
                + entry.getKey());
      }
    }
  }

  /** {@link #run(String, Supplier)} for an operation without a result. */
  public static void run(String name, Runnable body) {
    run(
        name,
        () -> {
          body.run();
          return null;
        });
  }

  private static Set<Object> identitySet(List<HeldLocks.HeldLock> locks) {
    Set<Object> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (HeldLocks.HeldLock held : locks) {
      set.add(held.lock());
    }
    return set;
  }
}
