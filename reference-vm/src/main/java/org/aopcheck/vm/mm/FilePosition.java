package org.aopcheck.vm.mm;

/** {@code loff_t *ppos}: a file position that a read or write advances for its caller. */
public final class FilePosition {
  public long value;

  public FilePosition(long value) {
    this.value = value;
  }
}
