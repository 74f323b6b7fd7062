package org.aopcheck.vm;

import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
import static org.aopcheck.annotations.PageState.LOCKED;
import static org.aopcheck.annotations.PageState.UNLOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;

/**
 * {@code struct address_space_operations}: what a filesystem implements for its page cache.
 *
 * <p>Models {@code include/linux/fs.h} of 2.6.15, after the 2005 patch. Every operation is called
 * with its page locked and returns 0, a negative errno, or one of the {@link AopCodes}; the
 * annotations are the contract for each outcome, checked statically by aopcheck and at run time by
 * the reference VM.
 */
public interface AddressSpaceOperations {

  /**
   * {@code ->readpage}: starts reading the page. On 0 the page is unlocked by I/O completion (the
   * caller waits or relocks; it never unlocks), on an error the callee has unlocked it, and on
   * {@code AOP_TRUNCATED_PAGE} the callee unlocked it without I/O: the caller releases its
   * reference and looks the page up again.
   */
  @PageOperation(value = "readpage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(TRUNCATED_PAGE)
  int readpage(OpenFile file, @PageParameter Page page);

  /**
   * {@code ->prepare_write}: prepares bytes {@code [from, to)} of the page for a write. On 0 or an
   * error the page is still locked; on {@code AOP_TRUNCATED_PAGE} it was unlocked by the callee.
   */
  @PageOperation(value = "prepare_write", onSuccess = LOCKED, onError = LOCKED)
  @MayReturn(TRUNCATED_PAGE)
  int prepareWrite(OpenFile file, @PageParameter Page page, int from, int to);

  /**
   * {@code ->commit_write}: commits bytes {@code [from, to)} of the page. On 0 or an error the page
   * is still locked; on {@code AOP_TRUNCATED_PAGE} it was unlocked by the callee.
   */
  @PageOperation(value = "commit_write", onSuccess = LOCKED, onError = LOCKED)
  @MayReturn(TRUNCATED_PAGE)
  int commitWrite(OpenFile file, @PageParameter Page page, int from, int to);

  /**
   * {@code ->writepage}: writes the page, which the caller cleaned with {@link
   * Page#clearDirtyForIo}. On 0 or an error the callee has unlocked the page; on {@code
   * AOP_WRITEPAGE_ACTIVATE} it is still locked and has been redirtied, and it is only returned to
   * reclaim ({@link WritebackControl#forReclaim}).
   */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  int writepage(@PageParameter Page page, WritebackControl writebackControl);
}
