package org.aopcheck.vm.enforce;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageState;
import org.aopcheck.vm.AddressSpaceOperations;
import org.aopcheck.vm.OpenFile;
import org.aopcheck.vm.Page;
import org.aopcheck.vm.WritebackControl;

/**
 * The contract of one address-space operation, read at run time from the {@link PageOperation} and
 * {@link MayReturn} annotations on {@link AddressSpaceOperations}: the one source of truth that the
 * static checker, the run-time enforcement and the conformance kit all read.
 */
public record OperationContract(
    String name,
    PageState onSuccess,
    PageState onError,
    PageState onTruncatedPage,
    PageState onWritepageActivate,
    Set<AopCode> mayReturn) {

  public static final OperationContract READPAGE =
      of(AddressSpaceOperations.class, "readpage", OpenFile.class, Page.class);
  public static final OperationContract PREPARE_WRITE =
      of(
          AddressSpaceOperations.class,
          "prepareWrite",
          OpenFile.class,
          Page.class,
          int.class,
          int.class);
  public static final OperationContract COMMIT_WRITE =
      of(
          AddressSpaceOperations.class,
          "commitWrite",
          OpenFile.class,
          Page.class,
          int.class,
          int.class);
  public static final OperationContract WRITEPAGE =
      of(AddressSpaceOperations.class, "writepage", Page.class, WritebackControl.class);

  /** Reads the contract of {@code type.methodName(parameterTypes)} from its annotations. */
  public static OperationContract of(Class<?> type, String methodName, Class<?>... parameterTypes) {
    Method method;
    try {
      method = type.getMethod(methodName, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no operation " + methodName, e);
    }
    return of(method);
  }

  /** Reads the contract of {@code method} from its annotations. */
  public static OperationContract of(Method method) {
    PageOperation operation = method.getAnnotation(PageOperation.class);
    if (operation == null) {
      throw new IllegalArgumentException(method + " carries no @PageOperation");
    }
    MayReturn mayReturn = method.getAnnotation(MayReturn.class);
    Set<AopCode> codes = EnumSet.noneOf(AopCode.class);
    if (mayReturn != null) {
      codes.addAll(Set.of(mayReturn.value()));
    }
    return new OperationContract(
        operation.value(),
        operation.onSuccess(),
        operation.onError(),
        operation.onTruncatedPage(),
        operation.onWritepageActivate(),
        Set.copyOf(codes));
  }

  /** Whether the operation may return {@code code}. */
  public boolean declares(AopCode code) {
    return mayReturn.contains(code);
  }

  /** The lock state the page must be in after {@code outcome}, or empty if it is not allowed. */
  public Optional<PageState> expectedState(Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> Optional.of(onSuccess);
      case ERROR -> Optional.of(onError);
      case TRUNCATED_PAGE ->
          declares(AopCode.TRUNCATED_PAGE) ? Optional.of(onTruncatedPage) : Optional.empty();
      case WRITEPAGE_ACTIVATE ->
          declares(AopCode.WRITEPAGE_ACTIVATE)
              ? Optional.of(onWritepageActivate)
              : Optional.empty();
      case OTHER_POSITIVE -> Optional.empty();
    };
  }
}
