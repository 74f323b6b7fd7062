package org.aopcheck.vm;

/**
 * {@code struct writeback_control} of Linux 2.6.14: how much writeback to do and for whom.
 *
 * <p>Fields are public and mutable, as in the kernel, because callers and callees share it.
 */
public final class WritebackControl {
  /** {@code enum writeback_sync_modes}. */
  public enum SyncMode {
    /** Do not wait on anything. */
    NONE,
    /** Wait on every mapping (data integrity). */
    ALL
  }

  public SyncMode syncMode = SyncMode.NONE;
  public long nrToWrite = Long.MAX_VALUE;
  public long pagesSkipped;
  public boolean nonblocking;
  public boolean encounteredCongestion;

  /** Set by page reclaim ({@code pageout}): the only caller that may get AOP_WRITEPAGE_ACTIVATE. */
  public boolean forReclaim;

  public boolean rangeCyclic;
  public long rangeStart;
  public long rangeEnd = Long.MAX_VALUE;
}
