package org.aopcheck.samples.dynamic;

import java.util.Arrays;
import org.aopcheck.samples.cases.k04.WriteCachePagesFixed;
import org.aopcheck.samples.cases.k18.NfsWritepageBuggy;
import org.aopcheck.samples.cases.k18.NfsWritepageFixed;
import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.WritebackControl;

/** K18: background writeback of an NFS page while the server is congested, then again. */
final class K18CrossCheck extends FormPairCrossCheck {
  K18CrossCheck() {
    super(
        "K18",
        RunTimeFailure.LOST_WRITE,
        "background writeback while the NFS server is congested, then writeback once it is"
            + " not: the page's data must reach the server");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          NfsWritepageBuggy buggyFilesystem = new NfsWritepageBuggy();
          NfsWritepageFixed fixedFilesystem = new NfsWritepageFixed();
          MemoryFilesystem filesystem = buggy ? buggyFilesystem : fixedFilesystem;
          Inode inode = new Inode(filesystem);
          Scenarios.dirtyPage(inode.mapping(), 0, (byte) 11);
          buggyFilesystem.setWriteCongested(true);
          fixedFilesystem.setWriteCongested(true);
          WriteCachePagesFixed.writeCachePages(inode.mapping(), new WritebackControl());
          buggyFilesystem.setWriteCongested(false);
          fixedFilesystem.setWriteCongested(false);
          WriteCachePagesFixed.writeCachePages(inode.mapping(), new WritebackControl());
          byte[] stored = filesystem.stored(0);
          byte[] expected = new byte[stored == null ? 0 : stored.length];
          Arrays.fill(expected, (byte) 11);
          if (stored == null || !Arrays.equals(stored, expected)) {
            result.fail(RunTimeFailure.LOST_WRITE, "page 0 never reached the server");
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
