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
 * Variants of K09 / K14, buggy: a writepage implementation returns an error with its page still
 * locked, though an error means the page was unlocked. Kernel: {@code fs/ecryptfs/mmap.c
 * ecryptfs_writepage} (2.6.19 onward).
 *
 * <p>Each method is a writepage (it declares the contract itself) that encrypts the page with
 * {@code encryption} and returns 0 or the negative error.
 */
public final class ImplementationLockedBuggy {
  private ImplementationLockedBuggy() {}

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

  /** Through a flag: the unlock is tied to "ok". */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int throughFlag(
      @PageParameter Page page, WritebackControl writebackControl, PageEncryption encryption) {
    int rc = encryption.encrypt(page);
    boolean ok = rc == 0;
    if (ok) {
      page.setUptodate();
      page.unlock();
    } else {
      page.clearUptodate();
    }
    // expect: AopImplementationLockState
    return rc;
  }

  /** In a switch: the default (error) case forgets the unlock. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
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
        // expect: AopImplementationLockState
        return rc;
    }
  }

  /** With an early return: the K09 shape. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  public static int withEarlyReturn(
      @PageParameter Page page, WritebackControl writebackControl, PageEncryption encryption) {
    int rc = encryption.encrypt(page);
    if (rc != 0) {
      page.clearUptodate();
      // expect: AopImplementationLockState
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
      page.unlock();
    }
    // expect: AopImplementationLockState
    return rc;
  }

  /** The writepage the helper variant delegates to; its error return keeps the page locked. */
  @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
  @MayReturn(WRITEPAGE_ACTIVATE)
  static int writeEncrypted(@PageParameter Page page, PageEncryption encryption) {
    int rc = encryption.encrypt(page);
    if (rc != 0) {
      // expect: AopImplementationLockState
      return rc;
    }
    page.unlock();
    return 0;
  }
}
