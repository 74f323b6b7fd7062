package org.aopcheck.core.ir;

import org.aopcheck.core.contract.MethodContract;
import org.aopcheck.core.contract.PageVerb;

/**
 * One thing that happens in a method and matters to the protocol. Front-ends lower everything else
 * to nothing (an {@link Nop}). Variables are named by strings the front-end makes unique within the
 * method; {@code null} means "no variable the analysis can follow" (a field, an expression).
 */
public sealed interface Event {

  /** Nothing that matters; used for joins and for the entry. */
  record Nop() implements Event {}

  /** {@code page = lookUp(...)}: a new page reference, locked or not (or null). */
  record LookUp(String page, boolean locked, String callee) implements Event {}

  /**
   * A call of a method whose contract returns codes ({@code ret = aops.readpage(f, p)}): a page
   * operation, or a helper declaring {@code @MayReturn}. {@code result} is null when the result is
   * discarded; {@code page} is null when the page argument is not a local variable.
   */
  record OperationCall(String result, String page, String callee, MethodContract contract)
      implements Event {}

  /** A verb on a page ({@code p.unlock()}, {@code lru.add(p)}). */
  record PageEffect(String page, PageVerb verb, String callee) implements Event {}

  /** Any other use of a page: a call on it, a field read, passing it to a call without contract. */
  record PageUse(String page, String what) implements Event {}

  /** {@code variable = value}. */
  record Assign(String variable, Value value) implements Event {}

  /** A two-way branch; the node's first successor is taken when the condition holds. */
  record Branch(Condition condition, String text) implements Event {}

  /** A value flows out: {@code detail} names the field, callee or expression for messages. */
  record Sink(String variable, SinkKind kind, String detail) implements Event {}

  /** The method returns (or falls off its end, with {@link Value.Unknown}). Ends the path. */
  record Return(Value value) implements Event {}
}
