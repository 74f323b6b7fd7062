package org.aopcheck.core.ir;

/** How a value flows out of the analysis' view, in an {@link Event.Sink}. */
public enum SinkKind {
  /** Stored into a field or an array element. */
  FIELD_STORE("stored in %s"),
  /** Read anywhere inside an argument of a call that carries no contract. */
  ARGUMENT("passed to %s"),
  /** An operand of arithmetic ({@code +}, {@code -}, {@code +=}, ...). */
  ARITHMETIC("used as a number in %s");

  private final String template;

  SinkKind(String template) {
    this.template = template;
  }

  /** How messages describe the flow, given the sink's detail (field, callee or expression). */
  public String describe(String detail) {
    return String.format(template, detail);
  }
}
