package org.aopcheck.audit;

/** A wrong command line or unusable input; its message is the one line shown to the user. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
