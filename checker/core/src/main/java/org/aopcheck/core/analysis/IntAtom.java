package org.aopcheck.core.analysis;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.core.contract.Outcome;
import org.aopcheck.core.ir.ComparisonOperator;

/**
 * The abstract values of an int result: the lattice of an {@link IntFact} is the powerset of these
 * atoms (join = union, the empty set is unreachable, the full set is "unknown"). Each atom is a set
 * of concrete ints; together they partition {@code int}.
 */
public enum IntAtom {
  /** {@code 0}. */
  ZERO(0, 0),
  /** Any negative int: an errno. */
  NEGATIVE(Integer.MIN_VALUE, -1),
  /** {@code AOP_TRUNCATED_PAGE} ({@code 0x80001}). */
  TRUNCATED_PAGE(AopCode.TRUNCATED_PAGE.value(), AopCode.TRUNCATED_PAGE.value()),
  /** {@code AOP_WRITEPAGE_ACTIVATE} ({@code 0x80000}). */
  WRITEPAGE_ACTIVATE(AopCode.WRITEPAGE_ACTIVATE.value(), AopCode.WRITEPAGE_ACTIVATE.value()),
  /** Any other positive int (a byte count, say): {@code [1, MAX]} without the two codes. */
  OTHER_POSITIVE(1, Integer.MAX_VALUE);

  /** Every atom: nothing is known. */
  public static final Set<IntAtom> ALL = EnumSet.allOf(IntAtom.class);

  private final long low;
  private final long high;

  IntAtom(long low, long high) {
    this.low = low;
    this.high = high;
  }

  /** The atom holding {@code value}. */
  public static IntAtom of(long value) {
    if (value == 0) {
      return ZERO;
    } else if (value < 0) {
      return NEGATIVE;
    } else if (value == AopCode.TRUNCATED_PAGE.value()) {
      return TRUNCATED_PAGE;
    } else if (value == AopCode.WRITEPAGE_ACTIVATE.value()) {
      return WRITEPAGE_ACTIVATE;
    }
    return OTHER_POSITIVE;
  }

  /** The atom of an operation's outcome. */
  public static IntAtom of(Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> ZERO;
      case ERROR -> NEGATIVE;
      case TRUNCATED_PAGE -> TRUNCATED_PAGE;
      case WRITEPAGE_ACTIVATE -> WRITEPAGE_ACTIVATE;
    };
  }

  /** The outcome an implementation returning a value of this atom has, or null (a byte count). */
  public Outcome outcome() {
    return switch (this) {
      case ZERO -> Outcome.SUCCESS;
      case NEGATIVE -> Outcome.ERROR;
      case TRUNCATED_PAGE -> Outcome.TRUNCATED_PAGE;
      case WRITEPAGE_ACTIVATE -> Outcome.WRITEPAGE_ACTIVATE;
      case OTHER_POSITIVE -> null;
    };
  }

  /** The positive code of this atom, or null. */
  public AopCode code() {
    return switch (this) {
      case TRUNCATED_PAGE -> AopCode.TRUNCATED_PAGE;
      case WRITEPAGE_ACTIVATE -> AopCode.WRITEPAGE_ACTIVATE;
      default -> null;
    };
  }

  private boolean isSingleValue() {
    return low == high;
  }

  private boolean contains(long value) {
    return value >= low && value <= high && (this != OTHER_POSITIVE || of(value) == this);
  }

  /** Whether some value of this atom satisfies {@code value OP constant}. */
  public boolean mayHold(ComparisonOperator operator, long constant) {
    return switch (operator) {
      case EQUAL -> contains(constant);
      case NOT_EQUAL -> !isSingleValue() || low != constant;
      case LESS -> low < constant;
      case LESS_OR_EQUAL -> low <= constant;
      case GREATER -> high > constant;
      case GREATER_OR_EQUAL -> high >= constant;
    };
  }

  /** Whether some value of this atom equals one of {@code constants}. */
  public boolean mayEqualOneOf(Collection<Long> constants) {
    return constants.stream().anyMatch(this::contains);
  }

  /** Whether some value of this atom equals none of {@code constants}. */
  public boolean mayEqualNoneOf(Collection<Long> constants) {
    return isSingleValue() ? !constants.contains(low) : true;
  }
}
