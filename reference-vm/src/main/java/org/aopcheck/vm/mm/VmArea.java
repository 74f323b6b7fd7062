package org.aopcheck.vm.mm;

import org.aopcheck.vm.OpenFile;

/**
 * {@code struct vm_area_struct} of Linux 2.6.14, reduced to what {@code filemap_nopage} reads: the
 * mapped file, the madvise read hints, and whether the faulting task owns the mapping (a ptrace
 * peek from another task may read beyond end of file).
 */
public final class VmArea {
  /** {@code VM_FAULT_MINOR}: the page was in the cache. */
  public static final int VM_FAULT_MINOR = 1;

  /** {@code VM_FAULT_MAJOR}: the fault had to read the page. */
  public static final int VM_FAULT_MAJOR = 2;

  private final OpenFile file;
  private final boolean randomReadHint;
  private final boolean sequentialReadHint;
  private final boolean faultingTaskOwnsMm;

  /** {@code *type} as {@code filemap_nopage} last set it. */
  public int lastFaultType;

  public VmArea(OpenFile file) {
    this(file, false, false, true);
  }

  public VmArea(
      OpenFile file,
      boolean randomReadHint,
      boolean sequentialReadHint,
      boolean faultingTaskOwnsMm) {
    this.file = file;
    this.randomReadHint = randomReadHint;
    this.sequentialReadHint = sequentialReadHint;
    this.faultingTaskOwnsMm = faultingTaskOwnsMm;
  }

  /** {@code area->vm_file}. */
  public OpenFile file() {
    return file;
  }

  /** {@code VM_RandomReadHint(area)}. */
  public boolean randomReadHint() {
    return randomReadHint;
  }

  /** {@code VM_SequentialReadHint(area)}. */
  public boolean sequentialReadHint() {
    return sequentialReadHint;
  }

  /** {@code area->vm_mm == current->mm}. */
  public boolean faultingTaskOwnsMm() {
    return faultingTaskOwnsMm;
  }
}
