package org.aopcheck.samples.dynamic;

import static org.aopcheck.samples.dynamic.VariantCrossCheck.shapes;

import java.util.Arrays;
import java.util.List;
import org.aopcheck.samples.cases.k04.WriteCachePagesFixed;
import org.aopcheck.samples.cases.k09.PageEncryption;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.samples.variants.activateaserror.ActivateAsErrorBuggy;
import org.aopcheck.samples.variants.activateaserror.ActivateAsErrorFixed;
import org.aopcheck.samples.variants.activateleftlocked.ActivateLeftLockedBuggy;
import org.aopcheck.samples.variants.activateleftlocked.ActivateLeftLockedFixed;
import org.aopcheck.samples.variants.activatenotredirtied.ActivateNotRedirtiedBuggy;
import org.aopcheck.samples.variants.activatenotredirtied.ActivateNotRedirtiedFixed;
import org.aopcheck.samples.variants.activatepassedup.ActivatePassedUpBuggy;
import org.aopcheck.samples.variants.activatepassedup.ActivatePassedUpFixed;
import org.aopcheck.samples.variants.errorunlockedagain.ErrorUnlockedAgainBuggy;
import org.aopcheck.samples.variants.errorunlockedagain.ErrorUnlockedAgainFixed;
import org.aopcheck.samples.variants.implementationlocked.ImplementationLockedBuggy;
import org.aopcheck.samples.variants.implementationlocked.ImplementationLockedFixed;
import org.aopcheck.samples.variants.truncatedasresult.TruncatedAsResultBuggy;
import org.aopcheck.samples.variants.truncatedasresult.TruncatedAsResultFixed;
import org.aopcheck.samples.variants.truncatedpageused.TruncatedPageUsedBuggy;
import org.aopcheck.samples.variants.truncatedpageused.TruncatedPageUsedFixed;
import org.aopcheck.samples.variants.truncatedunlockedagain.TruncatedUnlockedAgainBuggy;
import org.aopcheck.samples.variants.truncatedunlockedagain.TruncatedUnlockedAgainFixed;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/** The cross-checks of the variant kinds, one scenario per kind run over its five shapes. */
final class VariantCrossChecks {
  /** A caller shape: works on the page at {@code index} of {@code file}. */
  @FunctionalInterface
  interface CallerShape {
    int run(OpenFile file, long index);
  }

  /** An implementation shape that encrypts (K09 kind). */
  @FunctionalInterface
  interface EncryptingWritepage {
    int writepage(Page page, WritebackControl writebackControl, PageEncryption encryption);
  }

  /** An implementation shape that defers under congestion (K18 kind). */
  @FunctionalInterface
  interface DeferringWritepage {
    int writepage(Page page, WritebackControl writebackControl, boolean congested);
  }

  private VariantCrossChecks() {}

  static List<CrossCheck> all() {
    return List.of(
        truncatedUnlockedAgain(),
        truncatedAsResult(),
        activatePassedUp(),
        errorUnlockedAgain(),
        implementationLocked(),
        activateNotRedirtied(),
        truncatedPageUsed(),
        activateAsError(),
        activateLeftLocked());
  }

  private static CrossCheck truncatedUnlockedAgain() {
    return new VariantCrossCheck<CallerShape>(
        "truncatedunlockedagain",
        RunTimeFailure.DOUBLE_UNLOCK,
        "prepare_write returns AOP_TRUNCATED_PAGE once for page 0: no second unlock, and the"
            + " write of page 0 goes through",
        shape ->
            callerScenario(
                shape,
                new ScriptedFilesystem()
                    .script(Operation.PREPARE_WRITE, 0, AopCodes.AOP_TRUNCATED_PAGE),
                false),
        shapes(
            TruncatedUnlockedAgainBuggy::behindHelper,
            TruncatedUnlockedAgainBuggy::throughFlag,
            TruncatedUnlockedAgainBuggy::inSwitch,
            retryingTruncated(TruncatedUnlockedAgainBuggy::withEarlyReturn),
            TruncatedUnlockedAgainBuggy::inLoopWithContinue),
        shapes(
            TruncatedUnlockedAgainFixed::behindHelper,
            TruncatedUnlockedAgainFixed::throughFlag,
            TruncatedUnlockedAgainFixed::inSwitch,
            retryingTruncated(TruncatedUnlockedAgainFixed::withEarlyReturn),
            TruncatedUnlockedAgainFixed::inLoopWithContinue));
  }

