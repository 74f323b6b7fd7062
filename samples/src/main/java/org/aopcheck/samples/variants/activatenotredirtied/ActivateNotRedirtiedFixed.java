package org.aopcheck.samples.variants.activatenotredirtied;

import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
import static org.aopcheck.annotations.PageState.LOCKED;
import static org.aopcheck.annotations.PageState.UNLOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.vm.AopCodes;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * Variants of K18, fixed: every {@code AOP_WRITEPAGE_ACTIVATE} return redirties the page first, so
 * a later writeback writes it. Kernel: {@code fs/nfs/write.c nfs_writepage_locked} after the 2024
 * fix.
 *
 * <p>Each method is a writepage (it declares the contract itself): while {@code congested} it
 * defers the page; otherwise it "writes" it (marks it under writeback) and unlocks it.
 */
public final class ActivateNotRedirtiedFixed {
  private ActivateNotRedirtiedFixed() {}

  /**
   * Behind a helper with a contract: {@link #writeLocked} keeps the page locked on every outcome
   * (as {@code nfs_writepage_locked} does), so the checker judges its activate return.
   */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int behindHelper(
      @PageParameter Page page, WritebackControl writebackControl, boolean congested) {
    int ret = writeLocked(page, writebackControl, congested);
    if (ret != AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      page.unlock();
    }
    return ret;
  }

  /** Through a flag: "defer" decides the activate return. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int throughFlag(
      @PageParameter Page page, WritebackControl writebackControl, boolean congested) {
    boolean defer = writebackControl.syncMode == WritebackControl.SyncMode.NONE && congested;
    if (defer) {
      page.redirty(writebackControl);
      return AopCodes.AOP_WRITEPAGE_ACTIVATE;
    }
    page.setWriteback(true);
    page.unlock();
    return 0;
  }

  /** In a switch over the sync mode. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  // The shape under test is a statement switch, as C has it; an arrow switch is another shape.
  @SuppressWarnings("StatementSwitchToExpressionSwitch")
  public static int inSwitch(
      @PageParameter Page page, WritebackControl writebackControl, boolean congested) {
    switch (writebackControl.syncMode) {
      case NONE:
        if (congested) {
          page.redirty(writebackControl);
          return AopCodes.AOP_WRITEPAGE_ACTIVATE;
        }
        break;
      default:
        break;
    }
    page.setWriteback(true);
    page.unlock();
    return 0;
  }

  /** With an early return: the K18 shape. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int withEarlyReturn(
      @PageParameter Page page, WritebackControl writebackControl, boolean congested) {
    if (writebackControl.syncMode == WritebackControl.SyncMode.NONE && congested) {
      page.redirty(writebackControl);
      return AopCodes.AOP_WRITEPAGE_ACTIVATE;
    }
    page.setWriteback(true);
    page.unlock();
    return 0;
  }

  /** In a loop with continue: the page goes to the first of two request slots that is free. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int inLoopWithContinue(
      @PageParameter Page page, WritebackControl writebackControl, boolean congested) {
    for (int slot = 0; slot < 2; slot++) {
      if (congested) {
        continue;
      }
      page.setWriteback(true);
      page.unlock();
      return 0;
    }
    page.redirty(writebackControl);
    return AopCodes.AOP_WRITEPAGE_ACTIVATE;
  }

  /** {@code nfs_writepage_locked}: the page stays locked whatever the outcome. */
  @PageOperation(value = "nfs_writepage_locked", onSuccess = LOCKED, onError = LOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  static int writeLocked(
      @PageParameter Page page, WritebackControl writebackControl, boolean congested) {
    if (writebackControl.syncMode == WritebackControl.SyncMode.NONE && congested) {
      page.redirty(writebackControl);
      return AopCodes.AOP_WRITEPAGE_ACTIVATE;
    }
    page.setWriteback(true);
    return 0;
  }
}
