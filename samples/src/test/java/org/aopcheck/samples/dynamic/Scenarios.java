package org.aopcheck.samples.dynamic;

import org.aopcheck.vm.AddressSpace;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.ProtocolViolation;
import org.aopcheck.vm.enforce.Lockdep;

/** What every cross-check scenario does: run a form, then check the page cache is quiescent. */
public final class Scenarios {
  private Scenarios() {}

  /**
   * Runs {@code body}, recording the failure it stops with, if any. Each scenario starts from a
   * fresh lockdep, as after a reboot: a buggy form that left a page locked or took locks in the
   * wrong order must not be held against the next scenario on this thread.
   */
  public static RunResult run(ThrowingRunnable body) {
    RunResult result = new RunResult();
    Lockdep.reset();
    try {
      body.run(result);
    } catch (Throwable thrown) {
      result.stoppedBy(thrown);
    } finally {
      Lockdep.reset();
    }
    return result;
  }

  /**
   * Checks that, with every caller returned, no page of {@code mapping} is locked and each holds
   * only the page cache's own reference.
   */
  public static void checkQuiescent(AddressSpace mapping, RunResult result) {
    for (Page page : mapping.pagesSnapshot()) {
      if (page.isLocked()) {
        result.fail(RunTimeFailure.PAGE_LEFT_LOCKED, page + " is still locked");
      }
      if (page.referenceCount() > 1) {
        result.fail(RunTimeFailure.LEAKED_REFERENCE, page + " holds a reference nobody owns");
      }
    }
  }

  /**
   * Checks that every page of {@code mapping}'s page cache is on its LRU lists, as the reference
   * VM's stress test does at rest: a cached page off the LRU is one reclaim can never find ({@code
   * CACHED_PAGE_NOT_ON_LRU}, KERNEL-CASES K01).
   */
  public static void checkOnLru(AddressSpace mapping, RunResult result) {
    for (Page page : mapping.pagesSnapshot()) {
      if (!mapping.lru().contains(page)) {
        result.violated(
            new ProtocolViolation(
                ProtocolViolation.Rule.CACHED_PAGE_NOT_ON_LRU,
                page + " is cached but not on the LRU"));
      }
    }
  }

  /**
   * Puts a dirty, uptodate, unlocked page at {@code index} in {@code mapping}, holding only the
   * cache's reference, as a write that has finished leaves it.
   */
  public static Page dirtyPage(AddressSpace mapping, long index, byte fill) {
    Page page = mapping.findOrCreateLocked(index);
    java.util.Arrays.fill(page.data(), fill);
    page.setUptodate();
    page.setDirty();
    page.unlock();
    page.release();
    return page;
  }

  /** A scenario body; it may record failures it checks for after the form returned. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    void run(RunResult result) throws Exception;
  }
}
