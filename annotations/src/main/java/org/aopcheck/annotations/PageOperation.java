package org.aopcheck.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method is a page-cache operation: it is called with its page (the parameter annotated {@link
 * PageParameter}) locked, returns {@code 0} on success, a negative errno on failure, or one of the
 * positive codes it declares with {@link MayReturn}, and leaves the page in the lock state given
 * here for each outcome.
 *
 * <p>Callers are checked against the states (a page the operation unlocked must not be unlocked
 * again; a page it left locked must be unlocked or handed over), and so are implementations: a
 * method that overrides an annotated method must return each outcome with the page in the declared
 * state. The kernel's table:
 *
 * <pre>
 * operation                   0          &lt; 0       AOP_TRUNCATED_PAGE  AOP_WRITEPAGE_ACTIVATE
 * readpage                    UNLOCKED   UNLOCKED  UNLOCKED            (not returned)
 * prepare_write, commit_write LOCKED     LOCKED    UNLOCKED            (not returned)
 * writepage                   UNLOCKED   UNLOCKED  (not returned)      LOCKED, redirtied
 * </pre>
 *
 * <p>Retained at run time so that the reference VM's conformance kit reads the same contract.
 *
 * @see <a href="../../../../docs/protocol.md">docs/protocol.md</a>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PageOperation {
  /** The operation's name as a kernel engineer knows it ({@code "readpage"}), used in messages. */
  String value();

  /** The page's lock state after the operation returns {@code 0}. */
  PageState onSuccess();

  /** The page's lock state after the operation returns a negative error. */
  PageState onError();

  /** The page's lock state after {@code AOP_TRUNCATED_PAGE}, if {@link MayReturn} declares it. */
  PageState onTruncatedPage() default PageState.UNLOCKED;

  /**
   * The page's lock state after {@code AOP_WRITEPAGE_ACTIVATE}, if {@link MayReturn} declares it.
   * The page must also have been redirtied by the operation.
   */
  PageState onWritepageActivate() default PageState.LOCKED;
}
