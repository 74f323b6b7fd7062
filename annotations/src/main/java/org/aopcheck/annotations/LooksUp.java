package org.aopcheck.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method returns a page carrying a new reference that the caller must release, or {@code null}.
 * Kernel: {@code find_get_page}, {@code find_lock_page}, {@code grab_cache_page}, {@code
 * page_cache_alloc}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LooksUp {
  /**
   * Whether the page is returned locked ({@code find_lock_page}) or unlocked ({@code
   * find_get_page}).
   */
  boolean locked();
}
