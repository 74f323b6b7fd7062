package org.aopcheck.samples.cases.k09;

import org.aopcheck.vm.Page;

/**
 * eCryptfs's encrypt step, {@code ecryptfs_encrypt_page} of Linux 2.6.19-2.6.23, reduced to its
 * result: 0, or a negative errno when the page could not be encrypted (no memory for the crypto
 * context, a lower write failure). The samples' tests supply it.
 */
@FunctionalInterface
public interface PageEncryption {
  /** Encrypts the locked page to the lower file; returns 0 or a negative errno. */
  int encrypt(Page page);
}
