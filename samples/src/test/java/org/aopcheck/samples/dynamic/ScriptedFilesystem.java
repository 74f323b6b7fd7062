package org.aopcheck.samples.dynamic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * A filesystem that returns scripted results, each with the page in the state the protocol requires
 * for it, and otherwise behaves as {@link MemoryFilesystem}.
 *
 * <p>{@code AOP_TRUNCATED_PAGE} models a filesystem that dropped the page lock to take its own
 * locks (as GFS2 and OCFS2 do): the page is unlocked and nothing is read or written. {@code
 * AOP_WRITEPAGE_ACTIVATE} redirties the page and keeps it locked. A negative error from readpage or
 * writepage unlocks the page; from prepare_write or commit_write it leaves it locked.
 */
public final class ScriptedFilesystem extends MemoryFilesystem {
  /** The operations a script can be given for. */
  public enum Operation {
    READPAGE,
    PREPARE_WRITE,
    COMMIT_WRITE,
    WRITEPAGE
  }

  private final Map<Operation, Map<Long, Deque<Integer>>> scripts = new EnumMap<>(Operation.class);
  private final Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
  private boolean invalidatesTruncatedPages;

  /**
   * From now on, before returning {@code AOP_TRUNCATED_PAGE} the filesystem also removes the page
   * from the page cache, as a cluster filesystem whose other node invalidated the file while the
   * page lock was dropped: a caller that goes on with that page writes into a page no longer
   * cached.
   */
  public ScriptedFilesystem invalidatingTruncatedPages() {
    invalidatesTruncatedPages = true;
    return this;
  }

  /** The next calls of {@code operation} on the page at {@code index} return {@code results}. */
  public ScriptedFilesystem script(Operation operation, long index, int... results) {
    Deque<Integer> queue =
        scripts
            .computeIfAbsent(operation, unused -> new HashMap<>())
            .computeIfAbsent(index, unused -> new ArrayDeque<>());
    for (int result : results) {
      queue.add(result);
    }
    return this;
  }

  /** How many times {@code operation} was called. */
  public int calls(Operation operation) {
    return calls.getOrDefault(operation, 0);
  }

  private Integer next(Operation operation, Page page) {
    calls.merge(operation, 1, Integer::sum);
    Deque<Integer> queue = scripts.getOrDefault(operation, Map.of()).get(page.index());
    return queue == null ? null : queue.poll();
  }

  @Override
  public int readpage(OpenFile file, Page page) {
    Integer result = next(Operation.READPAGE, page);
    if (result == null || result == 0) {
      return super.readpage(file, page);
    }
    invalidateIfTruncated(page, result);
    page.unlock();
    return result;
  }

  @Override
  public int prepareWrite(OpenFile file, Page page, int from, int to) {
    Integer result = next(Operation.PREPARE_WRITE, page);
    if (result == null || result == 0) {
      return super.prepareWrite(file, page, from, to);
    }
    if (result == AopCodes.AOP_TRUNCATED_PAGE) {
      invalidateIfTruncated(page, result);
      page.unlock();
    }
    return result;
  }

  @Override
  public int commitWrite(OpenFile file, Page page, int from, int to) {
    Integer result = next(Operation.COMMIT_WRITE, page);
    if (result == null || result == 0) {
      return super.commitWrite(file, page, from, to);
    }
    if (result == AopCodes.AOP_TRUNCATED_PAGE) {
      invalidateIfTruncated(page, result);
      page.unlock();
    }
    return result;
  }

  /** Removes the page, locked by the caller, from its page cache if configured to. */
  private void invalidateIfTruncated(Page page, int result) {
    if (invalidatesTruncatedPages
        && result == AopCodes.AOP_TRUNCATED_PAGE
        && page.mapping() != null) {
      page.mapping().removePage(page);
    }
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    Integer result = next(Operation.WRITEPAGE, page);
    if (result == null || result == 0) {
      return super.writepage(page, writebackControl);
    }
    if (result == AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.redirty(writebackControl);
      return result;
    }
    page.unlock();
    return result;
  }
}
