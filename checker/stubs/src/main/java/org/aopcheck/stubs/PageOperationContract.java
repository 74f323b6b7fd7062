package org.aopcheck.stubs;

import java.util.Objects;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageState;

/**
 * The elements of a {@link PageOperation} written in a stub file, defaults filled in.
 *
 * @param name the operation's kernel name ({@code "readpage"})
 * @param onSuccess the page's lock state after the operation returns 0
 * @param onError the page's lock state after a negative error
 * @param onTruncatedPage the page's lock state after {@code AOP_TRUNCATED_PAGE}
 * @param onWritepageActivate the page's lock state after {@code AOP_WRITEPAGE_ACTIVATE}
 */
public record PageOperationContract(
    String name,
    PageState onSuccess,
    PageState onError,
    PageState onTruncatedPage,
    PageState onWritepageActivate) {

  /** Rejects missing elements: a contract is complete once read. */
  public PageOperationContract {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(onError, "onError");
    Objects.requireNonNull(onTruncatedPage, "onTruncatedPage");
    Objects.requireNonNull(onWritepageActivate, "onWritepageActivate");
  }
}
