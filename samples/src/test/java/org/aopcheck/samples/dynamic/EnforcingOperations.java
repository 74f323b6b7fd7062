package org.aopcheck.samples.dynamic;

import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * Wraps a filesystem's operations and checks, on each return, what the contract of {@link
 * AddressSpaceOperations} says about the page's state, throwing {@link ObservedFailure} where the
 * kernel would later hang or lose data; it also bounds retries, so that a livelock ends.
 *
 * <p>The reference VM enforces most of these itself once its run-time enforcement is in; this
 * wrapper keeps the cross-checks independent of which VM rules exist. The checks: readpage returns
 * with the page unlocked after a non-zero result; writepage returns with it unlocked unless the
 * result is {@code AOP_WRITEPAGE_ACTIVATE}, which must come with the page locked, redirtied, and
 * only for reclaim. A readpage that returns {@code AOP_TRUNCATED_PAGE} more than {@link
 * #RETRY_BOUND} times in a row for the same page has made no progress: a livelock.
 */
final class EnforcingOperations implements AddressSpaceOperations {
  /** Consecutive AOP_TRUNCATED_PAGE results for one page taken as a livelock. */
  static final int RETRY_BOUND = 1000;

  private final AddressSpaceOperations filesystem;
  private long lastTruncatedIndex = -1;
  private int consecutiveTruncated;

  EnforcingOperations(AddressSpaceOperations filesystem) {
    this.filesystem = filesystem;
  }

  @Override
  public int readpage(OpenFile file, Page page) {
    int ret = filesystem.readpage(file, page);
    if (ret != 0 && page.isLocked()) {
      throw new ObservedFailure(
          RunTimeFailure.WRONG_LOCK_STATE, "readpage returned " + ret + " with " + page);
    }
    if (ret == AopCodes.AOP_TRUNCATED_PAGE) {
      consecutiveTruncated = page.index() == lastTruncatedIndex ? consecutiveTruncated + 1 : 1;
      lastTruncatedIndex = page.index();
      if (consecutiveTruncated > RETRY_BOUND) {
        throw new ObservedFailure(
            RunTimeFailure.LIVELOCK,
            "readpage returned AOP_TRUNCATED_PAGE "
                + consecutiveTruncated
                + " times in a row for page index "
                + page.index());
      }
    } else {
      consecutiveTruncated = 0;
      lastTruncatedIndex = -1;
    }
    return ret;
  }

  @Override
  public int prepareWrite(OpenFile file, Page page, int from, int to) {
    return filesystem.prepareWrite(file, page, from, to);
  }

  @Override
  public int commitWrite(OpenFile file, Page page, int from, int to) {
    return filesystem.commitWrite(file, page, from, to);
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    int ret = filesystem.writepage(page, writebackControl);
    if (ret == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      if (!writebackControl.forReclaim) {
        throw new ObservedFailure(
            RunTimeFailure.ACTIVATE_OUTSIDE_RECLAIM,
            "writepage returned AOP_WRITEPAGE_ACTIVATE to a caller that is not reclaim");
      }
      if (!page.isDirty()) {
        throw new ObservedFailure(
            RunTimeFailure.LOST_WRITE,
            "writepage returned AOP_WRITEPAGE_ACTIVATE without redirtying " + page);
      }
    } else if (page.isLocked()) {
      throw new ObservedFailure(
          RunTimeFailure.WRONG_LOCK_STATE, "writepage returned " + ret + " with " + page);
    }
    return ret;
  }
}
