package org.aopcheck.core.analysis;

import static org.aopcheck.core.analysis.Script.ACTIVATE;
import static org.aopcheck.core.analysis.Script.PREPARE_WRITE;
import static org.aopcheck.core.analysis.Script.READPAGE;
import static org.aopcheck.core.analysis.Script.TRUNCATED;
import static org.aopcheck.core.analysis.Script.WRITEPAGE;
import static org.aopcheck.core.analysis.Script.compare;
import static org.aopcheck.core.ir.ComparisonOperator.EQUAL;
import static org.aopcheck.core.ir.ComparisonOperator.GREATER;
import static org.aopcheck.core.ir.ComparisonOperator.LESS;
import static org.aopcheck.core.ir.ComparisonOperator.LESS_OR_EQUAL;
import static org.aopcheck.core.ir.ComparisonOperator.NOT_EQUAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.core.contract.MethodContract;
import org.aopcheck.core.contract.PageVerb;
import org.aopcheck.core.finding.Finding;
import org.aopcheck.core.finding.MessageKey;
import org.aopcheck.core.ir.Condition;
import org.aopcheck.core.ir.SinkKind;
import org.aopcheck.core.ir.Value;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of the engine on hand-built graphs, without a compiler. */
class PathAnalysisTest {

  /** "KEY@line" for each finding, in order found. */
  private static List<String> found(AnalysisResult result) {
    assertTrue(
        result.complete(), () -> "abandoned: " + result.abandoned().orElseThrow().describe());
    return result.findings().stream().map(f -> f.key() + "@" + f.position().line()).toList();
  }

  private static final Value UNKNOWN = new Value.Unknown();

  private static Value constant(long value) {
    return new Value.Constant(value);
  }

  @Nested
  class ResultIgnored {
    @Test
    void discardedReadpageResultIsReported() {
      Script s = Script.caller("f");
      s.lookUp(1, "p", true).call(2, null, "p", READPAGE).release(3, "p").ret(4, UNKNOWN);
      assertTrue(found(s.analyze()).contains("RESULT_IGNORED@2"));
    }

    /** One mistake, one finding: not also the page left locked on the ACTIVATE path. */
    @Test
    void discardedWritepageResultIsReportedAndNothingElse() {
      Script s = Script.caller();
      s.lookUp(1, "p", true).call(2, null, "p", WRITEPAGE).release(3, "p").ret(4, UNKNOWN);
      assertEquals(List.of("RESULT_IGNORED@2"), found(s.analyze()));
    }

    /** Nor the unlock after TRUNCATED as a double unlock. */
    @Test
    void discardedPrepareWriteResultIsReportedAndNothingElse() {
      Script s = Script.caller("f");
      s.lookUp(1, "p", true)
          .call(2, null, "p", PREPARE_WRITE)
          .unlock(3, "p")
          .release(4, "p")
          .ret(5, UNKNOWN);
      assertEquals(List.of("RESULT_IGNORED@2"), found(s.analyze()));
    }

    @Test
    void bestEffortMayDiscardIt() {
      Script s = new Script("readPages", MethodContract.builder().bestEffort(true).build(), null);
      s.assign(1, "p", UNKNOWN).call(2, null, "p", READPAGE).release(3, "p").ret(4, UNKNOWN);
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void resultOfAMethodWithoutCodesMayBeDiscarded() {
      MethodContract plain =
          Script.operation(
              "sync_page",
              Set.of(),
              org.aopcheck.annotations.PageState.LOCKED,
              org.aopcheck.annotations.PageState.LOCKED);
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, null, "p", plain)
          .unlock(3, "p")
          .release(4, "p")
          .ret(5, UNKNOWN);
      assertEquals(List.of(), found(s.analyze()));
    }
  }

  @Nested
  class TruncatedPageUnhandled {
    /** do_generic_mapping_read before the patch: any error goes to the read-error path. */
    @Test
    void genericReadBeforeThePatchStoresTheCode() {
      Script s = Script.caller("desc");
      s.lookUp(1, "p", false)
          .call(2, "error", "p", READPAGE)
          .ifGoto(3, compare("error", NOT_EQUAL, 0), "error != 0", "readpage_error")
          .release(4, "p")
          .ret(5, UNKNOWN)
          .label("readpage_error")
          .sink(6, "error", SinkKind.FIELD_STORE)
          .release(7, "p")
          .ret(8, UNKNOWN);
      AnalysisResult result = s.analyze();
      assertEquals(List.of("TRUNCATED_PAGE_SINK@6"), found(result));
      Finding finding = result.findings().get(0);
      assertTrue(finding.message().contains("readpage at line 2 returned AOP_TRUNCATED_PAGE"));
      assertTrue(finding.message().contains("`error != 0` at line 3 took it as an error"));
      assertFalse(finding.path().isEmpty());
    }

    /** do_generic_mapping_read after the patch: release and goto find_page. */
    @Test
    void genericReadAfterThePatchIsClean() {
      Script s = Script.caller("desc");
      s.label("find_page")
          .lookUp(1, "p", false)
          .call(2, "error", "p", READPAGE)
          .ifGoto(3, compare("error", NOT_EQUAL, 0), "error != 0", "failed")
          .release(4, "p")
          .ret(5, UNKNOWN)
          .label("failed")
          .ifGoto(6, compare("error", EQUAL, TRUNCATED), "error == AOP_TRUNCATED_PAGE", "truncated")
          .sink(7, "error", SinkKind.FIELD_STORE)
          .release(8, "p")
          .ret(9, UNKNOWN)
          .label("truncated")
          .release(10, "p")
          .jump("find_page");
      assertEquals(List.of(), found(s.analyze()));
    }

