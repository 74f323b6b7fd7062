package org.aopcheck.core.contract;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.PageState;

/**
 * The contract of a page operation ({@code @PageOperation} with {@code @MayReturn}): its name, the
 * positive codes it may return, and the lock state its page is left in after each outcome.
 */
public final class OperationContract {
  private final String name;
  private final Set<AopCode> codes;
  private final Map<Outcome, PageState> lockAfter;

  private OperationContract(String name, Set<AopCode> codes, Map<Outcome, PageState> lockAfter) {
    this.name = Objects.requireNonNull(name);
    this.codes = Collections.unmodifiableSet(codes);
    this.lockAfter = Collections.unmodifiableMap(lockAfter);
  }

  /**
   * A contract as the annotations declare it.
   *
   * @param name the operation's name as a kernel engineer knows it ("readpage")
   * @param codes the positive codes declared with {@code @MayReturn}
   */
  public static OperationContract of(
      String name,
      Set<AopCode> codes,
      PageState onSuccess,
      PageState onError,
      PageState onTruncatedPage,
      PageState onWritepageActivate) {
    EnumSet<AopCode> declared = codes.isEmpty() ? EnumSet.noneOf(AopCode.class) : EnumSet.copyOf(codes);
    Map<Outcome, PageState> states = new EnumMap<>(Outcome.class);
    states.put(Outcome.SUCCESS, onSuccess);
    states.put(Outcome.ERROR, onError);
    if (declared.contains(AopCode.TRUNCATED_PAGE)) {
      states.put(Outcome.TRUNCATED_PAGE, onTruncatedPage);
    }
    if (declared.contains(AopCode.WRITEPAGE_ACTIVATE)) {
      states.put(Outcome.WRITEPAGE_ACTIVATE, onWritepageActivate);
    }
    return new OperationContract(name, declared, states);
  }

  /** The operation's name, used in messages. */
  public String name() {
    return name;
  }

  /** The positive codes the operation may return. */
  public Set<AopCode> codes() {
    return codes;
  }

  /** Every outcome the operation may have: 0, a negative error, and each declared code. */
  public Set<Outcome> outcomes() {
    return lockAfter.keySet();
  }

  /** The page's lock state after {@code outcome}; the outcome must be one of {@link #outcomes()}. */
  public PageState lockAfter(Outcome outcome) {
    PageState state = lockAfter.get(outcome);
    if (state == null) {
      throw new IllegalArgumentException(name + " does not return " + outcome);
    }
    return state;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OperationContract that
        && name.equals(that.name)
        && codes.equals(that.codes)
        && lockAfter.equals(that.lockAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, codes, lockAfter);
  }

  @Override
  public String toString() {
    return name + lockAfter;
  }
}
