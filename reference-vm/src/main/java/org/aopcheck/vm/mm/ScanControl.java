package org.aopcheck.vm.mm;

/** {@code struct scan_control} of {@code mm/vmscan.c} (Linux 2.6.14), reduced. */
public final class ScanControl {
  /** {@code SWAP_CLUSTER_MAX}. */
  public static final int SWAP_CLUSTER_MAX = 32;

  public long nrScanned;
  public long nrReclaimed;

  /** {@code sc->may_writepage}: whether reclaim may call writepage. */
  public boolean mayWritepage = true;
}
