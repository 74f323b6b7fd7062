package org.aopcheck.samples.cases.k09;

import org.aopcheck.samples.model.MemoryFilesystem;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * K09, fixed. Kernel: {@code fs/ecryptfs/mmap.c ecryptfs_writepage}, later eCryptfs source.
 *
 * <p>The fix: the page is unlocked on every return, error or not, as the writepage contract says.
 */
public final class EcryptfsWritepageFixed extends MemoryFilesystem {
  private final PageEncryption encryption;

  /** eCryptfs over the encrypt step {@code encryption}. */
  public EcryptfsWritepageFixed(PageEncryption encryption) {
    this.encryption = encryption;
  }

  @Override
  public int writepage(Page page, WritebackControl writebackControl) {
    int rc = encryption.encrypt(page);
    if (rc != 0) {
      page.clearUptodate();
    } else {
      page.setUptodate();
    }
    page.unlock();
    return rc;
  }
}
