package org.aopcheck.errorprone.contract;

import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.PageState;
import org.aopcheck.core.contract.ContractSource;
import org.aopcheck.core.contract.MethodContract;
import org.aopcheck.core.contract.OperationContract;
import org.aopcheck.core.contract.PageVerb;

/**
 * Reads the contract of a method from javac symbols: the annotations of {@code
 * org.aopcheck.annotations} (matched by qualified name, so the checker needs no particular copy of
 * the annotations jar), then a {@link ContractSource} such as stub files for methods that carry none.
 * A method that overrides annotated methods inherits each part of the contract it does not declare
 * itself from the nearest of them ({@link ASTHelpers#findSuperMethods}).
 *
 * <p>One reader serves one compilation; it remembers what it read.
 */
public final class ContractReader {
  private static final String PACKAGE = "org.aopcheck.annotations.";

  private final Types types;
  private final Elements elements;
  private final ContractSource stubs;
  private final Map<MethodSymbol, MethodContract> cache = new HashMap<>();

  public ContractReader(Types types, Elements elements, ContractSource stubs) {
    this.types = types;
    this.elements = elements;
    this.stubs = stubs;
  }

  /** The method's contract, declared, from stubs, or inherited; {@link MethodContract#none()} if none. */
  public MethodContract contractOf(MethodSymbol method) {
    MethodContract cached = cache.get(method);
    if (cached == null) {
      cached = read(method);
      cache.put(method, cached);
    }
    return cached;
  }

  private MethodContract read(MethodSymbol method) {
    Parts own = declared(method);
    List<Parts> inherited = new ArrayList<>();
    for (MethodSymbol superMethod : ASTHelpers.findSuperMethods(method, types)) {
      inherited.add(declared(superMethod));
    }
    MethodContract.Builder builder = MethodContract.builder();
    OperationContract operation = own.operation;
    Set<AopCode> mayReturn = own.mayReturn;
    Set<PageVerb> verbs = own.verbs;
    Boolean looksUp = own.looksUpLocked;
    Integer page = own.pageParameter;
    boolean bestEffort = own.bestEffort;
    for (Parts parts : inherited) {
      operation = operation != null ? operation : parts.operation;
      mayReturn = mayReturn != null ? mayReturn : parts.mayReturn;
      verbs = !verbs.isEmpty() ? verbs : parts.verbs;
      looksUp = looksUp != null ? looksUp : parts.looksUpLocked;
      page = page != null ? page : parts.pageParameter;
      bestEffort = bestEffort || parts.bestEffort;
    }
    if (mayReturn != null && operation != null && !mayReturn.equals(operation.codes())) {
      operation = withCodes(operation, mayReturn);
    }
    if (operation != null) {
      builder.operation(operation);
    }
    if (mayReturn != null) {
      builder.mayReturn(mayReturn);
    }
    verbs.forEach(builder::verb);
    if (looksUp != null) {
      builder.looksUp(looksUp);
    }
    builder.pageParameter(page != null ? page : MethodContract.RECEIVER).bestEffort(bestEffort);
    return builder.build();
  }

  /** The parts of a contract one method declares, by annotations or in a stub. */
  private static final class Parts {
    OperationContract operation;
    Set<AopCode> mayReturn;
    Set<PageVerb> verbs = EnumSet.noneOf(PageVerb.class);
    Boolean looksUpLocked;
    Integer pageParameter;
    boolean bestEffort;
    /** The raw @PageOperation values until @MayReturn is known. */
    Map<String, Object> pageOperation;
  }

