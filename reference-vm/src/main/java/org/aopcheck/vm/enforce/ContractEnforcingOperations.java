package org.aopcheck.vm.enforce;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.ProtocolViolation.Rule;
import org.aopcheck.vm.WritebackControl;

/**
 * Wraps a filesystem's operations and enforces both sides of the contract on every call, as the
 * kernel's {@code BUG_ON}s and lockdep would: the caller must hand the page over locked; the
 * implementation must return each outcome in the lock state the contract declares ({@link
 * ContractCheck}); and an operation must not keep returning AOP_TRUNCATED_PAGE for the same page
 * without waiting for anything, which would make its caller's retry loop spin forever.
 *
 * <p>Every {@link org.aopcheck.vm.AddressSpace} hands its callers this wrapper.
 */
public final class ContractEnforcingOperations implements AddressSpaceOperations {
  /**
   * How many AOP_TRUNCATED_PAGE results in a row, for one page and one thread, with no wait in
   * between, count as a livelock. A correct implementation waits before each one.
   */
  public static final int LIVELOCK_LIMIT = 200;

  private static final ThreadLocal<Map<RetryKey, Integer>> RETRIES =
      ThreadLocal.withInitial(HashMap::new);

  private static final Map<Outcome, AtomicLong> OUTCOMES = new EnumMap<>(Outcome.class);

  static {
    for (Outcome outcome : Outcome.values()) {
      OUTCOMES.put(outcome, new AtomicLong());
    }
  }

  private final AddressSpaceOperations implementation;

  /** How many calls, in this JVM, returned {@code outcome} (for stress reports). */
  public static long outcomesSeen(Outcome outcome) {
    return OUTCOMES.get(outcome).get();
  }

  public ContractEnforcingOperations(AddressSpaceOperations implementation) {
    this.implementation = implementation;
  }

  /** The filesystem's own operations, unchecked. */
  public AddressSpaceOperations implementation() {
    return implementation;
  }

  // The enforcement inspects the page and the result after the call (that is its job) and passes
  // the result through unchanged: it neither uses the page nor records the code as an error.
  @SuppressWarnings({"AopTruncatedPageUse", "AopTruncatedPageUnhandled"})
  @Override
  public int readpage(OpenFile file, Page page) {
    HeldLocks caller = before(OperationContract.READPAGE, page);
    long waits = WaitTracker.waits();
    RetryKey key = RetryKey.of(OperationContract.READPAGE, page);
    int result = implementation.readpage(file, page);
    after(OperationContract.READPAGE, page, result, caller, false, waits, key);
    return result;
  }

  // The enforcement inspects the page and the result after the call (that is its job) and passes
  // the result through unchanged: it neither uses the page nor records the code as an error.
  @SuppressWarnings({"AopTruncatedPageUse", "AopTruncatedPageUnhandled"})
  @Override
  public int prepareWrite(OpenFile file, Page page, int from, int to) {
    HeldLocks caller = before(OperationContract.PREPARE_WRITE, page);
    long waits = WaitTracker.waits();
    RetryKey key = RetryKey.of(OperationContract.PREPARE_WRITE, page);
    int result = implementation.prepareWrite(file, page, from, to);
    after(OperationContract.PREPARE_WRITE, page, result, caller, false, waits, key);
    return result;
  }

  // The enforcement inspects the page and the result after the call (that is its job) and passes
  // the result through unchanged: it neither uses the page nor records the code as an error.
  @SuppressWarnings({"AopTruncatedPageUse", "AopTruncatedPageUnhandled"})
  @Override
  public int commitWrite(OpenFile file, Page page, int from, int to) {
    HeldLocks caller = before(OperationContract.COMMIT_WRITE, page);
    long waits = WaitTracker.waits();
    RetryKey key = RetryKey.of(OperationContract.COMMIT_WRITE, page);
    int result = implementation.commitWrite(file, page, from, to);
    after(OperationContract.COMMIT_WRITE, page, result, caller, false, waits, key);
    return result;
  }

  // The enforcement inspects the page and the result after the call (that is its job) and passes
  // the result through unchanged: it neither uses the page nor records the code as an error.
  @SuppressWarnings({"AopTruncatedPageUse", "AopWritepageActivateUnhandled"})
  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    HeldLocks caller = before(OperationContract.WRITEPAGE, page);
    long waits = WaitTracker.waits();
    RetryKey key = RetryKey.of(OperationContract.WRITEPAGE, page);
    int result = implementation.writepage(page, writebackControl);
    after(
        OperationContract.WRITEPAGE, page, result, caller, writebackControl.forReclaim, waits, key);
    return result;
  }

  private static HeldLocks before(OperationContract contract, Page page) {
    HeldLocks caller = Lockdep.current();
    if (!page.isLockedBy(caller)) {
      throw new ProtocolViolation(
          Rule.OPERATION_ON_UNLOCKED_PAGE,
          contract.name() + " called on " + page + ", which the caller has not locked");
    }
    return caller;
  }

  private static void after(
      OperationContract contract,
      Page page,
      int result,
      HeldLocks caller,
      boolean forReclaim,
      long waitsBefore,
      RetryKey key) {
    OUTCOMES.get(Outcome.of(result)).incrementAndGet();
    List<ContractCheck.Finding> findings =
        ContractCheck.afterCall(contract, page, result, caller, forReclaim, false);
    if (!findings.isEmpty()) {
      ContractCheck.Finding first = findings.get(0);
      throw new ProtocolViolation(first.rule(), first.message());
    }
    Map<RetryKey, Integer> retries = RETRIES.get();
    if (result != AopCodes.AOP_TRUNCATED_PAGE || WaitTracker.waits() != waitsBefore) {
      retries.remove(key);
      if (retries.size() > 64) {
        retries.clear();
      }
      return;
    }
    int inARow = retries.merge(key, 1, Integer::sum);
    if (inARow >= LIVELOCK_LIMIT) {
      retries.remove(key);
      throw new ProtocolViolation(
          Rule.TRUNCATED_PAGE_LIVELOCK,
          contract.name()
              + " returned AOP_TRUNCATED_PAGE "
              + inARow
              + " times in a row for index "
              + page.index()
              + " ("
              + page
              + ") without waiting for anything: the caller's retry makes no progress; an"
              + " implementation must wait for what it could not take before returning it");
    }
  }

  /** One retried page of one operation, as seen by one thread. */
  private record RetryKey(String operation, Object mapping, long index) {
    static RetryKey of(OperationContract contract, Page page) {
      return new RetryKey(contract.name(), page.mapping(), page.index());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof RetryKey key
          && key.operation.equals(operation)
          && key.mapping == mapping
          && key.index == index;
    }

    @Override
    public int hashCode() {
      return operation.hashCode() * 31
          + System.identityHashCode(mapping) * 17
          + Long.hashCode(index);
    }
  }
}
