package org.aopcheck.samples.dynamic;

import java.util.ArrayDeque;
import java.util.Deque;
import org.aopcheck.samples.cases.k01.ReadPagesBuggy;
import org.aopcheck.samples.cases.k01.ReadPagesFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.Lru;
import org.aopcheck.vm.LruBatch;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/** K01: read-ahead over a filesystem that returns AOP_TRUNCATED_PAGE for one page. */
final class K01CrossCheck extends FormPairCrossCheck {
  K01CrossCheck() {
    super(
        "K01",
        RunTimeFailure.PAGE_HIDDEN_FROM_RECLAIM,
        "read_pages of pages 0-2, readpage returns AOP_TRUNCATED_PAGE for page 1:"
            + " every cached page must be on the LRU");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem().script(Operation.READPAGE, 1, AopCodes.AOP_TRUNCATED_PAGE);
          Inode inode = new Inode(filesystem);
          OpenFile file = new OpenFile(inode);
          Lru lru = new Lru();
          Deque<Page> pages = new ArrayDeque<>();
          for (long index = 2; index >= 0; index--) {
            Page page = Page.alloc();
            page.setIndex(index);
            pages.add(page);
          }
          if (buggy) {
            ReadPagesBuggy.readPages(inode.mapping(), file, pages, new LruBatch(lru));
          } else {
            ReadPagesFixed.readPages(inode.mapping(), file, pages, new LruBatch(lru));
          }
          for (Page page : inode.mapping().pagesSnapshot()) {
            if (!lru.contains(page)) {
              result.fail(
                  RunTimeFailure.PAGE_HIDDEN_FROM_RECLAIM, page + " is cached but not on the LRU");
            }
          }
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
