package org.aopcheck.vm.mm;

/**
 * {@code read_descriptor_t} of Linux 2.6.14 with {@code file_read_actor}'s destination: where a
 * read copies to, how much is left ({@code count}), how much was copied ({@code written}) and the
 * error that stopped it ({@code error}).
 */
public final class ReadDescriptor {
  public final byte[] buffer;
  public int written;
  public int count;
  public int error;

  public ReadDescriptor(byte[] buffer, int count) {
    this.buffer = buffer;
    this.count = count;
  }
}
