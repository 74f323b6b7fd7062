package org.aopcheck.vm.enforce;

/** The outcome of an address-space operation, classified from its return value. */
public enum Outcome {
  /** {@code 0}. */
  SUCCESS,
  /** A negative errno. */
  ERROR,
  /** {@code AOP_TRUNCATED_PAGE} ({@code 0x80001}). */
  TRUNCATED_PAGE,
  /** {@code AOP_WRITEPAGE_ACTIVATE} ({@code 0x80000}). */
  WRITEPAGE_ACTIVATE,
  /** Any other positive value: never part of the protocol. */
  OTHER_POSITIVE;

  /** Classifies a return value. */
  public static Outcome of(int result) {
    if (result == 0) {
      return SUCCESS;
    }
    if (result < 0) {
      return ERROR;
    }
    if (result == org.aopcheck.vm.AopCodes.AOP_TRUNCATED_PAGE) {
      return TRUNCATED_PAGE;
    }
    if (result == org.aopcheck.vm.AopCodes.AOP_WRITEPAGE_ACTIVATE) {
      return WRITEPAGE_ACTIVATE;
    }
    return OTHER_POSITIVE;
  }

  /** How a return value is named in messages: {@code AOP_TRUNCATED_PAGE}, {@code -5}, ... */
  public static String describe(int result) {
    return switch (of(result)) {
      case TRUNCATED_PAGE -> "AOP_TRUNCATED_PAGE";
      case WRITEPAGE_ACTIVATE -> "AOP_WRITEPAGE_ACTIVATE";
      case SUCCESS, ERROR, OTHER_POSITIVE -> Integer.toString(result);
    };
  }
}
