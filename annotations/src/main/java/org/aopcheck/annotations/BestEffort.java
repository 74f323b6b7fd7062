package org.aopcheck.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method is a best-effort caller, such as read-ahead: after {@code AOP_TRUNCATED_PAGE} it may
 * give the page up (release it without looking it up again) and it may ignore an operation's
 * result, instead of retrying. The page rules still apply: no unlock after the callee unlocked,
 * exactly one release.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface BestEffort {}
