package org.aopcheck.core.ir;

/** The value an {@link Event.Assign} stores or an {@link Event.Return} returns. */
public sealed interface Value {

  /** An int constant, e.g. {@code 0}, {@code -EIO}, {@code AOP_TRUNCATED_PAGE}. */
  record Constant(long value) implements Value {}

  /** The value of another local variable or parameter. */
  record Variable(String name) implements Value {}

  /** A boolean: whether {@code condition} holds ({@code boolean t = ret == AOP_TRUNCATED_PAGE}). */
  record Test(Condition condition, String text) implements Value {}

  /** {@code null}. */
  record Null() implements Value {}

  /** Anything else, or nothing (a {@code void} return). */
  record Unknown() implements Value {}
}
