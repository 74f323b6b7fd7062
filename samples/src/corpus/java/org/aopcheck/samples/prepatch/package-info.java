/**
 * The call sites changed by the 2005 patch "add AOP_TRUNCATED_PAGE, prepend AOP_ to
 * WRITEPAGE_ACTIVATE", as they were before it (Linux 2.6.14), written against the reference VM.
 * Each expected finding is marked on the line before with {@code // expect: CheckName}. Their
 * post-patch forms are the reference VM's own callers.
 */
package org.aopcheck.samples.prepatch;
