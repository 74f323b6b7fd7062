package org.aopcheck.vm;

/** The errno values the modelled kernel functions use; operations return them negated. */
public final class Errno {
  public static final int EIO = 5;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EFAULT = 14;
  public static final int EEXIST = 17;
  public static final int ENOSPC = 28;

  private Errno() {}
}
