package org.aopcheck.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method takes over a locked page together with the duty to unlock it, as page reclaim does
 * when it keeps a page that writepage returned with {@code AOP_WRITEPAGE_ACTIVATE} to activate it.
 * After the call the caller owes nothing for the page's lock.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface TakesOver {}
