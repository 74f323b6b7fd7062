package org.aopcheck.samples.variants.implementationlocked;

import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
import static org.aopcheck.annotations.PageState.UNLOCKED;

import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.samples.cases.k09.PageEncryption;
import org.aopcheck.vm.Errno;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * Variants of K09 / K14, fixed: every return of the writepage implementation leaves the page
 * unlocked, error or not. Kernel: {@code fs/ecryptfs/mmap.c ecryptfs_writepage}, later source.
 *
 * <p>Each method is a writepage (it declares the contract itself) that encrypts the page with
 * {@code encryption} and returns 0 or the negative error.
 */
public final class ImplementationLockedFixed {
  private ImplementationLockedFixed() {}

  /**
   * Behind a helper with a contract: {@link #writeEncrypted} is a writepage too, so the checker
   * judges its returns; this method only passes its outcome on.
   */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int behindHelper(
      @PageParameter Page page, WritebackControl writebackControl, PageEncryption encryption) {
    return writeEncrypted(page, encryption);
  }

  /** Through a flag: "ok" decides the uptodate bit, never the unlock. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int throughFlag(
      @PageParameter Page page, WritebackControl writebackControl, PageEncryption encryption) {
    int rc = encryption.encrypt(page);
    boolean ok = rc == 0;
    if (ok) {
      page.setUptodate();
    } else {
      page.clearUptodate();
    }
    page.unlock();
    return rc;
  }

  /** In a switch: both cases unlock. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  // The shape under test is a statement switch, as C has it; an arrow switch is another shape.
  @SuppressWarnings("StatementSwitchToExpressionSwitch")
  public static int inSwitch(
      @PageParameter Page page, WritebackControl writebackControl, PageEncryption encryption) {
    int rc = encryption.encrypt(page);
    switch (rc) {
      case 0:
        page.setUptodate();
        page.unlock();
        return 0;
      default:
        page.clearUptodate();
        page.unlock();
        return rc;
    }
  }

  /** With an early return: the error return unlocks first. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int withEarlyReturn(
      @PageParameter Page page, WritebackControl writebackControl, PageEncryption encryption) {
    int rc = encryption.encrypt(page);
    if (rc != 0) {
      page.clearUptodate();
      page.unlock();
      return rc;
    }
    page.setUptodate();
    page.unlock();
    return 0;
  }

  /** In a loop with continue: up to three attempts while the crypto context is busy. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int inLoopWithContinue(
      @PageParameter Page page, WritebackControl writebackControl, PageEncryption encryption) {
    int rc = -Errno.EAGAIN;
    for (int attempt = 0; attempt < 3; attempt++) {
      rc = encryption.encrypt(page);
      if (rc == -Errno.EAGAIN) {
        continue;
      }
      break;
    }
    if (rc == 0) {
      page.setUptodate();
    }
    page.unlock();
    return rc;
  }

  /** The writepage the helper variant delegates to; it unlocks on every return. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  static int writeEncrypted(@PageParameter Page page, PageEncryption encryption) {
    int rc = encryption.encrypt(page);
    page.unlock();
    return rc;
  }
}
