package org.aopcheck.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method drops the caller's reference to the page, or hands it to someone who will drop it (the
 * LRU batch). Kernel: {@code page_cache_release}, {@code put_page}, {@code pagevec_add}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Releases {}
