/**
 * The contract vocabulary of the page-cache return-code protocol introduced by the Linux patch "add
 * AOP_TRUNCATED_PAGE, prepend AOP_ to WRITEPAGE_ACTIVATE" (2.6.15, 2005).
 *
 * <p>An API declares its contract with these annotations and aopcheck checks callers and
 * implementations against it. The vocabulary knows nothing of any particular page cache:
 *
 * <ul>
 *   <li>{@link org.aopcheck.annotations.PageOperation} and {@link
 *       org.aopcheck.annotations.MayReturn} describe an operation: the positive codes it may return
 *       and the lock state of its page after each outcome;
 *   <li>{@link org.aopcheck.annotations.LooksUp}, {@link org.aopcheck.annotations.Locks}, {@link
 *       org.aopcheck.annotations.Unlocks}, {@link org.aopcheck.annotations.Releases}, {@link
 *       org.aopcheck.annotations.Redirties} and {@link org.aopcheck.annotations.TakesOver} are
 *       verbs: what a method does to a page;
 *   <li>{@link org.aopcheck.annotations.PageParameter} says which parameter is that page (without
 *       it, the receiver);
 *   <li>{@link org.aopcheck.annotations.BestEffort} declares a caller that may give a page up after
 *       {@code AOP_TRUNCATED_PAGE} instead of retrying.
 * </ul>
 *
 * <p>The protocol and every check are described in {@code docs/protocol.md} and {@code
 * docs/checks/}.
 */
package org.aopcheck.annotations;
