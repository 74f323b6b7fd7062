package org.aopcheck.samples.cases.k09;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K09, buggy. Kernel: {@code fs/ecryptfs/mmap.c ecryptfs_writepage}, Linux 2.6.19 onward (older vs
 * later eCryptfs source).
 *
 * <p>What went wrong: when encryption failed, writepage returned the error with the page still
 * locked; a negative result means the page was unlocked, so nobody unlocks it and the next {@code
 * lock_page} on it waits forever.
 */
public final class EcryptfsWritepageBuggy extends MemoryFilesystem {
  private final PageEncryption encryption;

  /** eCryptfs over the encrypt step {@code encryption}. */
  public EcryptfsWritepageBuggy(PageEncryption encryption) {
    this.encryption = encryption;
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
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
}
