package org.aopcheck.core.contract;

import java.util.List;
import java.util.Optional;

/**
 * Contracts from somewhere other than annotations on the code itself, such as stub files that
 * describe an unannotated third-party API. Front-ends ask it for a method they see called or
 * overridden; it lives in the engine so that every front-end (and a stub-file reader that depends
 * only on the engine) can share it.
 */
public interface ContractSource {
  /** A source that knows no method. */
  ContractSource NONE = (className, methodName, parameterTypes) -> Optional.empty();

  /**
   * The contract of a method, if this source describes it.
   *
   * @param className the declaring class's fully qualified name ({@code org.example.Ops}, nested
   *     classes with {@code $} or {@code .} as the source spells them: both must be accepted)
   * @param methodName the method's simple name
   * @param parameterTypes the erasures of its parameter types, fully qualified ({@code int},
   *     {@code org.example.Page})
   */
  Optional<MethodContract> contractFor(
      String className, String methodName, List<String> parameterTypes);
}
