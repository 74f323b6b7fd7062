package org.aopcheck.samples.dynamic;

import java.util.function.IntFunction;
import org.aopcheck.samples.cases.k20.HugeTmpfs;
import org.aopcheck.samples.cases.k20.ShmemWritepageBuggy;
import org.aopcheck.samples.cases.k20.ShmemWritepageFirstSplitBuggy;
import org.aopcheck.samples.cases.k20.ShmemWritepageFixed;
import org.aopcheck.samples.cases.k20.TransparentHugePage;
import org.aopcheck.samples.cases.l2.ShmemWritebackFixed;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Page;

/**
 * K20: i915's shrinker writes back a GEM object whose tmpfs pages are one huge page, once when the
 * huge page can be split and once when it cannot (a pinned subpage). The caller is {@code
 * __shmem_writeback} in its protocol-correct form ({@code l2.ShmemWritebackFixed}): {@code
 * for_reclaim} set, the page unlocked after {@code AOP_WRITEPAGE_ACTIVATE}.
 *
 * <p>Two cross-checks share the scenario: {@link #K20CrossCheck()} (case {@code K20}), whose buggy
 * run is every buggy form of the case, so the corpus table shows what each one does, and whose
 * expected failure, {@code KERNEL_BUG}, only the {@code VM_BUG_ON} form shows; and {@link
 * #firstSplit()}, which holds the first posting of the fix to its own failure, lost writes.
 */
final class K20CrossCheck implements CrossCheck {
  private final String caseName;
  private final RunTimeFailure expectedFailure;
  private final String scenario;
  private final boolean everyBuggyForm;

  /** Case K20: the buggy forms (the {@code VM_BUG_ON}, the first split) against the 5.15 fix. */
  K20CrossCheck() {
    this(
        "K20",
        RunTimeFailure.KERNEL_BUG,
        "i915 writes back a huge tmpfs page, split possible and split failing: no kernel BUG,"
            + " no subpage's data lost, the page unlocked after AOP_WRITEPAGE_ACTIVATE",
        true);
  }

  private K20CrossCheck(
      String caseName, RunTimeFailure expectedFailure, String scenario, boolean everyBuggyForm) {
    this.caseName = caseName;
    this.expectedFailure = expectedFailure;
    this.scenario = scenario;
    this.everyBuggyForm = everyBuggyForm;
  }

  /** The first posting of the fix (September 2020), which split without keeping the tails dirty. */
  static K20CrossCheck firstSplit() {
    return new K20CrossCheck(
        "K20/first split",
        RunTimeFailure.LOST_WRITE,
        "i915 writes back a huge tmpfs page that can be split: every subpage must reach swap or"
            + " stay dirty",
        false);
  }

  @Override
  public String caseName() {
    return caseName;
  }

  @Override
  public String scenario() {
    return scenario;
  }

  @Override
  public RunTimeFailure expectedFailure() {
    return expectedFailure;
  }

  @Override
  public RunResult runBuggy() {
    RunResult result = new RunResult();
    if (everyBuggyForm) {
      result.include("VM_BUG_ON form", runForm(ShmemWritepageBuggy::new));
    }
    result.include("first split", runForm(ShmemWritepageFirstSplitBuggy::new));
    return result;
  }

  @Override
  public RunResult runFixed() {
    return runForm(ShmemWritepageFixed::new);
  }

  /** Both halves of the scenario with the filesystem {@code form} makes from a swap size. */
  private static RunResult runForm(IntFunction<HugeTmpfs> form) {
    RunResult result = new RunResult();
    result.include("split succeeds", writeBackHugePage(form.apply(8), false));
    result.include("split fails", writeBackHugePage(form.apply(8), true));
    return result;
  }

  private static RunResult writeBackHugePage(HugeTmpfs filesystem, boolean pinned) {
    return Scenarios.run(
        result -> {
          Inode inode = new Inode(new EnforcingOperations(filesystem));
          TransparentHugePage hugePage = filesystem.writeHugePage(inode.mapping(), 0, (byte) 40);
          if (pinned) {
            hugePage.pin();
          }
          ShmemWritebackFixed.shmemWriteback(inode.mapping(), TransparentHugePage.SUBPAGES);
          if (pinned != hugePage.isCompound()) {
            throw new IllegalStateException(
                "the scenario expects the split to " + (pinned ? "fail" : "succeed"));
          }
          for (Page subpage : hugePage.subpages()) {
            // A huge page is dirty through its head; a small page through its own flag.
            boolean dirty = hugePage.isCompound() ? hugePage.head().isDirty() : subpage.isDirty();
            if (!dirty && !filesystem.swappedOut(subpage)) {
              result.fail(
                  RunTimeFailure.LOST_WRITE,
                  subpage
                      + " is clean and its data is in no swap slot: reclaim frees it as a clean"
                      + " page and the data is lost");
            }
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }

  @Override
  public String toString() {
    return caseName;
  }
}