  private static CrossCheck truncatedAsResult() {
    return new VariantCrossCheck<CallerShape>(
        "truncatedasresult",
        RunTimeFailure.BOGUS_ERROR_RETURNED,
        "readpage returns AOP_TRUNCATED_PAGE once for page 0: the read must succeed",
        shape ->
            callerScenario(
                shape,
                new ScriptedFilesystem().script(Operation.READPAGE, 0, AopCodes.AOP_TRUNCATED_PAGE),
                false),
        shapes(
            TruncatedAsResultBuggy::behindHelper,
            TruncatedAsResultBuggy::throughFlag,
            TruncatedAsResultBuggy::inSwitch,
            TruncatedAsResultBuggy::withEarlyReturn,
            TruncatedAsResultBuggy::inLoopWithContinue),
        shapes(
            TruncatedAsResultFixed::behindHelper,
            TruncatedAsResultFixed::throughFlag,
            TruncatedAsResultFixed::inSwitch,
            TruncatedAsResultFixed::withEarlyReturn,
            TruncatedAsResultFixed::inLoopWithContinue));
  }

  private static CrossCheck activatePassedUp() {
    return new VariantCrossCheck<CallerShape>(
        "activatepassedup",
        RunTimeFailure.BOGUS_ERROR_RETURNED,
        "writepage returns AOP_WRITEPAGE_ACTIVATE for dirty pages 0 and 1: the result must be 0",
        shape ->
            callerScenario(
                shape,
                new ScriptedFilesystem()
                    .script(Operation.WRITEPAGE, 0, AopCodes.AOP_WRITEPAGE_ACTIVATE)
                    .script(Operation.WRITEPAGE, 1, AopCodes.AOP_WRITEPAGE_ACTIVATE),
                true),
        shapes(
            ActivatePassedUpBuggy::behindHelper,
            ActivatePassedUpBuggy::throughFlag,
            ActivatePassedUpBuggy::inSwitch,
            ActivatePassedUpBuggy::withEarlyReturn,
            ActivatePassedUpBuggy::inLoopWithContinue),
        shapes(
            ActivatePassedUpFixed::behindHelper,
            ActivatePassedUpFixed::throughFlag,
            ActivatePassedUpFixed::inSwitch,
            ActivatePassedUpFixed::withEarlyReturn,
            ActivatePassedUpFixed::inLoopWithContinue));
  }

  private static CrossCheck errorUnlockedAgain() {
    return new VariantCrossCheck<CallerShape>(
        "errorunlockedagain",
        RunTimeFailure.DOUBLE_UNLOCK,
        "writepage fails with -EIO for dirty page 0: no second unlock",
        shape -> {
          RunResult result =
              callerScenario(
                  shape, new ScriptedFilesystem().script(Operation.WRITEPAGE, 0, -Errno.EIO), true);
          // The genuine -EIO may be passed on; only the page's treatment is judged here.
          return withoutFailure(result, RunTimeFailure.BOGUS_ERROR_RETURNED);
        },
        shapes(
            ErrorUnlockedAgainBuggy::behindHelper,
            ErrorUnlockedAgainBuggy::throughFlag,
            ErrorUnlockedAgainBuggy::inSwitch,
            ErrorUnlockedAgainBuggy::withEarlyReturn,
            ErrorUnlockedAgainBuggy::inLoopWithContinue),
        shapes(
            ErrorUnlockedAgainFixed::behindHelper,
            ErrorUnlockedAgainFixed::throughFlag,
            ErrorUnlockedAgainFixed::inSwitch,
            ErrorUnlockedAgainFixed::withEarlyReturn,
            ErrorUnlockedAgainFixed::inLoopWithContinue));
  }

  private static CrossCheck implementationLocked() {
    return new VariantCrossCheck<EncryptingWritepage>(
        "implementationlocked",
        RunTimeFailure.WRONG_LOCK_STATE,
        "writeback of page 0 whose encryption fails with -ENOMEM: the page must end unlocked",
        shape ->
            Scenarios.run(
                result -> {
                  PageEncryption failing = page -> -Errno.ENOMEM;
                  Inode inode =
                      new Inode(
                          new EnforcingOperations(
                              new MemoryFilesystem() {
                                @Override
                                public int writepage(Page page, WritebackControl writebackControl) {
                                  return shape.writepage(page, writebackControl, failing);
                                }
                              }));
                  Scenarios.dirtyPage(inode.mapping(), 0, (byte) 4);
                  WriteCachePagesFixed.writeCachePages(inode.mapping(), new WritebackControl());
                  Scenarios.checkQuiescent(inode.mapping(), result);
                }),
        shapes(
            ImplementationLockedBuggy::behindHelper,
            ImplementationLockedBuggy::throughFlag,
            ImplementationLockedBuggy::inSwitch,
            ImplementationLockedBuggy::withEarlyReturn,
            ImplementationLockedBuggy::inLoopWithContinue),
        shapes(
            ImplementationLockedFixed::behindHelper,
            ImplementationLockedFixed::throughFlag,
            ImplementationLockedFixed::inSwitch,
            ImplementationLockedFixed::withEarlyReturn,
            ImplementationLockedFixed::inLoopWithContinue));
  }

