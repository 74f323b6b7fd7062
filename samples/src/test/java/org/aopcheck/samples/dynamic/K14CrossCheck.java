package org.aopcheck.samples.dynamic;

import org.aopcheck.samples.cases.k13.Gfs2ReadpageFixed;
import org.aopcheck.samples.cases.k13.Glock;
import org.aopcheck.samples.cases.k14.Gfs2ReadpageRelockBuggy;
import org.aopcheck.samples.cases.k17.ReadCachePageFixed;
import org.aopcheck.samples.model.ErrorPointer;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/** K14: a GFS2 read when the glock request fails (the filesystem was withdrawn). */
final class K14CrossCheck extends FormPairCrossCheck {
  K14CrossCheck() {
    super(
        "K14",
        RunTimeFailure.WRONG_LOCK_STATE,
        "read page 0 of a withdrawn GFS2 file: the read fails with -EIO and the page must end"
            + " unlocked");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          Gfs2ReadpageRelockBuggy buggyFilesystem = new Gfs2ReadpageRelockBuggy();
          Gfs2ReadpageFixed fixedFilesystem = new Gfs2ReadpageFixed();
          Inode inode =
              new Inode(new EnforcingOperations(buggy ? buggyFilesystem : fixedFilesystem));
          Glock glock = new Glock(inode.mapping(), K13CrossCheck::lockPageOrReportDeadlock);
          buggyFilesystem.setGlock(glock);
          fixedFilesystem.setGlock(glock);
          glock.withdraw(-Errno.EIO);
          try {
            Page page = ReadCachePageFixed.readCachePage(inode.mapping(), 0, new OpenFile(inode));
            page.release();
            result.fail(RunTimeFailure.BOGUS_ERROR_RETURNED, "read of a withdrawn file succeeded");
          } catch (ErrorPointer expected) {
            // -EIO is the right answer; what matters is the page's state afterwards.
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