    /** page_cache_read before the patch: readpage's result is returned to the caller. */
    @Test
    void pageCacheReadBeforeThePatchReturnsTheCode() {
      Script s = Script.caller("file");
      s.assign(1, "p", UNKNOWN)
          .call(2, "err", "p", READPAGE)
          .release(3, "p")
          .returnVariable(4, "err");
      assertEquals(List.of("TRUNCATED_PAGE_RETURNED@4"), found(s.analyze()));
    }

    /** page_cache_read after the patch: do { ... } while (ret == AOP_TRUNCATED_PAGE). */
    @Test
    void pageCacheReadAfterThePatchLoopsToAFixedPoint() {
      Script s = Script.caller("file");
      s.label("top")
          .assign(1, "p", UNKNOWN)
          .call(2, "ret", "p", READPAGE)
          .release(3, "p")
          .ifGoto(4, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "top")
          .returnVariable(5, "ret");
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void declaredMayReturnAllowsPassingTheCodeUp() {
      MethodContract passesUp =
          MethodContract.builder().mayReturn(Set.of(AopCode.TRUNCATED_PAGE)).build();
      Script s = new Script("readHelper", passesUp, null, "p");
      s.call(1, "err", "p", READPAGE).returnVariable(2, "err");
      assertEquals(List.of(), found(s.analyze()));
    }

    /** K17: only err < 0 is tested; the code falls through as success and nobody retries. */
    @Test
    void lessThanZeroTakesItAsSuccessAndTheMethodGivesUp() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "err", "p", READPAGE)
          .ifGoto(3, compare("err", LESS, 0), "err < 0", "fail")
          .use(4, "p")
          .returnVariable(5, "p")
          .label("fail")
          .release(6, "p")
          .ret(7, UNKNOWN);
      // One stale-use finding per path: the fix (a new look-up) is the same for every use.
      assertEquals(
          List.of("TRUNCATED_PAGE_USED@4", "TRUNCATED_PAGE_NOT_RETRIED@3"), found(s.analyze()));
    }

