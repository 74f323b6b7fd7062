package org.aopcheck.core.analysis;

/** What the analysis knows of a page's lock on one path. */
public enum Lock {
  /** Held by this method (or left held for it by an operation's outcome). */
  LOCKED,
  /** Not held: looked up unlocked, or unlocked by this method. */
  UNLOCKED,
  /** Unlocked by the callee of an operation, according to the outcome it returned. */
  UNLOCKED_BY_CALLEE,
  /** Not known; no rule fires on it. */
  UNKNOWN
}
