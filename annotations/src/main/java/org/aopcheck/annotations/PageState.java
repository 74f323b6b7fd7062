package org.aopcheck.annotations;

/** The lock state of a page after an outcome of a {@link PageOperation}. */
public enum PageState {
  /** The page is still locked: whoever holds it must unlock it or hand it over. */
  LOCKED,
  /** The page has been unlocked by the operation (or will be, by I/O completion). */
  UNLOCKED
}
