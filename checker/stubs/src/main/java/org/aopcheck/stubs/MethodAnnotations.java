package org.aopcheck.stubs;

import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.BestEffort;
import org.aopcheck.annotations.Locks;
import org.aopcheck.annotations.LooksUp;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.Redirties;
import org.aopcheck.annotations.Releases;
import org.aopcheck.annotations.TakesOver;
import org.aopcheck.annotations.Unlocks;

/**
 * The aopcheck annotations a stub file puts on one method, with their element values typed with the
 * annotations jar's enums. Immutable.
 *
 * <p>{@link #annotationTypes()} says which annotations are present; the typed accessors give their
 * elements. {@link #source()} says where the method was described, for messages.
 */
public final class MethodAnnotations {
  private final MethodKey method;
  private final String source;
  private final int line;
  private final Set<Class<? extends Annotation>> annotationTypes;
  private final PageOperationContract pageOperation;
  private final Set<AopCode> mayReturn;
  private final int pageParameter;
  private final LooksUpContract looksUp;

  private MethodAnnotations(Builder builder) {
    this.method = Objects.requireNonNull(builder.method, "method");
    this.source = Objects.requireNonNull(builder.source, "source");
    this.line = builder.line;
    this.annotationTypes =
        Collections.unmodifiableSet(new LinkedHashSet<>(builder.annotationTypes));
    this.pageOperation = builder.pageOperation;
    this.mayReturn =
        builder.mayReturn == null
            ? null
            : Collections.unmodifiableSet(
                builder.mayReturn.isEmpty()
                    ? EnumSet.noneOf(AopCode.class)
                    : EnumSet.copyOf(builder.mayReturn));
    this.pageParameter = builder.pageParameter;
    this.looksUp = builder.looksUp;
  }

  /** The method described. */
  public MethodKey method() {
    return method;
  }

  /** Where it was described: {@code FILE:LINE} of the method's name in the stub file. */
  public String source() {
    return source;
  }

  /** The line of {@link #source()}, for a problem found after the file was read. */
  int line() {
    return line;
  }

  /**
   * The aopcheck annotations present, on the method or (for {@link PageParameter}) on one of its
   * parameters, in the order written. Never empty: a stub method without any is not recorded.
   */
  public Set<Class<? extends Annotation>> annotationTypes() {
    return annotationTypes;
  }

  /** Whether the annotation is present on the method (or on a parameter, for PageParameter). */
  public boolean has(Class<? extends Annotation> annotationType) {
    return annotationTypes.contains(annotationType);
  }

  /** {@link PageOperation}'s elements, defaults filled in. */
  public Optional<PageOperationContract> pageOperation() {
    return Optional.ofNullable(pageOperation);
  }

  /** {@link MayReturn}'s codes; present and empty for {@code @MayReturn({})}. */
  public Optional<Set<AopCode>> mayReturn() {
    return Optional.ofNullable(mayReturn);
  }

  /**
   * The index (from 0) of the parameter carrying {@link PageParameter}; empty when none does, in
   * which case the contract speaks of the receiver.
   */
  public OptionalInt pageParameter() {
    return pageParameter < 0 ? OptionalInt.empty() : OptionalInt.of(pageParameter);
  }

  /** {@link LooksUp}'s elements. */
  public Optional<LooksUpContract> looksUp() {
    return Optional.ofNullable(looksUp);
  }

  /** {@link Locks} is present. */
  public boolean locks() {
    return has(Locks.class);
  }

  /** {@link Unlocks} is present. */
  public boolean unlocks() {
    return has(Unlocks.class);
  }

  /** {@link Releases} is present. */
  public boolean releases() {
    return has(Releases.class);
  }

  /** {@link Redirties} is present. */
  public boolean redirties() {
    return has(Redirties.class);
  }

  /** {@link TakesOver} is present. */
  public boolean takesOver() {
    return has(TakesOver.class);
  }

  /** {@link BestEffort} is present. */
  public boolean bestEffort() {
    return has(BestEffort.class);
  }

  @Override
  public String toString() {
    StringBuilder text =
        new StringBuilder(method.toString()).append(" at ").append(source).append(':');
    for (Class<? extends Annotation> type : annotationTypes) {
      text.append(" @").append(type.getSimpleName());
    }
    return text.toString();
  }

  /** Collects one method's annotations while a stub file is read. */
  static final class Builder {
    private MethodKey method;
    private String source;
    private int line;
    private final Set<Class<? extends Annotation>> annotationTypes = new LinkedHashSet<>();
    private PageOperationContract pageOperation;
    private Set<AopCode> mayReturn;
    private int pageParameter = -1;
    private LooksUpContract looksUp;

    Builder method(MethodKey method, String file, int line) {
      this.method = method;
      this.source = file + ":" + line;
      this.line = line;
      return this;
    }

    /** Records a present annotation; false if it was already recorded. */
    boolean add(Class<? extends Annotation> annotationType) {
      return annotationTypes.add(annotationType);
    }

    boolean isEmpty() {
      return annotationTypes.isEmpty();
    }

    Builder pageOperation(PageOperationContract pageOperation) {
      this.pageOperation = pageOperation;
      return this;
    }

    Builder mayReturn(Set<AopCode> codes) {
      this.mayReturn = codes;
      return this;
    }

    Builder pageParameter(int index) {
      this.pageParameter = index;
      return this;
    }

    Builder looksUp(LooksUpContract looksUp) {
      this.looksUp = looksUp;
      return this;
    }

    MethodAnnotations build() {
      return new MethodAnnotations(this);
    }
  }
}
