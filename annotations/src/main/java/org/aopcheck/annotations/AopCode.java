package org.aopcheck.annotations;

/**
 * The two positive return codes of the page-cache operations. They are chosen far above any byte
 * count in a page, so a caller that tests only {@code ret < 0} or {@code ret != 0} sees them as
 * success or as an error: most real bugs with them are that mistake.
 */
public enum AopCode {
  /**
   * {@code AOP_WRITEPAGE_ACTIVATE} ({@code 0x80000}), returned by {@code writepage}: writeback did
   * not start, the page is <em>still locked</em> and has been redirtied. The caller unlocks it
   * (page reclaim instead activates it, then unlocks it). It is never an error. Spelled {@code
   * WRITEPAGE_ACTIVATE} before the 2005 patch.
   */
  WRITEPAGE_ACTIVATE(0x80000, "AOP_WRITEPAGE_ACTIVATE"),

  /**
   * {@code AOP_TRUNCATED_PAGE} ({@code 0x80001}), returned by {@code readpage}, {@code
   * prepare_write} and {@code commit_write}: the callee <em>has unlocked</em> the page it was
   * handed locked, and the page may have been truncated. The caller must not unlock it again, must
   * drop its page reference and must look the page up again. It is never an error and never a byte
   * count.
   */
  TRUNCATED_PAGE(0x80001, "AOP_TRUNCATED_PAGE");

  private final int value;
  private final String kernelName;

  AopCode(int value, String kernelName) {
    this.value = value;
    this.kernelName = kernelName;
  }

  /** The numeric value, identical to the kernel's. */
  public int value() {
    return value;
  }

  /** The kernel's spelling of the constant, as used in messages. */
  public String kernelName() {
    return kernelName;
  }
}
