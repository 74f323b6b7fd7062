package org.aopcheck.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method may return these positive codes to its caller, besides {@code 0} and negative errors.
 *
 * <p>On a {@link PageOperation} it declares the codes the operation returns. On any other method it
 * declares that passing a code up to the caller is part of the method's contract, not a bug: its
 * callers are then checked as callers of an operation, and returning the code from its body is
 * allowed. A method without it that returns a code it got from an operation is reported.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MayReturn {
  /** The codes; empty means the method returns only {@code 0} and negative errors. */
  AopCode[] value();
}
