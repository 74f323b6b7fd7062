package org.aopcheck.errorprone.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aopcheck.core.contract.ContractSource;
import org.aopcheck.core.contract.MethodContract;
import org.aopcheck.core.contract.OperationContract;
import org.aopcheck.core.contract.PageVerb;
import org.aopcheck.stubs.MethodAnnotations;
import org.aopcheck.stubs.PageOperationContract;
import org.aopcheck.stubs.StubContracts;
import org.aopcheck.stubs.StubFileException;

/**
 * Contracts from stub files ({@code -XepOpt:Aop:Stubs=PATH[,PATH...]}), read by the {@code stubs}
 * module and turned into the engine's contract model.
 */
public final class StubContractSource implements ContractSource {
  private final StubContracts stubs;

  private StubContractSource(StubContracts stubs) {
    this.stubs = stubs;
  }

  /**
   * Reads the stub files.
   *
   * @throws StubFileException with a one-line message naming the file and line of the first problem
   */
  public static ContractSource load(List<Path> paths) throws StubFileException {
    return paths.isEmpty()
        ? ContractSource.NONE
        : new StubContractSource(StubContracts.load(paths));
  }

  @Override
  public Optional<MethodContract> contractFor(
      String className, String methodName, List<String> parameterTypes) {
    return stubs.find(className, methodName, parameterTypes).map(StubContractSource::contract);
  }

  private static MethodContract contract(MethodAnnotations method) {
    MethodContract.Builder builder = MethodContract.builder();
    Optional<PageOperationContract> operation = method.pageOperation();
    if (operation.isPresent()) {
      PageOperationContract o = operation.get();
      builder.operation(
          OperationContract.of(
              o.name(),
              method.mayReturn().orElse(java.util.Set.of()),
              o.onSuccess(),
              o.onError(),
              o.onTruncatedPage(),
              o.onWritepageActivate()));
    }
    method.mayReturn().ifPresent(builder::mayReturn);
    method.looksUp().ifPresent(lookUp -> builder.looksUp(lookUp.locked()));
    method.pageParameter().ifPresent(builder::pageParameter);
    if (method.locks()) {
      builder.verb(PageVerb.LOCK);
    }
    if (method.unlocks()) {
      builder.verb(PageVerb.UNLOCK);
    }
    if (method.releases()) {
      builder.verb(PageVerb.RELEASE);
    }
    if (method.redirties()) {
      builder.verb(PageVerb.REDIRTY);
    }
    if (method.takesOver()) {
      builder.verb(PageVerb.TAKE_OVER);
    }
    return builder.bestEffort(method.bestEffort()).build();
  }
}
