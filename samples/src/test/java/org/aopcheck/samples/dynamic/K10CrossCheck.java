package org.aopcheck.samples.dynamic;

import java.util.Arrays;
import org.aopcheck.samples.cases.k10.BufferedWriteBuggy;
import org.aopcheck.samples.cases.k10.BufferedWriteFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/** K10: a buffered write whose commit_write returns AOP_TRUNCATED_PAGE once. */
final class K10CrossCheck extends FormPairCrossCheck {
  K10CrossCheck() {
    super(
        "K10",
        RunTimeFailure.DOUBLE_UNLOCK,
        "write 100 bytes at 0, commit_write returns AOP_TRUNCATED_PAGE once: the write must be"
            + " retried and the bytes land in the page");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem()
                  .script(Operation.COMMIT_WRITE, 0, AopCodes.AOP_TRUNCATED_PAGE);
          Inode inode = new Inode(filesystem);
          OpenFile file = new OpenFile(inode);
          byte[] source = new byte[100];
          Arrays.fill(source, (byte) 42);
          long written =
              buggy
                  ? BufferedWriteBuggy.bufferedWrite(file, 0, source)
                  : BufferedWriteFixed.bufferedWrite(file, 0, source);
          Page page = inode.mapping().findGet(0);
          boolean landed =
              page != null
                  && Arrays.equals(Arrays.copyOf(page.data(), source.length), source)
                  && page.isDirty();
          if (page != null) {
            page.release();
          }
          if (written != source.length || !landed) {
            result.fail(
                RunTimeFailure.LOST_WRITE,
                "write returned " + written + ", data in a dirty page: " + landed);
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
