package org.aopcheck.stubs;

import org.aopcheck.annotations.LooksUp;

/**
 * The elements of a {@link LooksUp} written in a stub file.
 *
 * @param locked whether the page is returned locked ({@code find_lock_page}) or unlocked ({@code
 *     find_get_page})
 */
public record LooksUpContract(boolean locked) {}
