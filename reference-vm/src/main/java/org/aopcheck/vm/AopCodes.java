package org.aopcheck.vm;

/**
 * The two positive return codes of the address-space operations, with the kernel's values.
 *
 * <p>Models {@code include/linux/fs.h} after the 2005 patch "add AOP_TRUNCATED_PAGE, prepend AOP_
 * to WRITEPAGE_ACTIVATE" (2.6.15). Their meaning for callers is in {@link AddressSpaceOperations}.
 */
public final class AopCodes {
  /** writepage: writeback did not start; the page is still locked and redirtied. */
  public static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;

  /** readpage, prepare_write, commit_write: the callee unlocked the page; drop it and retry. */
  public static final int AOP_TRUNCATED_PAGE = 0x80001;

  private AopCodes() {}
}
