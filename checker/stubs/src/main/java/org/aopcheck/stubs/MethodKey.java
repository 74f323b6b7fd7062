package org.aopcheck.stubs;

import java.util.List;
import java.util.Objects;

/**
 * A method as a stub file and a compiler both name it, without any compiler's symbols.
 *
 * @param declaringType the canonical name of the declaring type: package, then enclosing types,
 *     separated by dots ({@code org.example.fs.Ext4.Aops}); what javac's {@code
 *     Symbol.getQualifiedName()} gives, not the binary {@code Ext4$Aops}
 * @param methodName the method's simple name
 * @param parameterTypes the erased parameter types, each a canonical name ({@code
 *     java.lang.String}, {@code java.util.Map.Entry}), a primitive ({@code int}) or an array of one
 *     ({@code byte[]}, also for varargs); type variables are erased to their first bound ({@code
 *     java.lang.Object} without one)
 */
public record MethodKey(String declaringType, String methodName, List<String> parameterTypes) {

  /** Copies the parameter list, so the key is immutable. */
  public MethodKey {
    Objects.requireNonNull(declaringType, "declaringType");
    Objects.requireNonNull(methodName, "methodName");
    parameterTypes = List.copyOf(parameterTypes);
  }

  /** {@code org.example.fs.Ext4.readpage(java.io.File, org.example.Page)}. */
  @Override
  public String toString() {
    return declaringType + "." + methodName + "(" + String.join(", ", parameterTypes) + ")";
  }
}
