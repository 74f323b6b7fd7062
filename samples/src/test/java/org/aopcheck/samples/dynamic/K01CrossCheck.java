package org.aopcheck.samples.dynamic;

import java.util.ArrayDeque;
import java.util.Deque;
import org.aopcheck.samples.cases.k01.ReadPagesBuggy;
import org.aopcheck.samples.cases.k01.ReadPagesFixed;
import org.aopcheck.samples.dynamic.ScriptedFilesystem.Operation;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Inode;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;

/**
 * K01: read-ahead over a filesystem that returns AOP_TRUNCATED_PAGE for one page. The pages go into
 * the cache with {@code add_to_page_cache} ({@code AddressSpace.addLockedWithoutLru}), so only the
 * {@code pagevec} puts them on the mapping's LRU, and the reference VM's at-rest rule {@code
 * CACHED_PAGE_NOT_ON_LRU} judges the result.
 */
final class K01CrossCheck extends FormPairCrossCheck {
  K01CrossCheck() {
    super(
        "K01",
        RunTimeFailure.PAGE_HIDDEN_FROM_RECLAIM,
        "read_pages of pages 0-2, readpage returns AOP_TRUNCATED_PAGE for page 1:"
            + " every cached page must be on the LRU (CACHED_PAGE_NOT_ON_LRU)");
  }

  @Override
  RunResult run(boolean buggy) {
    return Scenarios.run(
        result -> {
          ScriptedFilesystem filesystem =
              new ScriptedFilesystem().script(Operation.READPAGE, 1, AopCodes.AOP_TRUNCATED_PAGE);
          Inode inode = new Inode(filesystem);
          OpenFile file = new OpenFile(inode);
          Deque<Page> pages = new ArrayDeque<>();
          for (long index = 2; index >= 0; index--) {
            Page page = Page.alloc();
            page.setIndex(index);
            pages.add(page);
          }
          if (buggy) {
            ReadPagesBuggy.readPages(inode.mapping(), file, pages);
          } else {
            ReadPagesFixed.readPages(inode.mapping(), file, pages);
          }
          if (inode.mapping().nrPages() != 3) {
            throw new IllegalStateException(
                "the scenario expects pages 0-2 cached, found " + inode.mapping().nrPages());
          }
          Scenarios.checkOnLru(inode.mapping(), result);
          Scenarios.checkQuiescent(inode.mapping(), result);
        });
  }
}
