package org.aopcheck.samples.prepatch;

/**
 * The constant's name before the 2005 patch, {@code include/linux/writeback.h} of Linux 2.6.14:
 * {@code #define WRITEPAGE_ACTIVATE 0x80000}. The patch renamed it {@code AOP_WRITEPAGE_ACTIVATE}
 * and moved it to {@code include/linux/fs.h}.
 */
public final class PrePatchNames {
  /** writepage: "the page is still locked; move it to the active list". */
  public static final int WRITEPAGE_ACTIVATE = 0x80000;

  private PrePatchNames() {}
}
