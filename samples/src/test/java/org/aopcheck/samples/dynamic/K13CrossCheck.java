package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k13.Gfs2ReadpageBuggy;
import org.aopcheck.samples.cases.k13.Gfs2ReadpageFixed;
import org.aopcheck.samples.cases.k13.Glock;
import org.aopcheck.samples.cases.k17.ReadCachePageFixed;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K13: a GFS2 read while another node has queued a demote of the inode's glock.
 *
 * <p>The demote locks every cached page. The scenario runs in one task, so a page lock that is
 * already taken when the demote wants it can never be released (the task holding it is the one
 * waiting): the cross-check reports that wait as a deadlock instead of hanging.
 */
final class K13CrossCheck extends FormPairCrossCheck {
  K13CrossCheck() {
    super(
        "K13",
        RunTimeFailure.DEADLOCK,
        "read page 0 of a GFS2 file while a glock demote is queued: readpage must not wait for"
            + " the glock under the page lock");
  }

  /** {@code lock_page} in a single-task scenario: a taken lock would never be released. */
  static void lockPageOrReportDeadlock(Page page) {
    if (!page.tryLock()) {
      throw new ObservedFailure(
          RunTimeFailure.DEADLOCK,
          "the glock demote waits for the lock of "
              + page
              + ", held by the task that waits for the demote");
    }
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          Gfs2ReadpageBuggy buggyFilesystem = new Gfs2ReadpageBuggy();
          Gfs2ReadpageFixed fixedFilesystem = new Gfs2ReadpageFixed();
          Inode inode = new Inode(buggy ? buggyFilesystem : fixedFilesystem);
          Glock glock = new Glock(inode.mapping(), K13CrossCheck::lockPageOrReportDeadlock);
          buggyFilesystem.setGlock(glock);
          fixedFilesystem.setGlock(glock);
          glock.queueDemote();
          Page page = ReadCachePageFixed.readCachePage(inode.mapping(), 0, new OpenFile(inode));
          page.release();
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
