package org.aopcheck.vm.drivers;

import org.aopcheck.vm.OpenFile;

/**
 * {@code struct loop_device} of {@code drivers/block/loop.c} (Linux 2.6.14), reduced to its backing
 * file and its transfer function ({@code transfer_none}: a plain copy).
 */
public final class LoopDevice {
  private final OpenFile backingFile;

  public LoopDevice(OpenFile backingFile) {
    this.backingFile = backingFile;
  }

  /** {@code lo->lo_backing_file}. */
  public OpenFile backingFile() {
    return backingFile;
  }

  /**
   * {@code lo_do_transfer(lo, WRITE, ...)} with {@code transfer_none}: copies {@code size} bytes of
   * the request into the page. Returns 0, or non-zero if the transfer failed.
   */
  public int transfer(byte[] page, int pageOffset, byte[] source, int sourceOffset, int size) {
    System.arraycopy(source, sourceOffset, page, pageOffset, size);
    return 0;
  }
}
