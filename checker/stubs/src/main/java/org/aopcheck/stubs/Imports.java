package org.aopcheck.stubs;

import com.github.javaparser.ast.ImportDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The imports in force in one package section of a stub file: the file's leading imports and the
 * section's own. Imports of {@code org.aopcheck.annotations} are checked as they are added, since
 * the jar's contents are known.
 */
final class Imports {
  /** Simple name to canonical name, from {@code import a.b.C;}. */
  private final Map<String, String> singleTypes = new LinkedHashMap<>();

  /** {@code a.b} from {@code import a.b.*;}. */
  private final List<String> onDemand = new ArrayList<>();

  /** Member name to its declaring type's canonical name, from {@code import static a.b.C.M;}. */
  private final Map<String, String> staticMembers = new LinkedHashMap<>();

  /** {@code a.b.C} from {@code import static a.b.C.*;}. */
  private final List<String> staticOnDemand = new ArrayList<>();

  Imports() {}

  Imports(Imports copy) {
    singleTypes.putAll(copy.singleTypes);
    onDemand.addAll(copy.onDemand);
    staticMembers.putAll(copy.staticMembers);
    staticOnDemand.addAll(copy.staticOnDemand);
  }

  /** Adds the declarations; the first import of a simple name wins, as javac would reject both. */
  void addAll(List<ImportDeclaration> declarations) throws StubProblem {
    for (ImportDeclaration declaration : declarations) {
      add(declaration);
    }
  }

  private void add(ImportDeclaration declaration) throws StubProblem {
    String name = declaration.getNameAsString();
    if (declaration.isAsterisk()) {
      checkAopOnDemand(declaration, name);
      (declaration.isStatic() ? staticOnDemand : onDemand).add(name);
      return;
    }
    int lastDot = name.lastIndexOf('.');
    String qualifier = lastDot < 0 ? "" : name.substring(0, lastDot);
    String simpleName = name.substring(lastDot + 1);
    if (declaration.isStatic()) {
      checkAopStaticMember(declaration, qualifier, simpleName);
      staticMembers.putIfAbsent(simpleName, qualifier);
    } else {
      checkAopType(declaration, qualifier, simpleName);
      singleTypes.putIfAbsent(simpleName, name);
    }
  }

  private static void checkAopOnDemand(ImportDeclaration declaration, String name)
      throws StubProblem {
    if (!declaration.isStatic() || !name.startsWith(AopVocabulary.PACKAGE + ".")) {
      return;
    }
    String typeName = name.substring(AopVocabulary.PACKAGE.length() + 1);
    if (AopVocabulary.enumType(typeName).isEmpty()) {
      throw new StubProblem(
          declaration,
          "import static "
              + name
              + ".* names no enum of the annotations jar"
              + AopVocabulary.didYouMean(typeName, AopVocabulary.enumNames(), ""));
    }
  }

  private static void checkAopType(
      ImportDeclaration declaration, String qualifier, String simpleName) throws StubProblem {
    if (qualifier.equals(AopVocabulary.PACKAGE) && AopVocabulary.type(simpleName).isEmpty()) {
      throw new StubProblem(
          declaration,
          "import "
              + qualifier
              + "."
              + simpleName
              + " names no type of the annotations jar"
              + AopVocabulary.didYouMean(simpleName, AopVocabulary.typeNames(), ""));
    }
  }

  private static void checkAopStaticMember(
      ImportDeclaration declaration, String qualifier, String memberName) throws StubProblem {
    if (!qualifier.startsWith(AopVocabulary.PACKAGE + ".")) {
      return;
    }
    String typeName = qualifier.substring(AopVocabulary.PACKAGE.length() + 1);
    Optional<Class<? extends Enum<?>>> enumType = AopVocabulary.enumType(typeName);
    if (enumType.isEmpty()) {
      throw new StubProblem(
          declaration, "import static " + qualifier + "." + memberName + " names no enum constant");
    }
    if (AopVocabulary.constant(enumType.get(), memberName).isEmpty()) {
      throw new StubProblem(
          declaration,
          "import static "
              + qualifier
              + "."
              + memberName
              + ": "
              + typeName
              + " has no constant "
              + memberName
              + AopVocabulary.didYouMean(
                  memberName, AopVocabulary.constantNames(enumType.get()), ""));
    }
  }

  Optional<String> singleType(String simpleName) {
    return Optional.ofNullable(singleTypes.get(simpleName));
  }

  List<String> onDemand() {
    return onDemand;
  }

  boolean importsAopPackage() {
    return onDemand.contains(AopVocabulary.PACKAGE);
  }

  /**
   * The enum of the annotations jar that a simple name is a statically imported constant of, by a
   * single or an on-demand static import; empty if the name is not imported from one.
   */
  Optional<Class<? extends Enum<?>>> staticallyImportedEnum(String constantName) {
    String declaringType = staticMembers.get(constantName);
    if (declaringType != null) {
      return aopEnum(declaringType);
    }
    for (String type : staticOnDemand) {
      Optional<Class<? extends Enum<?>>> enumType = aopEnum(type);
      if (enumType.isPresent()
          && AopVocabulary.constant(enumType.get(), constantName).isPresent()) {
        return enumType;
      }
    }
    return Optional.empty();
  }

  /** Whether the simple name is statically imported from anywhere. */
  boolean isStaticallyImported(String name) {
    return staticMembers.containsKey(name);
  }

  /**
   * The enum of the annotations jar that a type name as written ({@code PageState}, {@code
   * org.aopcheck.annotations.PageState}) stands for.
   */
  Optional<Class<? extends Enum<?>>> aopEnumNamed(String written) {
    if (written.contains(".")) {
      return aopEnum(written);
    }
    Optional<String> imported = singleType(written);
    if (imported.isPresent()) {
      return aopEnum(imported.get());
    }
    return importsAopPackage() ? AopVocabulary.enumType(written) : Optional.empty();
  }

  private static Optional<Class<? extends Enum<?>>> aopEnum(String canonicalName) {
    return AopVocabulary.ENUMS.stream()
        .filter(e -> e.getCanonicalName().equals(canonicalName))
        .findFirst();
  }
}
