package org.aopcheck.core.finding;

import java.util.IllegalFormatException;
import org.aopcheck.core.Check;

/**
 * The stable key of every message aopcheck reports, with its check and its text. Both front-ends
 * render the same text from a key and its arguments ({@link #render}); tests assert keys or short
 * stable substrings of the text. The Javadoc of each key lists its arguments in order.
 *
 * <p>A variable's name is shown as code, in backticks ("page `page` unlocked again at line 42"), so
 * that a variable called {@code page} does not read as "page page". The templates place the
 * backticks; arguments are plain names.
 */
public enum MessageKey {
  /** Arguments: operation, codes it may return, what to do. */
  RESULT_IGNORED(Check.RESULT_IGNORED, "the result of %s is discarded, but it may return %s; %s"),

  /**
   * Arguments: operation, line of the call, test clause ("" or " (the test ... took it as an
   * error)"), what happens to the value.
   */
  TRUNCATED_PAGE_SINK(
      Check.TRUNCATED_PAGE_UNHANDLED,
      "%s at line %d returned AOP_TRUNCATED_PAGE%s, and on that path the result is %s; it is"
          + " neither an error nor a byte count: release the page and look it up again"),

  /** Arguments: operation, line of the call, test clause, method, line of the return. */
  TRUNCATED_PAGE_RETURNED(
      Check.TRUNCATED_PAGE_UNHANDLED,
      "%s at line %d returned AOP_TRUNCATED_PAGE%s, and %s returns it to its caller at line %d;"
          + " release the page and look it up again, or declare @MayReturn(TRUNCATED_PAGE) if"
          + " its callers retry"),

  /** Arguments: operation, line of the call, test clause, line where the path leaves. */
  TRUNCATED_PAGE_NOT_RETRIED(
      Check.TRUNCATED_PAGE_UNHANDLED,
      "%s at line %d returned AOP_TRUNCATED_PAGE%s, but this path leaves the method at line %d"
          + " without looking the page up again; release the page and retry the lookup (or"
          + " declare the method @BestEffort if giving the page up is intended)"),

  /** Arguments: operation, line of the call, test clause, what happens to the value. */
  WRITEPAGE_ACTIVATE_SINK(
      Check.WRITEPAGE_ACTIVATE_UNHANDLED,
      "%s at line %d returned AOP_WRITEPAGE_ACTIVATE%s, and on that path the result is %s; it is"
          + " not an error: unlock the page and treat the result as 0"),

  /** Arguments: operation, line of the call, test clause, method, line of the return. */
  WRITEPAGE_ACTIVATE_RETURNED(
      Check.WRITEPAGE_ACTIVATE_UNHANDLED,
      "%s at line %d returned AOP_WRITEPAGE_ACTIVATE%s, and %s returns it to its caller at line"
          + " %d; unlock the page and return 0 instead (or declare"
          + " @MayReturn(WRITEPAGE_ACTIVATE) if the caller is page reclaim)"),

  /**
   * Arguments: page, line of the unlock, operation, line of the call, outcome, what to do instead.
   */
  DOUBLE_UNLOCK_AFTER_CALLEE(
      Check.DOUBLE_UNLOCK,
      "page `%s` unlocked again at line %d, but %s at line %d returned %s and had already unlocked"
          + " it; %s"),

  /** Arguments: page, line of the unlock, how it was already unlocked, its line. */
  DOUBLE_UNLOCK_AFTER_UNLOCK(
      Check.DOUBLE_UNLOCK,
      "page `%s` unlocked at line %d, but it was already unlocked (%s at line %d); unlock it once"),

  /**
   * Arguments: page, where the path leaves it ("when the method returns at line 12"), operation,
   * line of the call, outcome.
   */
  PAGE_LEFT_LOCKED(
      Check.PAGE_LEFT_LOCKED,
      "page `%s` is still locked %s: %s at line %d returned %s and left it locked; unlock it (or"
          + " hand it over with a @TakesOver method)"),

  /** Arguments: page, where ("when the method returns at line 12"), operation, line of the call. */
  TRUNCATED_PAGE_NOT_RELEASED(
      Check.TRUNCATED_PAGE_LEAK,
      "page `%s` is not released %s, but %s at line %d returned AOP_TRUNCATED_PAGE and the"
          + " reference is still ours; release it once before looking the page up again"),

  /**
   * Arguments: page, line of the second release, operation, line of the call, line of the first
   * release.
   */
  TRUNCATED_PAGE_RELEASED_TWICE(
      Check.TRUNCATED_PAGE_LEAK,
      "page `%s` released again at line %d after %s at line %d returned AOP_TRUNCATED_PAGE; it was"
          + " already released at line %d: release it exactly once"),

  /** Arguments: page, line of the use, what the use is, operation, line of the call. */
  TRUNCATED_PAGE_USED(
      Check.TRUNCATED_PAGE_USE,
      "page `%s` is used at line %d (%s), but %s at line %d returned AOP_TRUNCATED_PAGE: the page"
          + " may have been truncated; release it and look it up again"),

  /** Arguments: method, outcome, line of the return, page, operation of the contract. */
  IMPLEMENTATION_STILL_LOCKED(
      Check.IMPLEMENTATION_LOCK_STATE,
      "%s returns %s at line %d with page `%s` still locked, but the %s contract says the page is"
          + " unlocked after that outcome; unlock it before returning"),

  /** Arguments: method, outcome, line of the return, page, operation of the contract. */
  IMPLEMENTATION_UNLOCKED(
      Check.IMPLEMENTATION_LOCK_STATE,
      "%s returns %s at line %d after page `%s` was unlocked, but the %s contract says the page is"
          + " still locked after that outcome; keep it locked on this path"),

  /** Arguments: method, line of the return, page. */
  WRITEPAGE_ACTIVATE_NOT_REDIRTIED(
      Check.WRITEPAGE_ACTIVATE_NOT_REDIRTIED,
      "%s returns AOP_WRITEPAGE_ACTIVATE at line %d without redirtying page `%s`: the caller cleaned"
          + " it, so its data would never be written; redirty the page before returning the code"),

  /** Arguments: method, code, line of the return, code's annotation constant. */
  UNDECLARED_CODE(
      Check.UNDECLARED_CODE,
      "%s returns %s at line %d, but its contract does not declare it; declare"
          + " @MayReturn(%s) or return 0 or a negative error"),

  /** No arguments. */
  LEGACY_NAME(
      Check.LEGACY_NAME,
      "WRITEPAGE_ACTIVATE is the pre-2005 name of AOP_WRITEPAGE_ACTIVATE; use the AOP_ constant"),

  /** Arguments: the literal as written, the constant it means. */
  LEGACY_LITERAL(
      Check.LEGACY_NAME,
      "the raw literal %s is %s; use the named constant so that readers and checks see the code");

  private final Check check;
  private final String template;

  MessageKey(Check check, String template) {
    this.check = check;
    this.template = template;
  }

  /** The check whose findings use this key. */
  public Check check() {
    return check;
  }

  /** The text with {@code %s}/{@code %d} placeholders for the arguments. */
  public String template() {
    return template;
  }

  /**
   * The message for these arguments.
   *
   * @throws IllegalArgumentException if the arguments do not fit the template
   */
  public String render(Object... arguments) {
    try {
      return String.format(template, arguments);
    } catch (IllegalFormatException e) {
      throw new IllegalArgumentException("arguments do not fit " + name() + ": " + e, e);
    }
  }
}
