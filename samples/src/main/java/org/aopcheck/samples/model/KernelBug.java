package org.aopcheck.samples.model;

/**
 * A kernel assertion that fired: {@code BUG_ON(condition)} or {@code VM_BUG_ON_PAGE(condition,
 * page)} of {@code include/linux/mmdebug.h}, which the reference VM does not model (its own rules
 * are {@link org.aopcheck.vm.ProtocolViolation}s). It is an {@link Error}, as the kernel oopses:
 * the state it found cannot be recovered from.
 *
 * <p>{@code VM_BUG_ON} is compiled in only with {@code CONFIG_DEBUG_VM}; the samples always check
 * it, as a debug kernel (and syzkaller) would.
 */
public final class KernelBug extends Error {
  private static final long serialVersionUID = 1L;

  private KernelBug(String message) {
    super(message);
  }

  /**
   * {@code VM_BUG_ON_PAGE(condition, page)}: throws if {@code condition} holds.
   *
   * @param assertion the assertion as the kernel source spells it, for the message
   * @param page the page the kernel would dump, or any object naming it
   */
  public static void vmBugOnPage(boolean condition, String assertion, Object page) {
    if (condition) {
      throw new KernelBug("kernel BUG: " + assertion + " failed for " + page);
    }
  }
}
