package org.aopcheck.vm;

/** {@code struct file} of Linux 2.6.14, reduced to its mapping and its read-ahead state. */
public final class OpenFile {
  private final Inode inode;
  private final ReadaheadState readahead = new ReadaheadState();

  public OpenFile(Inode inode) {
    this.inode = inode;
  }

  public Inode inode() {
    return inode;
  }

  /** {@code file->f_mapping}. */
  public AddressSpace mapping() {
    return inode.mapping();
  }

  /** {@code file->f_ra}. */
  public ReadaheadState readahead() {
    return readahead;
  }

  /** {@code struct file_ra_state}, reduced to the fields the modelled callers read. */
  public static final class ReadaheadState {
    public long previousPage = -1;
    public long mmapHit;
    public long mmapMiss;
  }
}