  private static CrossCheck activateNotRedirtied() {
    return new VariantCrossCheck<DeferringWritepage>(
        "activatenotredirtied",
        RunTimeFailure.LOST_WRITE,
        "reclaim writes page 0 while the server is congested: the deferred page must stay dirty",
        shape ->
            Scenarios.run(
                result -> {
                  Inode inode =
                      new Inode(
                          new EnforcingOperations(
                              new MemoryFilesystem() {
                                @Override
                                public int writepage(Page page, WritebackControl writebackControl) {
                                  return shape.writepage(page, writebackControl, true);
                                }
                              }));
                  Scenarios.dirtyPage(inode.mapping(), 0, (byte) 6);
                  WritebackControl reclaim = new WritebackControl();
                  reclaim.forReclaim = true;
                  // pageout: lock, clean, write; on ACTIVATE reclaim activates and unlocks.
                  Page page = inode.mapping().findLock(0);
                  page.clearDirtyForIo();
                  int ret = inode.mapping().operations().writepage(page, reclaim);
                  if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
                    page.setActive();
                    page.unlock();
                  }
                  if (!page.isDirty()) {
                    result.fail(RunTimeFailure.LOST_WRITE, page + " deferred but clean");
                  }
                  page.release();
                  Scenarios.checkQuiescent(inode.mapping(), result);
                }),
        shapes(
            ActivateNotRedirtiedBuggy::behindHelper,
            ActivateNotRedirtiedBuggy::throughFlag,
            ActivateNotRedirtiedBuggy::inSwitch,
            ActivateNotRedirtiedBuggy::withEarlyReturn,
            ActivateNotRedirtiedBuggy::inLoopWithContinue),
        shapes(
            ActivateNotRedirtiedFixed::behindHelper,
            ActivateNotRedirtiedFixed::throughFlag,
            ActivateNotRedirtiedFixed::inSwitch,
            ActivateNotRedirtiedFixed::withEarlyReturn,
            ActivateNotRedirtiedFixed::inLoopWithContinue));
  }

  private static CrossCheck truncatedPageUsed() {
    return new VariantCrossCheck<CallerShape>(
        "truncatedpageused",
        RunTimeFailure.LOST_WRITE,
        "prepare_write returns AOP_TRUNCATED_PAGE once for page 0, which was invalidated while its"
            + " lock was dropped: the write must reach the page that is in the cache",
        shape ->
            Scenarios.run(
                result -> {
                  Inode inode =
                      new Inode(
                          new ScriptedFilesystem()
                              .script(Operation.PREPARE_WRITE, 0, AopCodes.AOP_TRUNCATED_PAGE)
                              .invalidatingTruncatedPages());
                  int ret = shape.run(new OpenFile(inode), 0);
                  if (ret != 0) {
                    result.fail(RunTimeFailure.BOGUS_ERROR_RETURNED, "returned " + ret);
                  }
                  Page cached = inode.mapping().findGet(0);
                  if (cached == null) {
                    result.fail(
                        RunTimeFailure.LOST_WRITE,
                        "page 0 is not in the page cache: the write went to the invalidated page");
                  } else {
                    byte[] written = Arrays.copyOf(cached.data(), 100);
                    byte[] expected = new byte[100];
                    // Both twins write the same byte.
                    Arrays.fill(expected, TruncatedPageUsedFixed.DATA);
                    if (!Arrays.equals(written, expected) || !cached.isDirty()) {
                      result.fail(
                          RunTimeFailure.LOST_WRITE,
                          cached + " in the cache does not hold the write, or is clean");
                    }
                    cached.release();
                  }
                  Scenarios.checkQuiescent(inode.mapping(), result);
                }),
        shapes(
            TruncatedPageUsedBuggy::behindHelper,
            TruncatedPageUsedBuggy::throughFlag,
            TruncatedPageUsedBuggy::inSwitch,
            retryingTruncated(TruncatedPageUsedBuggy::withEarlyReturn),
            TruncatedPageUsedBuggy::inLoopWithContinue),
        shapes(
            TruncatedPageUsedFixed::behindHelper,
            TruncatedPageUsedFixed::throughFlag,
            TruncatedPageUsedFixed::inSwitch,
            retryingTruncated(TruncatedPageUsedFixed::withEarlyReturn),
            TruncatedPageUsedFixed::inLoopWithContinue));
  }

  private static CrossCheck activateAsError() {
    return new VariantCrossCheck<CallerShape>(
        "activateaserror",
        RunTimeFailure.BOGUS_ERROR_RETURNED,
        "writepage returns AOP_WRITEPAGE_ACTIVATE for dirty pages 0 and 1: the next fsync must"
            + " not report an error",
        shape -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem()
                  .script(Operation.WRITEPAGE, 0, AopCodes.AOP_WRITEPAGE_ACTIVATE)
                  .script(Operation.WRITEPAGE, 1, AopCodes.AOP_WRITEPAGE_ACTIVATE);
          return Scenarios.run(
              result -> {
                Inode inode = new Inode(filesystem);
                Scenarios.dirtyPage(inode.mapping(), 0, (byte) 1);
                Scenarios.dirtyPage(inode.mapping(), 1, (byte) 2);
                int ret = shape.run(new OpenFile(inode), 0);
                if (ret != 0) {
                  result.fail(RunTimeFailure.BOGUS_ERROR_RETURNED, "returned " + ret);
                }
                int fsyncResult = inode.mapping().takeError();
                if (fsyncResult != 0) {
                  result.fail(
                      RunTimeFailure.BOGUS_ERROR_RETURNED,
                      "fsync would return " + fsyncResult + " though nothing failed");
                }
                Scenarios.checkQuiescent(inode.mapping(), result);
              });
        },
        shapes(
            ActivateAsErrorBuggy::behindHelper,
            ActivateAsErrorBuggy::throughFlag,
            ActivateAsErrorBuggy::inSwitch,
            ActivateAsErrorBuggy::withEarlyReturn,
            ActivateAsErrorBuggy::inLoopWithContinue),
        shapes(
            ActivateAsErrorFixed::behindHelper,
            ActivateAsErrorFixed::throughFlag,
            ActivateAsErrorFixed::inSwitch,
            ActivateAsErrorFixed::withEarlyReturn,
            ActivateAsErrorFixed::inLoopWithContinue));
  }

  private static CrossCheck activateLeftLocked() {
    return new VariantCrossCheck<CallerShape>(
        "activateleftlocked",
        RunTimeFailure.PAGE_LEFT_LOCKED,
        "writepage returns AOP_WRITEPAGE_ACTIVATE for dirty pages 0 and 1: no page may stay"
            + " locked",
        shape ->
            callerScenario(
                shape,
                new ScriptedFilesystem()
                    .script(Operation.WRITEPAGE, 0, AopCodes.AOP_WRITEPAGE_ACTIVATE)
                    .script(Operation.WRITEPAGE, 1, AopCodes.AOP_WRITEPAGE_ACTIVATE),
                true),
        shapes(
            ActivateLeftLockedBuggy::behindHelper,
            ActivateLeftLockedBuggy::throughFlag,
            ActivateLeftLockedBuggy::inSwitch,
            ActivateLeftLockedBuggy::withEarlyReturn,
            ActivateLeftLockedBuggy::inLoopWithContinue),
        shapes(
            ActivateLeftLockedFixed::behindHelper,
            ActivateLeftLockedFixed::throughFlag,
            ActivateLeftLockedFixed::inSwitch,
            ActivateLeftLockedFixed::withEarlyReturn,
            ActivateLeftLockedFixed::inLoopWithContinue));
  }

  /**
   * Runs a caller shape on page 0 of a file over {@code filesystem} (with dirty pages 0 and 1 if
   * {@code dirtyPages}); a non-zero result is a bogus error, as nothing really failed.
   */
  private static RunResult callerScenario(
      CallerShape shape, ScriptedFilesystem filesystem, boolean dirtyPages) {
    return Scenarios.run(
        result -> {
          Inode inode = new Inode(filesystem);
          if (dirtyPages) {
            Scenarios.dirtyPage(inode.mapping(), 0, (byte) 1);
            Scenarios.dirtyPage(inode.mapping(), 1, (byte) 2);
          }
          int ret = shape.run(new OpenFile(inode), 0);
          if (ret != 0) {
            result.fail(RunTimeFailure.BOGUS_ERROR_RETURNED, "returned " + ret);
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }

  /** A one-attempt shape that declares AOP_TRUNCATED_PAGE, run by a caller that retries. */
  private static CallerShape retryingTruncated(CallerShape oneAttempt) {
    return (file, index) -> {
      int ret;
      do {
        ret = oneAttempt.run(file, index);
      } while (ret == AopCodes.AOP_TRUNCATED_PAGE);
      return ret;
    };
  }

  private static RunResult withoutFailure(RunResult result, RunTimeFailure ignored) {
    RunResult filtered = new RunResult();
    for (String detail : result.details()) {
      if (!detail.startsWith(ignored + ":")) {
        filtered.note(detail);
      }
    }
    for (RunTimeFailure failure : result.failures()) {
      if (failure != ignored) {
        filtered.fail(failure, "see details");
      }
    }
    return filtered;
  }
}
