package org.aopcheck.core.contract;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aopcheck.annotations.AopCode;

/**
 * Everything the contract vocabulary says about one method: whether it is a page operation, which
 * positive codes it may return, what it does to its page (verbs, look-up), which parameter is its
 * page, and whether it is a best-effort caller. Front-ends build it from annotations or stub files;
 * the engine never sees where it came from.
 */
public final class MethodContract {
  /** {@link #pageParameter()} value meaning "the receiver is the page". */
  public static final int RECEIVER = -1;

  private static final MethodContract NONE =
      new MethodContract(null, null, EnumSet.noneOf(PageVerb.class), null, RECEIVER, false);

  private final OperationContract operation;
  private final Set<AopCode> mayReturn;
  private final Set<PageVerb> verbs;
  private final Boolean looksUpLocked;
  private final int pageParameter;
  private final boolean bestEffort;

  private MethodContract(
      OperationContract operation,
      Set<AopCode> mayReturn,
      Set<PageVerb> verbs,
      Boolean looksUpLocked,
      int pageParameter,
      boolean bestEffort) {
    this.operation = operation;
    this.mayReturn =
        mayReturn == null ? null : Collections.unmodifiableSet(copyOf(mayReturn, AopCode.class));
    this.verbs = Collections.unmodifiableSet(copyOf(verbs, PageVerb.class));
    this.looksUpLocked = looksUpLocked;
    this.pageParameter = pageParameter;
    this.bestEffort = bestEffort;
  }

  private static <E extends Enum<E>> EnumSet<E> copyOf(Set<E> set, Class<E> type) {
    return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
  }

  /** The contract of a method that carries no contract annotation. */
  public static MethodContract none() {
    return NONE;
  }

  /** A builder starting from no contract. */
  public static Builder builder() {
    return new Builder();
  }

  /** The operation contract if the method is (or overrides) a page operation. */
  public Optional<OperationContract> operation() {
    return Optional.ofNullable(operation);
  }

  /**
   * The codes declared with {@code @MayReturn}, empty if the method carries none; for a page
   * operation they equal {@link OperationContract#codes()}.
   */
  public Optional<Set<AopCode>> mayReturn() {
    return Optional.ofNullable(mayReturn);
  }

  /** The codes the method may return to its caller: {@code @MayReturn}, or none. */
  public Set<AopCode> declaredCodes() {
    return mayReturn == null ? Collections.emptySet() : mayReturn;
  }

  /** The verbs the method performs on its page. */
  public Set<PageVerb> verbs() {
    return verbs;
  }

  /** Present if the method returns a page with a new reference: whether it is returned locked. */
  public Optional<Boolean> looksUpLocked() {
    return Optional.ofNullable(looksUpLocked);
  }

  /** The index of the {@code @PageParameter} parameter, or {@link #RECEIVER}. */
  public int pageParameter() {
    return pageParameter;
  }

  /** Whether the method is a best-effort caller ({@code @BestEffort}). */
  public boolean bestEffort() {
    return bestEffort;
  }

  /** Whether callers must treat the method's result as an outcome with positive codes. */
  public boolean returnsCodes() {
    return !declaredCodes().isEmpty();
  }

  /** Whether the method owns its page parameter: it releases it or takes it over. */
  public boolean ownsPage() {
    return verbs.contains(PageVerb.RELEASE) || verbs.contains(PageVerb.TAKE_OVER);
  }

  /** Whether the contract says anything at all. */
  public boolean isEmpty() {
    return operation == null
        && mayReturn == null
        && verbs.isEmpty()
        && looksUpLocked == null
        && !bestEffort;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MethodContract that
        && Objects.equals(operation, that.operation)
        && Objects.equals(mayReturn, that.mayReturn)
        && verbs.equals(that.verbs)
        && Objects.equals(looksUpLocked, that.looksUpLocked)
        && pageParameter == that.pageParameter
        && bestEffort == that.bestEffort;
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, mayReturn, verbs, looksUpLocked, pageParameter, bestEffort);
  }

  @Override
  public String toString() {
    return "MethodContract{operation="
        + operation
        + ", mayReturn="
        + mayReturn
        + ", verbs="
        + verbs
        + ", looksUpLocked="
        + looksUpLocked
        + ", pageParameter="
        + pageParameter
        + ", bestEffort="
        + bestEffort
        + "}";
  }

  /** Builds a {@link MethodContract}. */
  public static final class Builder {
    private OperationContract operation;
    private Set<AopCode> mayReturn;
    private final Set<PageVerb> verbs = EnumSet.noneOf(PageVerb.class);
    private Boolean looksUpLocked;
    private int pageParameter = RECEIVER;
    private boolean bestEffort;

    private Builder() {}

    /** The method is a page operation; also sets {@link #mayReturn} to its codes. */
    public Builder operation(OperationContract operation) {
      this.operation = operation;
      this.mayReturn = operation.codes();
      return this;
    }

    public Builder mayReturn(Set<AopCode> codes) {
      this.mayReturn = codes;
      return this;
    }

    public Builder verb(PageVerb verb) {
      verbs.add(verb);
      return this;
    }

    public Builder looksUp(boolean locked) {
      this.looksUpLocked = locked;
      return this;
    }

    public Builder pageParameter(int index) {
      this.pageParameter = index;
      return this;
    }

    public Builder bestEffort(boolean bestEffort) {
      this.bestEffort = bestEffort;
      return this;
    }

    public MethodContract build() {
      return new MethodContract(
          operation, mayReturn, verbs, looksUpLocked, pageParameter, bestEffort);
    }
  }
}
