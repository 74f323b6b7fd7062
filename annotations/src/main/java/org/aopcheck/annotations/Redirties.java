package org.aopcheck.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method marks the page dirty again so that writeback will see it. A writepage that returns
 * {@code AOP_WRITEPAGE_ACTIVATE} must have called one. Kernel: {@code set_page_dirty}, {@code
 * redirty_page_for_writepage}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Redirties {}
