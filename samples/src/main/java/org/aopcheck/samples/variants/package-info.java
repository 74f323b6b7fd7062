/**
 * Variants of the kernel cases' mistakes, one package per kind: the same mistake behind a helper
 * method, through a boolean flag, in a {@code switch}, with an early {@code return}, and in a loop
 * with {@code continue}. Each kind has a buggy class (in the corpus, with {@code // expect:}
 * markers) and a fixed twin here with the same methods, so one cross-check scenario runs all five.
 */
package org.aopcheck.samples.variants;
