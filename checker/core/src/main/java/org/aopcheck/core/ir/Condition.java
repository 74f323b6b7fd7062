package org.aopcheck.core.ir;

import java.util.Set;

/**
 * What a {@link Event.Branch} tests. Anything a front-end does not understand is {@link Unknown}.
 */
public sealed interface Condition {

  /** The condition that holds exactly when this one does not. */
  Condition negate();

  /** {@code variable OP constant}, e.g. {@code ret != 0}. */
  record Comparison(String variable, ComparisonOperator operator, long constant)
      implements Condition {
    @Override
    public Condition negate() {
      return new Comparison(variable, operator.negate(), constant);
    }
  }

  /**
   * {@code variable} equals one of {@code constants} ({@code case A, B:} of a {@code switch}), or,
   * when {@code negated}, none of them.
   */
  record OneOf(String variable, Set<Long> constants, boolean negated) implements Condition {
    public OneOf {
      constants = Set.copyOf(constants);
    }

    @Override
    public Condition negate() {
      return new OneOf(variable, constants, !negated);
    }
  }

  /** A boolean local variable is true (or false, when {@code negated}). */
  record Flag(String variable, boolean negated) implements Condition {
    @Override
    public Condition negate() {
      return new Flag(variable, !negated);
    }
  }

  /**
   * A page variable is null ({@code p == null}, {@code null == p}), or, when {@code negated}, not
   * null ({@code p != null}).
   */
  record IsNull(String variable, boolean negated) implements Condition {
    @Override
    public Condition negate() {
      return new IsNull(variable, !negated);
    }
  }

  /** Both hold ({@code a && b}, evaluated left to right). */
  record And(Condition left, Condition right) implements Condition {
    @Override
    public Condition negate() {
      return new Or(left.negate(), right.negate());
    }
  }

  /** Either holds ({@code a || b}, evaluated left to right). */
  record Or(Condition left, Condition right) implements Condition {
    @Override
    public Condition negate() {
      return new And(left.negate(), right.negate());
    }
  }

  /** A condition the front-end did not understand: both branches are possible. */
  record Unknown() implements Condition {
    @Override
    public Condition negate() {
      return this;
    }
  }
}