    /** K10: a positive status taken as a byte count, then the page unlocked again. */
    @Test
    void commitWriteCodeCountedAsBytes() {
      MethodContract commitWrite =
          Script.operation(
              "commit_write",
              Set.of(AopCode.TRUNCATED_PAGE),
              org.aopcheck.annotations.PageState.LOCKED,
              org.aopcheck.annotations.PageState.LOCKED);
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "status", "p", commitWrite)
          .ifGoto(3, compare("status", LESS, 0), "status < 0", "error")
          .ifGoto(4, compare("status", GREATER, 0), "status > 0", "count")
          .label("unlock")
          .unlock(6, "p")
          .release(7, "p")
          .ret(8, UNKNOWN)
          .label("count")
          .sink(5, "status", SinkKind.ARGUMENT)
          .jump("unlock")
          .label("error")
          .unlock(9, "p")
          .release(10, "p")
          .ret(11, UNKNOWN);
      List<String> found = found(s.analyze());
      assertTrue(found.contains("TRUNCATED_PAGE_SINK@5"), found::toString);
      assertTrue(found.contains("DOUBLE_UNLOCK_AFTER_CALLEE@6"), found::toString);
    }

    @Test
    void bestEffortMayGiveThePageUp() {
      Script s = new Script("readPages", MethodContract.builder().bestEffort(true).build(), null);
      s.assign(1, "p", UNKNOWN)
          .call(2, "ret", "p", READPAGE)
          .ifGoto(3, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "keep")
          .release(4, "p")
          .ret(5, UNKNOWN)
          .label("keep")
          .release(6, "p")
          .ret(7, UNKNOWN);
      assertEquals(List.of(), found(s.analyze()));
    }
  }

  @Nested
  class Precision {
    @Test
    void resultTestedTwiceIsClean() {
      Script s = Script.caller();
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "err", "p", READPAGE)
          .ifGoto(3, compare("err", LESS, 0), "err < 0", "fail")
          .ifGoto(4, compare("err", EQUAL, TRUNCATED), "err == AOP_TRUNCATED_PAGE", "retry")
          .release(5, "p")
          .ret(6, constant(0))
          .label("retry")
          .release(7, "p")
          .jump("again")
          .label("fail")
          .release(8, "p")
          .returnVariable(9, "err");
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void booleanFlagDerivedFromTheResultPrunesLikeTheComparison() {
      Script s = Script.caller();
      Condition truncated = compare("ret", EQUAL, TRUNCATED);
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .assign(3, "truncated", new Value.Test(truncated, "ret == AOP_TRUNCATED_PAGE"))
          .ifGoto(4, new Condition.Flag("truncated", false), "truncated", "retry")
          .release(5, "p")
          .returnVariable(6, "ret")
          .label("retry")
          .release(7, "p")
          .jump("again");
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void flagThatMixesTheCodeWithErrorsIsReportedAtTheFlag() {
      Script s = Script.caller("desc");
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .assign(3, "failed", new Value.Test(compare("ret", NOT_EQUAL, 0), "ret != 0"))
          .ifGoto(4, new Condition.Flag("failed", true), "!failed", "done")
          .sink(5, "ret", SinkKind.FIELD_STORE)
          .label("done")
          .release(6, "p")
          .ret(7, UNKNOWN);
      AnalysisResult result = s.analyze();
      assertEquals(List.of("TRUNCATED_PAGE_SINK@5"), found(result));
      assertTrue(result.findings().get(0).message().contains("`ret != 0` at line 3"));
    }

    @Test
    void switchCaseOnTheCodeIsUnderstood() {
      Script s = Script.caller();
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .ifGoto(
              3,
              new Condition.OneOf("ret", Set.of((long) TRUNCATED), false),
              "case AOP_TRUNCATED_PAGE",
              "retry")
          .release(4, "p")
          .returnVariable(5, "ret")
          .label("retry")
          .release(6, "p")
          .jump("again");
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void reassignmentThroughALocalKeepsTheOrigin() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .assign(3, "saved", new Value.Variable("ret"))
          .release(4, "p")
          .returnVariable(5, "saved");
      assertEquals(List.of("TRUNCATED_PAGE_RETURNED@5"), found(s.analyze()));
    }

    @Test
    void overwritingTheResultWithAConstantClearsIt() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", WRITEPAGE)
          .ifGoto(3, compare("ret", NOT_EQUAL, ACTIVATE), "ret != AOP_WRITEPAGE_ACTIVATE", "done")
          .unlock(4, "p")
          .assign(5, "ret", constant(0))
          .label("done")
          .release(6, "p")
          .returnVariable(7, "ret");
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void compoundConditionsAreSplitLeftToRight() {
      Script s = Script.caller();
      Condition errorOrTruncated =
          new Condition.Or(compare("ret", LESS, 0), compare("ret", EQUAL, TRUNCATED));
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", PREPARE_WRITE)
          .ifGoto(3, errorOrTruncated, "ret < 0 || ret == AOP_TRUNCATED_PAGE", "failed")
          .sink(4, "ret", SinkKind.ARITHMETIC)
          .unlock(5, "p")
          .release(6, "p")
          .ret(7, UNKNOWN)
          .label("failed")
          .ifGoto(
              8,
              new Condition.And(compare("ret", NOT_EQUAL, TRUNCATED), new Condition.Unknown()),
              "ret != AOP_TRUNCATED_PAGE && x",
              "unlock")
          .ifGoto(9, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "unlock")
          .release(10, "p")
          .jump("again")
          .label("unlock")
          .unlock(11, "p")
          .release(12, "p")
          .returnVariable(13, "ret");
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void booleanConstantsAreFlags() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", PREPARE_WRITE)
          .assign(3, "unlock", new Value.Truth(true))
          .ifGoto(4, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "keep")
          .assign(5, "unlock", new Value.Truth(false))
          .label("keep")
          .ifGoto(6, new Condition.Flag("unlock", true), "!unlock", "done")
          .unlock(7, "p")
          .label("done")
          .release(8, "p")
          .ret(9, constant(0));
      // The truncated path gives up (reported), but never unlocks again.
      assertEquals(List.of("TRUNCATED_PAGE_NOT_RETRIED@2"), found(s.analyze()));
    }

    /** `continue` in do { } while (count > 0): the loop's test is about other data. */
    @Test
    void goingRoundADoWhileLoopIsTheRetry() {
      Script s = Script.caller();
      s.label("body")
          .lookUp(1, "p", true)
          .call(2, "status", "p", PREPARE_WRITE)
          .ifGoto(
              3, compare("status", EQUAL, TRUNCATED), "status == AOP_TRUNCATED_PAGE", "truncated")
          .unlock(4, "p")
          .release(5, "p")
          .assign(6, "count", UNKNOWN)
          .label("condition")
          .ifGoto(7, compare("count", GREATER, 0), "count > 0", "body")
          .returnVariable(8, "status")
          .label("truncated")
          .release(9, "p")
          .jump("condition");
      assertEquals(List.of(), found(s.analyze()));
    }

    /** The same with the test at the top: while (count > 0) { ... continue; ... }. */
    @Test
    void goingRoundAWhileLoopIsTheRetry() {
      Script s = Script.caller();
      s.label("head")
          .ifGoto(1, compare("count", LESS_OR_EQUAL, 0), "count <= 0", "out")
          .lookUp(2, "p", true)
          .call(3, "status", "p", PREPARE_WRITE)
          .ifGoto(
              4, compare("status", EQUAL, TRUNCATED), "status == AOP_TRUNCATED_PAGE", "truncated")
          .unlock(5, "p")
          .release(6, "p")
          .assign(7, "count", UNKNOWN)
          .jump("head")
          .label("truncated")
          .release(8, "p")
          .jump("head")
          .label("out")
          .ret(9, constant(0));
      assertEquals(List.of(), found(s.analyze()));
    }

    /** Leaving the loop on the code itself is not a retry. */
    @Test
    void leavingTheLoopOnTheCodeIsReported() {
      Script s = Script.caller();
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .release(3, "p")
          .ifGoto(4, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "again")
          .ret(5, constant(0));
      assertEquals(List.of("TRUNCATED_PAGE_NOT_RETRIED@2"), found(s.analyze()));
    }

    @Test
    void aBoundOnStatesAbandonsTheMethodAndSaysWhere() {
      Script s = Script.caller();
      s.lookUp(1, "p", true).call(2, "ret", "p", READPAGE).unlock(3, "p").ret(4, UNKNOWN);
      AnalysisResult result = PathAnalysis.analyze(s.build(), new AnalysisOptions(2));
      assertFalse(result.complete());
      AnalysisResult.Abandonment abandonment = result.abandoned().orElseThrow();
      assertEquals(3, abandonment.position().line());
      assertEquals(2, abandonment.maxStatesPerPoint());
      assertEquals("more than 2 states at line 3", abandonment.describe());
    }

    /** What was found before the bound was hit is kept: the complete analysis finds it too. */
    @Test
    void anAbandonedMethodKeepsTheFindingsMadeBefore() {
      Script s = Script.caller();
      s.lookUp(1, "p", false)
          .unlock(2, "p")
          .lookUp(3, "q", true)
          .call(4, "ret", "q", READPAGE)
          .unlock(5, "q")
          .ret(6, UNKNOWN);
      AnalysisResult result = PathAnalysis.analyze(s.build(), new AnalysisOptions(2));
      assertFalse(result.complete());
      assertEquals(
          List.of("DOUBLE_UNLOCK_AFTER_UNLOCK@2"),
          result.findings().stream().map(f -> f.key() + "@" + f.position().line()).toList());
    }
  }

  @Nested
  class DoubleUnlock {
    /** L2: "any non-zero result means the page is still locked". */
    @Test
    void unlockAfterAWritepageError() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", WRITEPAGE)
          .ifGoto(3, compare("ret", EQUAL, 0), "ret == 0", "done")
          .unlock(4, "p")
          .label("done")
          .release(5, "p")
          .ret(6, constant(0));
      AnalysisResult result = s.analyze();
      assertEquals(List.of("DOUBLE_UNLOCK_AFTER_CALLEE@4"), found(result));
      assertTrue(
          result
              .findings()
              .get(0)
              .message()
              .startsWith(
                  "page `p` unlocked again at line 4, but writepage at line 2 returned a negative"
                      + " error and had already unlocked it"),
          result.findings().get(0)::message);
    }

    @Test
    void unlockOnlyOnActivateIsClean() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", WRITEPAGE)
          .ifGoto(3, compare("ret", NOT_EQUAL, ACTIVATE), "ret != AOP_WRITEPAGE_ACTIVATE", "done")
          .unlock(4, "p")
          .assign(5, "ret", constant(0))
          .label("done")
          .release(6, "p")
          .ret(7, constant(0));
      assertEquals(List.of(), found(s.analyze()));
    }

    /** K11: prepare_write's non-zero result unlocks, which is wrong for AOP_TRUNCATED_PAGE. */
    @Test
    void unlockAfterTruncatedPrepareWrite() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", PREPARE_WRITE)
          .ifGoto(3, compare("ret", EQUAL, 0), "ret == 0", "ok")
          .unlock(4, "p")
          .release(5, "p")
          .returnVariable(6, "ret")
          .label("ok")
          .sink(7, "p", SinkKind.FIELD_STORE)
          .returnVariable(8, "ret");
      List<String> found = found(s.analyze());
      assertEquals(List.of("DOUBLE_UNLOCK_AFTER_CALLEE@4", "TRUNCATED_PAGE_RETURNED@6"), found);
    }

    @Test
    void unlockingAPageLookedUpUnlocked() {
      Script s = Script.caller();
      s.lookUp(1, "p", false).unlock(2, "p").release(3, "p").ret(4, UNKNOWN);
      assertEquals(List.of("DOUBLE_UNLOCK_AFTER_UNLOCK@2"), found(s.analyze()));
    }
  }

  @Nested
  class PageLeftLocked {
    /** K08: a helper that releases its page returns on ACTIVATE with the page still locked. */
    @Test
    void helperReturnsOnActivateWithThePageLocked() {
      MethodContract releases =
          MethodContract.builder().verb(PageVerb.RELEASE).pageParameter(0).build();
      Script s = new Script("writepageAndRelease", releases, "lower", "lower");
      s.call(1, "rc", "lower", WRITEPAGE)
          .ifGoto(2, compare("rc", NOT_EQUAL, 0), "rc != 0", "failed")
          .release(3, "lower")
          .ret(4, constant(0))
          .label("failed")
          .returnVariable(5, "rc");
      assertEquals(
          List.of("WRITEPAGE_ACTIVATE_RETURNED@5", "PAGE_LEFT_LOCKED@5"), found(s.analyze()));
    }

    @Test
    void prepareWriteErrorLeftLocked() {
      Script s = Script.caller();
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", PREPARE_WRITE)
          .ifGoto(3, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "retry")
          .release(4, "p")
          .returnVariable(5, "ret")
          .label("retry")
          .release(6, "p")
          .jump("again");
      List<String> found = found(s.analyze());
      assertEquals(List.of("PAGE_LEFT_LOCKED@5"), found);
    }

    @Test
    void takenOverPageIsNotLeftLocked() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", WRITEPAGE)
          .ifGoto(3, compare("ret", NOT_EQUAL, ACTIVATE), "ret != AOP_WRITEPAGE_ACTIVATE", "done")
          .effect(4, "p", PageVerb.TAKE_OVER)
          .label("done")
          .release(5, "p")
          .ret(6, constant(0));
      assertEquals(List.of(), found(s.analyze()));
    }
  }

  @Nested
  class TruncatedPageLeakAndUse {
    @Test
    void retryWithoutReleasingLeaksTheReference() {
      Script s = Script.caller();
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .ifGoto(3, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "again")
          .release(4, "p")
          .returnVariable(5, "ret");
      assertEquals(List.of("TRUNCATED_PAGE_NOT_RELEASED@1"), found(s.analyze()));
    }

    @Test
    void releasingTwiceIsReported() {
      Script s = Script.caller();
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .ifGoto(3, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "done")
          .release(4, "p")
          .label("done")
          .release(5, "p")
          .ifGoto(6, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "again")
          .returnVariable(7, "ret");
      assertEquals(List.of("TRUNCATED_PAGE_RELEASED_TWICE@5"), found(s.analyze()));
    }

    @Test
    void lockingTheStalePageIsAUse() {
      Script s = Script.caller();
      s.label("again")
          .lookUp(1, "p", false)
          .call(2, "ret", "p", READPAGE)
          .effect(3, "p", PageVerb.LOCK)
          .unlock(4, "p")
          .release(5, "p")
          .ifGoto(6, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "again")
          .returnVariable(7, "ret");
      assertEquals(List.of("TRUNCATED_PAGE_USED@3"), found(s.analyze()));
    }
  }

  @Nested
  class Implementation {
    private Script writepage() {
      return new Script("writepage", WRITEPAGE, "p", "p", "wbc");
    }

    /** K09: an error returned with the page still locked. */
    @Test
    void errorReturnedStillLocked() {
      Script s = writepage();
      s.assign(1, "rc", UNKNOWN)
          .ifGoto(2, compare("rc", NOT_EQUAL, 0), "rc != 0", "failed")
          .unlock(3, "p")
          .ret(4, constant(0))
          .label("failed")
          .returnVariable(5, "rc");
      assertEquals(List.of("IMPLEMENTATION_STILL_LOCKED@5"), found(s.analyze()));
    }

    @Test
    void errorReturnedAfterUnlockingIsClean() {
      Script s = writepage();
      s.assign(1, "rc", UNKNOWN).unlock(2, "p").returnVariable(3, "rc");
      assertEquals(List.of(), found(s.analyze()));
    }

    /** K18: ACTIVATE without redirtying. */
    @Test
    void activateWithoutRedirty() {
      Script s = writepage();
      s.ret(1, constant(ACTIVATE));
      assertEquals(List.of("WRITEPAGE_ACTIVATE_NOT_REDIRTIED@1"), found(s.analyze()));
    }

    @Test
    void activateAfterRedirtyIsClean() {
      Script s = writepage();
      s.effect(1, "p", PageVerb.REDIRTY).ret(2, constant(ACTIVATE));
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void activateAfterUnlockingIsTheWrongLockState() {
      Script s = writepage();
      s.effect(1, "p", PageVerb.REDIRTY).unlock(2, "p").ret(3, constant(ACTIVATE));
      assertEquals(List.of("IMPLEMENTATION_UNLOCKED@3"), found(s.analyze()));
    }

    /** K14: a readpage relocking its page before returning an error. */
    @Test
    void readpageRelockingOnError() {
      Script s = new Script("readpage", READPAGE, "p", "p");
      s.unlock(1, "p")
          .assign(2, "err", UNKNOWN)
          .ifGoto(3, compare("err", EQUAL, 0), "err == 0", "out")
          .ifGoto(4, compare("err", EQUAL, TRUNCATED), "err == AOP_TRUNCATED_PAGE", "out")
          .effect(5, "p", PageVerb.LOCK)
          .label("out")
          .returnVariable(6, "err");
      assertEquals(List.of("IMPLEMENTATION_STILL_LOCKED@6"), found(s.analyze()));
    }

    @Test
    void undeclaredCodeReturnedAsAConstant() {
      Script s = new Script("readpage", READPAGE, "p", "p");
      s.unlock(1, "p").ret(2, constant(ACTIVATE));
      assertEquals(List.of("UNDECLARED_CODE@2"), found(s.analyze()));
    }

    @Test
    void declaredCodeReturnedAfterUnlockingIsClean() {
      Script s = new Script("readpage", READPAGE, "p", "p");
      s.unlock(1, "p").ret(2, constant(TRUNCATED));
      assertEquals(List.of(), found(s.analyze()));
    }

    @Test
    void truncatedStillLockedIsReported() {
      Script s = new Script("prepare_write", PREPARE_WRITE, "p", "p");
      s.ret(1, constant(TRUNCATED));
      assertEquals(List.of("IMPLEMENTATION_STILL_LOCKED@1"), found(s.analyze()));
    }
  }

  @Test
  void everyFindingRendersItsMessage() {
    Script s = Script.caller();
    s.lookUp(1, "p", true).call(2, null, "p", READPAGE).unlock(3, "p").ret(4, UNKNOWN);
    for (Finding finding : s.analyze().findings()) {
      assertFalse(finding.message().contains("%"), finding::message);
      assertEquals(finding.key().check(), finding.check());
    }
    assertTrue(s.analyze().findings().stream().anyMatch(f -> f.key() == MessageKey.RESULT_IGNORED));
  }

  /** A page copied to a second local is one page under two names. */
  @Nested
  class Aliases {
    /** {@code Pg p2 = page; ret = readpage(f, p2); if (TRUNCATED) { page.release(); retry; }}. */
    @Test
    void releasedThroughTheOtherNameIsReleased() {
      Script s = Script.caller("f");
      s.label("again")
          .lookUp(1, "page", true)
          .assign(2, "p2", new Value.Variable("page"))
          .call(3, "ret", "p2", READPAGE)
          .ifGoto(4, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "done")
          .release(5, "page")
          .jump("again")
          .label("done")
          .release(6, "page")
          .returnVariable(7, "ret");
      assertEquals(List.of(), found(s.analyze()));
    }

    /**
     * Not released under either name: one finding for the one page, where the last name that holds
     * it gets a new page (p2 is not used again).
     */
    @Test
    void notReleasedUnderEitherNameIsOneLeak() {
      Script s = Script.caller("f");
      s.label("again")
          .lookUp(1, "page", true)
          .assign(2, "p2", new Value.Variable("page"))
          .call(3, "ret", "p2", READPAGE)
          .ifGoto(4, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "done")
          .lookUp(5, "page", true)
          .release(6, "page")
          .ret(7, constant(0))
          .label("done")
          .release(8, "page")
          .returnVariable(9, "ret");
      assertEquals(List.of("TRUNCATED_PAGE_NOT_RELEASED@5"), found(s.analyze()));
    }

    /** What the callee did through one name is known through the other: a real double unlock. */
    @Test
    void unlockThroughTheOtherNameAfterTheCalleeUnlockedIt() {
      Script s = Script.caller("f");
      s.lookUp(1, "page", true)
          .assign(2, "p2", new Value.Variable("page"))
          .call(3, "ret", "p2", READPAGE)
          .ifGoto(4, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "truncated")
          .unlock(5, "page")
          .label("truncated")
          .release(6, "page")
          .ret(7, constant(0));
      assertTrue(found(s.analyze()).contains("DOUBLE_UNLOCK_AFTER_CALLEE@5"));
    }

    /** {@code page = cached; cached = null;} moves the page: it is followed in its new name. */
    @Test
    void aMoveKeepsThePageFollowed() {
      Script s = Script.caller("f");
      s.lookUp(1, "cached", true)
          .assign(2, "page", new Value.Variable("cached"))
          .assign(3, "cached", new Value.Null())
          .call(4, "ret", "page", READPAGE)
          .ifGoto(5, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "done")
          .ret(6, constant(0))
          .label("done")
          .release(7, "page")
          .returnVariable(8, "ret");
      List<String> findings = found(s.analyze());
      assertTrue(findings.contains("TRUNCATED_PAGE_NOT_RELEASED@6"), findings::toString);
    }

    /** A local copy of a parameter the method does not own holds the caller's page. */
    @Test
    void aCopyOfTheCallersPageIsNotOwned() {
      Script s = Script.caller("f", "param");
      s.assign(1, "p2", new Value.Variable("param"))
          .call(2, "ret", "p2", READPAGE)
          .returnVariable(3, "ret");
      assertEquals(List.of("TRUNCATED_PAGE_RETURNED@3"), found(s.analyze()));
    }

    /** Writing one name again ends the alias: the other still holds the page. */
    @Test
    void writingOneNameLeavesThePageWithTheOther() {
      Script s = Script.caller("f");
      s.label("again")
          .lookUp(1, "page", true)
          .assign(2, "p2", new Value.Variable("page"))
          .assign(3, "p2", new Value.Null())
          .call(4, "ret", "page", READPAGE)
          .ifGoto(5, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "done")
          .release(6, "page")
          .jump("again")
          .label("done")
          .release(7, "page")
          .returnVariable(8, "ret");
      assertEquals(List.of(), found(s.analyze()));
    }
  }

  /**
   * States that differ only in what no later event reads merge: the result of a call that was
   * tested and is never read again, a page no event touches again, a truncation nothing can retry
   * any more. Straight-line code with many calls then stays as small as with one.
   */
  @Nested
  class StateGrowth {
    /**
     * {@code Pg pageK = cache.findLock(k); int rK = ops.prepareWrite(f, pageK, 0, 1); if (rK ==
     * AOP_TRUNCATED_PAGE) { pageK.release(); } else { pageK.unlock(); pageK.release(); }}, {@code
     * calls} times in a row, each in its own variables and none retried; six lines per call.
     */
    private Script callsInARow(int calls) {
      Script s = Script.caller("f");
      for (int k = 0; k < calls; k++) {
        int line = 1 + 6 * k;
        String page = "page" + k;
        String result = "r" + k;
        s.lookUp(line, page, true)
            .call(line + 1, result, page, PREPARE_WRITE)
            .ifGoto(
                line + 2,
                compare(result, EQUAL, TRUNCATED),
                result + " == AOP_TRUNCATED_PAGE",
                "truncated" + k)
            .unlock(line + 3, page)
            .release(line + 4, page)
            .jump("next" + k)
            .label("truncated" + k)
            .release(line + 5, page)
            .label("next" + k);
      }
      return s.ret(1 + 6 * calls, UNKNOWN);
    }

    @Test
    void fiveCallsInARowGiveOneFindingEach() {
      AnalysisResult result = callsInARow(5).analyze();
      assertEquals(
          List.of(
              "TRUNCATED_PAGE_NOT_RETRIED@2",
              "TRUNCATED_PAGE_NOT_RETRIED@8",
              "TRUNCATED_PAGE_NOT_RETRIED@14",
              "TRUNCATED_PAGE_NOT_RETRIED@20",
              "TRUNCATED_PAGE_NOT_RETRIED@26"),
          found(result).stream()
              .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.split("@")[1])))
              .toList());
      // Each finding's path is the path of its own truncation, and ends at the exit it reaches.
      for (Finding finding : result.findings()) {
        int call = finding.position().line();
        assertTrue(
            finding.path().stream()
                .anyMatch(
                    step ->
                        step.position().line() == call
                            && step.description().contains("returned AOP_TRUNCATED_PAGE")),
            () -> finding.path().toString());
        assertTrue(finding.message().contains("at line 31"), finding::message);
      }
    }

    /** However many calls, the point after them needs no more states than after one. */
    @Test
    void statesDoNotMultiplyWithTheCalls() {
      for (int calls : new int[] {1, 5, 40}) {
        AnalysisResult result =
            PathAnalysis.analyze(callsInARow(calls).build(), new AnalysisOptions(3));
        assertTrue(result.complete(), "calls: " + calls);
        assertEquals(calls, result.findings().size());
      }
    }

    /** A truncation a later look-up in its page variable retries is not settled early. */
    @Test
    void aLaterLookUpInTheSameVariableStillRetries() {
      Script s = Script.caller("f");
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", PREPARE_WRITE)
          .ifGoto(3, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "truncated")
          .unlock(4, "p")
          .label("truncated")
          .release(5, "p")
          .lookUp(6, "p", true)
          .unlock(7, "p")
          .release(8, "p")
          .ret(9, UNKNOWN);
      assertEquals(List.of(), found(s.analyze()));
    }

    /** Nor one whose result is kept in another variable and returned later. */
    @Test
    void aResultCopiedAndReturnedLaterIsStillFollowed() {
      Script s = Script.caller("f");
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .assign(3, "saved", new Value.Variable("ret"))
          .release(4, "p")
          .returnVariable(5, "saved");
      assertEquals(List.of("TRUNCATED_PAGE_RETURNED@5"), found(s.analyze()));
    }

    /** A page no event touches again still owes its release at the method's end. */
    @Test
    void aFinishedPageStillOwesWhatTheEndChecks() {
      Script s = Script.caller("f");
      s.label("again")
          .lookUp(1, "p", true)
          .call(2, "ret", "p", PREPARE_WRITE)
          .ifGoto(3, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "truncated")
          .unlock(4, "p")
          .release(5, "p")
          .ret(6, UNKNOWN)
          .label("truncated")
          .lookUp(7, "q", true)
          .unlock(8, "q")
          .release(9, "q")
          .ret(10, UNKNOWN);
      assertEquals(
          List.of("TRUNCATED_PAGE_NOT_RELEASED@10", "TRUNCATED_PAGE_NOT_RETRIED@2"),
          found(s.analyze()).stream().sorted().toList());
    }
  }

  /** The read-only state dump (docs/engine.md §7) shows what the rules see. */
  @Nested
  class StateDumps {
    private List<String> statesAtLine(Script s, int line) {
      org.aopcheck.core.ir.MethodGraph graph = s.build();
      StateDump dump = PathAnalysis.dumpStates(graph, AnalysisOptions.DEFAULT);
      return graph.nodes().stream()
          .filter(node -> node.position().line() == line)
          .flatMap(node -> dump.statesAt(node.id()).stream())
          .map(StateView::toString)
          .toList();
    }

    @Test
    void aTruncatedTestKeepsOnlyTheTruncatedState() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .ifGoto(3, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "done")
          .release(4, "p")
          .ret(5, constant(0))
          .label("done")
          .release(6, "p")
          .returnVariable(7, "ret");
      assertEquals(
          List.of(
              // ret is dead here (no rule reads it again on this path), so it is forgotten.
              "p = UNLOCKED_BY_CALLEE (readpage returned AOP_TRUNCATED_PAGE at line 2), owned,"
                  + " stale since line 2; pending: readpage at line 2"),
          statesAtLine(s, 4));
      assertEquals(
          List.of(
              "p = UNLOCKED_BY_CALLEE (readpage returned 0 at line 2), owned; ret = ZERO (readpage"
                  + " at line 2)",
              "p = UNLOCKED_BY_CALLEE (readpage returned a negative error at line 2), owned; ret ="
                  + " NEGATIVE (readpage at line 2)"),
          statesAtLine(s, 6));
    }

    /**
     * At the exit, the path that gave the page up and the one that used it are one state: the page
     * and the result are finished business, and the truncation nothing can retry any more is
     * settled.
     */
    @Test
    void aTruncationNothingCanRetryIsSettled() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", PREPARE_WRITE)
          .ifGoto(3, compare("ret", EQUAL, TRUNCATED), "ret == AOP_TRUNCATED_PAGE", "truncated")
          .unlock(4, "p")
          .label("truncated")
          .release(5, "p")
          .ret(6, UNKNOWN);
      assertEquals(List.of("settled: prepare_write at line 2"), statesAtLine(s, 6));
    }

    @Test
    void aCopiedPageIsOnePageUnderTwoNames() {
      Script s = Script.caller("f");
      s.lookUp(1, "page", true)
          .assign(2, "p2", new Value.Variable("page"))
          .call(3, "ret", "p2", READPAGE)
          .release(4, "page")
          .use(5, "p2")
          .release(6, "page")
          .returnVariable(7, "ret");
      assertEquals(
          List.of(
              "p2 = UNLOCKED_BY_CALLEE (readpage returned 0 at line 3), owned; page ="
                  + " UNLOCKED_BY_CALLEE (readpage returned 0 at line 3), owned; ret = ZERO"
                  + " (readpage at line 3); aliases: p2 = page"),
          statesAtLine(s, 4).stream().filter(v -> v.contains("ZERO")).toList());
    }

    @Test
    void anUnreachableNodeHasNoState() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .call(2, "ret", "p", READPAGE)
          .ifGoto(3, compare("ret", NOT_EQUAL, ACTIVATE), "ret != AOP_WRITEPAGE_ACTIVATE", "done")
          .unlock(4, "p")
          .label("done")
          .release(5, "p")
          .returnVariable(6, "ret");
      assertEquals(List.of(), statesAtLine(s, 4));
    }
  }

  @Nested
  class NullTests {
    private Condition isNull(String page) {
      return new Condition.IsNull(page, false);
    }

    private Condition isNotNull(String page) {
      return new Condition.IsNull(page, true);
    }

    /**
     * TruncatedPageUsedBuggy.inLoopWithContinue: {@code Pg page = null; while (..) { if (page ==
     * null) { page = findLock(); if (page == null) return -ENOMEM; } ret = prepareWrite(f, page);
     * if (ret == TRUNCATED) { page.lock(); continue; } ... page = null; }}. After {@code continue}
     * the page is not null, so the look-up is skipped: no leak there, only the stale use.
     */
    private Script keptPageInLoop() {
      Script s = Script.caller("f");
      return s.assign(1, "page", new Value.Null())
          .label("loop")
          .ifGoto(2, new Condition.Unknown(), "next > index + 1", "done")
          .ifGoto(3, isNotNull("page"), "page != null", "havePage")
          .lookUp(4, "page", true)
          .ifGoto(5, isNotNull("page"), "page != null", "havePage")
          .ret(6, constant(-12))
          .label("havePage")
          .call(7, "ret", "page", PREPARE_WRITE)
          .ifGoto(8, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "written")
          .effect(9, "page", PageVerb.LOCK)
          .jump("loop")
          .label("written")
          .unlock(10, "page")
          .release(11, "page")
          .assign(12, "page", new Value.Null())
          .jump("loop")
          .label("done")
          .ret(13, UNKNOWN);
    }

    @Test
    void aPageTestedNotNullSkipsTheLookUp() {
      assertEquals(List.of("TRUNCATED_PAGE_USED@9"), found(keptPageInLoop().analyze()));
    }

    /** Without the null test the same loop looks up a new page over the stale one: a leak. */
    @Test
    void anUntestedLookUpOverTheStalePageLeaks() {
      Script s = Script.caller("f");
      s.assign(1, "page", new Value.Null())
          .label("loop")
          .ifGoto(2, new Condition.Unknown(), "next > index + 1", "done")
          .lookUp(4, "page", true)
          .call(7, "ret", "page", PREPARE_WRITE)
          .ifGoto(8, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "written")
          .effect(9, "page", PageVerb.LOCK)
          .jump("loop")
          .label("written")
          .unlock(10, "page")
          .release(11, "page")
          .jump("loop")
          .label("done")
          .ret(13, UNKNOWN);
      assertEquals(
          List.of("TRUNCATED_PAGE_USED@9", "TRUNCATED_PAGE_NOT_RELEASED@4"), found(s.analyze()));
    }

    /** The not-null side keeps everything: a stale page looked up again unreleased still leaks. */
    @Test
    void theNotNullSideStillReportsALeak() {
      Script s = Script.caller("f");
      s.lookUp(1, "p", true)
          .ifGoto(2, isNull("p"), "p == null", "none")
          .call(3, "ret", "p", PREPARE_WRITE)
          .ifGoto(4, compare("ret", NOT_EQUAL, TRUNCATED), "ret != AOP_TRUNCATED_PAGE", "written")
          .lookUp(5, "p", true)
          .release(6, "p")
          .ret(7, constant(0))
          .label("written")
          .unlock(8, "p")
          .release(9, "p")
          .ret(10, constant(0))
          .label("none")
          .ret(11, constant(-12));
      assertEquals(List.of("TRUNCATED_PAGE_NOT_RELEASED@5"), found(s.analyze()));
    }

    /**
     * A look-up's page may be null: it splits at its first test, and the null side owns nothing.
     */
    @Test
    void aLookUpSplitsAtItsFirstNullTest() {
      Script s = Script.caller();
      s.lookUp(1, "p", true)
          .ifGoto(2, isNull("p"), "p == null", "none")
          .ifGoto(3, isNull("p"), "p == null", "again")
          .use(4, "p")
          .release(5, "p")
          .ret(6, UNKNOWN)
          .label("none")
          .use(7, "p")
          .ifGoto(8, isNotNull("p"), "p != null", "again")
          .ret(9, UNKNOWN)
          .label("again")
          .use(10, "p")
          .ret(11, UNKNOWN);
      org.aopcheck.core.ir.MethodGraph graph = s.build();
      StateDump dump = PathAnalysis.dumpStates(graph, AnalysisOptions.DEFAULT);
      java.util.function.IntFunction<List<String>> statesAtLine =
          line ->
              graph.nodes().stream()
                  .filter(node -> node.position().line() == line)
                  .flatMap(node -> dump.statesAt(node.id()).stream())
                  .map(StateView::toString)
                  .toList();
      assertEquals(
          List.of("p = LOCKED (looked up by findLock at line 1), owned, not null"),
          statesAtLine.apply(4));
      assertEquals(List.of("p = null"), statesAtLine.apply(7));
      // Neither a page found not null nor a null one takes the other side of a second test.
      assertEquals(List.of(), statesAtLine.apply(10));
    }
  }
}
