package org.aopcheck.core.analysis;

import org.aopcheck.core.contract.Outcome;
import org.aopcheck.core.ir.Position;

/**
 * Why a page is in its lock state, for messages and for the rules that depend on it (a page left
 * locked matters only if an operation's outcome left it so).
 *
 * @param kind what set the state
 * @param what the operation or method involved ("readpage", "findLock")
 * @param outcome the operation's outcome, for {@link Kind#OUTCOME}
 * @param position where
 */
public record Cause(Kind kind, String what, Outcome outcome, Position position) {

  /** What set a page's lock state. */
  public enum Kind {
    /** The page was handed to the method locked (an operation's page parameter). */
    ENTRY,
    /** A look-up returned the page (locked or unlocked). */
    LOOK_UP,
    /** An operation's outcome left it locked, or unlocked it. */
    OUTCOME,
    /** The method locked it. */
    LOCK,
    /** The method unlocked it. */
    UNLOCK
  }

  /** How messages describe it: "unlocked by this method", "looked up unlocked by findGet". */
  public String describe() {
    return switch (kind) {
      case ENTRY -> "handed over locked";
      case LOOK_UP -> "returned unlocked by " + what;
      case OUTCOME -> what + " returned " + outcome.description();
      case LOCK -> "locked by " + what;
      case UNLOCK -> "unlocked by " + what;
    };
  }
}