  private Parts declared(MethodSymbol method) {
    Parts parts = new Parts();
    boolean any = false;
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String name = annotationName(mirror);
      if (name == null) {
        continue;
      }
      any = true;
      switch (name) {
        case "PageOperation" -> parts.pageOperation = values(mirror);
        case "MayReturn" -> parts.mayReturn = codes(values(mirror).get("value"));
        case "LooksUp" -> parts.looksUpLocked = Boolean.TRUE.equals(values(mirror).get("locked"));
        case "Locks" -> parts.verbs.add(PageVerb.LOCK);
        case "Unlocks" -> parts.verbs.add(PageVerb.UNLOCK);
        case "Releases" -> parts.verbs.add(PageVerb.RELEASE);
        case "Redirties" -> parts.verbs.add(PageVerb.REDIRTY);
        case "TakesOver" -> parts.verbs.add(PageVerb.TAKE_OVER);
        case "BestEffort" -> parts.bestEffort = true;
        default -> {}
      }
    }
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      for (AnnotationMirror mirror : parameters.get(i).getAnnotationMirrors()) {
        if ("PageParameter".equals(annotationName(mirror))) {
          parts.pageParameter = i;
          any = true;
        }
      }
    }
    if (parts.pageOperation != null) {
      Map<String, Object> v = parts.pageOperation;
      parts.operation =
          OperationContract.of(
              (String) v.get("value"),
              parts.mayReturn == null ? Set.of() : parts.mayReturn,
              state(v.get("onSuccess")),
              state(v.get("onError")),
              state(v.get("onTruncatedPage")),
              state(v.get("onWritepageActivate")));
    }
    if (!any) {
      Optional<MethodContract> stub = stubContract(method);
      if (stub.isPresent()) {
        return fromContract(stub.get());
      }
    }
    return parts;
  }

  private Optional<MethodContract> stubContract(MethodSymbol method) {
    if (stubs == ContractSource.NONE) {
      return Optional.empty();
    }
    Symbol owner = method.owner;
    List<String> parameterTypes = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      parameterTypes.add(types.erasure(((Symbol) parameter).type).toString());
    }
    return stubs.contractFor(
        owner.getQualifiedName().toString(), method.getSimpleName().toString(), parameterTypes);
  }

  private static Parts fromContract(MethodContract contract) {
    Parts parts = new Parts();
    parts.operation = contract.operation().orElse(null);
    parts.mayReturn = contract.mayReturn().orElse(null);
    parts.verbs = contract.verbs().isEmpty() ? EnumSet.noneOf(PageVerb.class) : EnumSet.copyOf(contract.verbs());
    parts.looksUpLocked = contract.looksUpLocked().orElse(null);
    parts.pageParameter =
        contract.pageParameter() == MethodContract.RECEIVER ? null : contract.pageParameter();
    parts.bestEffort = contract.bestEffort();
    return parts;
  }

  private static OperationContract withCodes(OperationContract operation, Set<AopCode> codes) {
    return OperationContract.of(
        operation.name(),
        codes,
        operation.lockAfter(org.aopcheck.core.contract.Outcome.SUCCESS),
        operation.lockAfter(org.aopcheck.core.contract.Outcome.ERROR),
        PageState.UNLOCKED,
        PageState.LOCKED);
  }

  /** The simple name of an annotation of the vocabulary, or null for any other annotation. */
  private static String annotationName(AnnotationMirror mirror) {
    String qualified = mirror.getAnnotationType().asElement().toString();
    return qualified.startsWith(PACKAGE) ? qualified.substring(PACKAGE.length()) : null;
  }

  private Map<String, Object> values(AnnotationMirror mirror) {
    Map<String, Object> values = new HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue().getValue());
    }
    return values;
  }

  private static PageState state(Object value) {
    return PageState.valueOf(enumName(value));
  }

  private static Set<AopCode> codes(Object value) {
    Set<AopCode> codes = EnumSet.noneOf(AopCode.class);
    if (value instanceof List<?> list) {
      for (Object element : list) {
        Object code = element instanceof AnnotationValue annotationValue ? annotationValue.getValue() : element;
        codes.add(AopCode.valueOf(enumName(code)));
      }
    }
    return codes;
  }

  private static String enumName(Object value) {
    return value instanceof VariableElement constant
        ? constant.getSimpleName().toString()
        : String.valueOf(value);
  }
}
