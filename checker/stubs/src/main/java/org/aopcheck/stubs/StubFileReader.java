package org.aopcheck.stubs;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseException;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Problem;
import com.github.javaparser.Token;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.AnnotationMemberDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.LooksUp;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;
import org.aopcheck.annotations.PageParameter;
import org.aopcheck.annotations.PageState;

/**
 * Reads one stub file into the annotations of the methods it describes.
 *
 * <p>The file is split into package sections ({@link StubSections}), each parsed by its own
 * JavaParser at language level 17. Then two passes per section: every annotation is resolved
 * through the imports and, if it is one of aopcheck's, checked for its place and its element
 * values; then the named types are walked and each method carrying aopcheck annotations is keyed by
 * its declaring type, name and erased parameter types. Problems are collected and the first by
 * position is reported, so the message names the earliest line to fix.
 */
final class StubFileReader {
  private static final Pattern PARSE_ERROR =
      Pattern.compile("Parse error\\. Found (.+?),? expected one of\\s+(.*)", Pattern.DOTALL);
  private static final Pattern EXPECTED_TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|<\\w+>");
  private static final int MAX_EXPECTED_TOKENS_SHOWN = 6;

  private final String file;
  private final List<StubProblem> problems = new ArrayList<>();
  private final IdentityHashMap<AnnotationExpr, ReadAnnotation> readAnnotations =
      new IdentityHashMap<>();
  private final Set<AnnotationExpr> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<MethodKey, MethodAnnotations> methods = new LinkedHashMap<>();

  /** An aopcheck annotation whose place and elements were checked; elements by name. */
  private record ReadAnnotation(Class<? extends Annotation> type, Map<String, Object> elements) {}

  private StubFileReader(String file) {
    this.file = file;
  }

  /**
   * The methods the file describes with aopcheck annotations, in the order written.
   *
   * @param file the file's name for messages
   * @param text the file's contents
   */
  static List<MethodAnnotations> read(String file, String text) throws StubFileException {
    StubFileReader reader = new StubFileReader(file);
    reader.readSections(text);
    Optional<StubProblem> first =
        reader.problems.stream()
            .min(Comparator.comparingInt(StubProblem::line).thenComparingInt(StubProblem::column));
    if (first.isPresent()) {
      throw new StubFileException(file, first.get().line(), first.get().getMessage());
    }
    return List.copyOf(reader.methods.values());
  }

  private void readSections(String text) throws StubFileException {
    List<CompilationUnit> units = new ArrayList<>();
    for (String section : StubSections.split(text)) {
      units.add(parse(section));
    }
    Imports fileImports = new Imports();
    try {
      fileImports.addAll(units.get(0).getImports());
    } catch (StubProblem problem) {
      problems.add(problem);
    }
    for (int i = 0; i < units.size(); i++) {
      Imports imports = fileImports;
      if (i > 0) {
        imports = new Imports(fileImports);
        try {
          imports.addAll(units.get(i).getImports());
        } catch (StubProblem problem) {
          problems.add(problem);
        }
      }
      readUnit(units.get(i), imports);
    }
  }

  private CompilationUnit parse(String source) throws StubFileException {
    ParserConfiguration configuration =
        new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17);
    ParseResult<CompilationUnit> result = new JavaParser(configuration).parse(source);
    if (result.isSuccessful() && result.getResult().isPresent()) {
      return result.getResult().get();
    }
    if (result.getProblems().isEmpty()) {
      throw new StubFileException(file, 1, "syntax error");
    }
    Problem problem = result.getProblems().get(0);
    throw new StubFileException(
        file, syntaxErrorLine(problem), "syntax error: " + describeSyntaxError(problem));
  }

  /**
   * The line of the offending token. The problem's range starts at the last token read, which may
   * be on an earlier line, so the parser's exception is asked for the token after it.
   */
  private static int syntaxErrorLine(Problem problem) {
    Optional<Throwable> cause = problem.getCause();
    if (cause.isPresent() && cause.get() instanceof ParseException parseException) {
      Token lastRead = parseException.currentToken;
      if (lastRead != null && lastRead.next != null) {
        return lastRead.next.beginLine;
      }
    }
    return problem
        .getLocation()
        .flatMap(l -> l.getBegin().getRange())
        .map(r -> r.begin.line)
        .orElse(1);
  }

  /** JavaParser's message on one line, without a list of dozens of expected tokens. */
  private static String describeSyntaxError(Problem problem) {
    String message = problem.getMessage().strip();
    Matcher parseError = PARSE_ERROR.matcher(message);
    if (parseError.matches()) {
      List<String> expected = new ArrayList<>();
      Matcher token = EXPECTED_TOKEN.matcher(parseError.group(2));
      while (token.find()) {
        expected.add(token.group());
      }
      String found = parseError.group(1);
      return expected.isEmpty() || expected.size() > MAX_EXPECTED_TOKENS_SHOWN
          ? "unexpected " + found
          : "found " + found + ", expected " + String.join(" or ", expected);
    }
    return message.lines().findFirst().orElse("").replaceFirst("^Parse error\\. ", "");
  }

  // ------------------------------------------------------------------ one package section

  private void readUnit(CompilationUnit unit, Imports imports) {
    for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
      readAnnotation(annotation, imports);
    }
    String packageName =
        unit.getPackageDeclaration().map(PackageDeclaration::getNameAsString).orElse("");
    Set<String> topLevelTypes =
        unit.getTypes().stream().map(TypeDeclaration::getNameAsString).collect(Collectors.toSet());
    TypeNames names = new TypeNames(packageName, topLevelTypes, imports);
    for (TypeDeclaration<?> type : unit.getTypes()) {
      readType(type, null, names);
    }
    for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
      ReadAnnotation read = readAnnotations.get(annotation);
      if (read != null && !consumed.contains(annotation)) {
        problems.add(
            new StubProblem(
                annotation,
                "@"
                    + read.type().getSimpleName()
                    + " is in an anonymous or local class, whose methods aopcheck does not read"));
      }
    }
  }

  // ------------------------------------------------------------------ annotations

  private void readAnnotation(AnnotationExpr annotation, Imports imports) {
    try {
      Optional<Class<? extends Annotation>> type = resolveAnnotation(annotation, imports);
      if (type.isEmpty()) {
        return;
      }
      checkPlace(annotation, type.get());
      readAnnotations.put(
          annotation,
          new ReadAnnotation(type.get(), readElements(annotation, type.get(), imports)));
    } catch (StubProblem problem) {
      problems.add(problem);
    }
  }

  /**
   * The aopcheck annotation the name stands for, or empty for another library's annotation (which
   * is ignored, as the Checker Framework does). Names that look like a misspelt or unimported
   * aopcheck annotation are reported rather than ignored, so a contract cannot silently vanish.
   */
  private static Optional<Class<? extends Annotation>> resolveAnnotation(
      AnnotationExpr annotation, Imports imports) throws StubProblem {
    Name name = annotation.getName();
    String simpleName = name.getIdentifier();
    if (name.getQualifier().isPresent()) {
      if (!name.getQualifier().get().asString().equals(AopVocabulary.PACKAGE)) {
        return Optional.empty();
      }
      return Optional.of(knownAnnotation(annotation, simpleName, "@" + name.asString()));
    }
    Optional<String> imported = imports.singleType(simpleName);
    if (imported.isPresent()) {
      return imported.get().equals(AopVocabulary.PACKAGE + "." + simpleName)
          ? Optional.of(knownAnnotation(annotation, simpleName, "@" + simpleName))
          : Optional.empty();
    }
    Optional<Class<? extends Annotation>> known = AopVocabulary.annotation(simpleName);
    if (known.isPresent()) {
      if (imports.importsAopPackage()) {
        return known;
      }
      throw new StubProblem(
          annotation,
          String.format(
              "@%s is not imported (add import %s.%s; or import %s.*;)",
              simpleName, AopVocabulary.PACKAGE, simpleName, AopVocabulary.PACKAGE));
    }
    if (JdkTypes.isType("java.lang." + simpleName)) {
      return Optional.empty();
    }
    Optional<String> meant = AopVocabulary.closest(simpleName, AopVocabulary.annotationNames());
    if (meant.isPresent()) {
      throw new StubProblem(
          annotation,
          "unknown annotation @" + simpleName + " (did you mean @" + meant.get() + "?)");
    }
    return Optional.empty();
  }

  private static Class<? extends Annotation> knownAnnotation(
      AnnotationExpr annotation, String simpleName, String written) throws StubProblem {
    Optional<Class<? extends Annotation>> known = AopVocabulary.annotation(simpleName);
    if (known.isEmpty()) {
      throw new StubProblem(
          annotation,
          "unknown annotation "
              + written
              + AopVocabulary.didYouMean(simpleName, AopVocabulary.annotationNames(), "@"));
    }
    return known.get();
  }

  /** Each annotation goes where its {@link Target} says: methods, or a method's parameters. */
  private static void checkPlace(AnnotationExpr annotation, Class<? extends Annotation> type)
      throws StubProblem {
    List<ElementType> targets = Arrays.asList(type.getAnnotation(Target.class).value());
    String wanted = targets.contains(ElementType.METHOD) ? "method" : "method parameter";
    String place = placeOf(annotation);
    if (!place.equals(wanted)) {
      throw new StubProblem(
          annotation,
          "@" + type.getSimpleName() + " belongs on a " + wanted + ", not on a " + place);
    }
  }

  private static String placeOf(AnnotationExpr annotation) {
    Node parent = annotation.getParentNode().orElse(null);
    if (parent instanceof MethodDeclaration) {
      return "method";
    }
    if (parent instanceof Parameter) {
      Node owner = parent.getParentNode().orElse(null);
      if (owner instanceof MethodDeclaration) {
        return "method parameter";
      }
      if (owner instanceof ConstructorDeclaration) {
        return "constructor parameter";
      }
      if (owner instanceof RecordDeclaration) {
        return "record component";
      }
      if (owner instanceof LambdaExpr) {
        return "lambda parameter";
      }
      return "parameter of this kind";
    }
    if (parent instanceof ConstructorDeclaration) {
      return "constructor";
    }
    if (parent instanceof TypeDeclaration) {
      return "type declaration";
    }
    if (parent instanceof FieldDeclaration) {
      return "field";
    }
    if (parent instanceof VariableDeclarationExpr) {
      return "local variable";
    }
    if (parent instanceof EnumConstantDeclaration) {
      return "enum constant";
    }
    if (parent instanceof AnnotationMemberDeclaration) {
      return "annotation element";
    }
    if (parent instanceof PackageDeclaration) {
      return "package declaration";
    }
    if (parent instanceof TypeParameter) {
      return "type parameter";
    }
    if (parent instanceof Type) {
      return "type use";
    }
    return "declaration of this kind";
  }

  /**
   * The element values by name, defaults filled in, read by reflection on the annotation type so
   * that the stub grammar follows the annotations jar.
   */
  private static Map<String, Object> readElements(
      AnnotationExpr annotation, Class<? extends Annotation> type, Imports imports)
      throws StubProblem {
    String annotationName = "@" + type.getSimpleName();
    Map<String, Method> elements = new LinkedHashMap<>();
    Arrays.stream(type.getDeclaredMethods())
        .sorted(Comparator.comparing(Method::getName))
        .forEach(m -> elements.put(m.getName(), m));
    Map<String, Expression> written = new LinkedHashMap<>();
    if (annotation instanceof SingleMemberAnnotationExpr singleMemberAnnotationExpr) {
      written.put("value", singleMemberAnnotationExpr.getMemberValue());
    } else if (annotation instanceof NormalAnnotationExpr normalAnnotationExpr) {
      for (MemberValuePair pair : normalAnnotationExpr.getPairs()) {
        if (written.put(pair.getNameAsString(), pair.getValue()) != null) {
          throw new StubProblem(
              pair, annotationName + " sets " + pair.getNameAsString() + " twice");
        }
      }
    }
    if (elements.isEmpty() && !written.isEmpty()) {
      throw new StubProblem(annotation, annotationName + " takes no elements");
    }
    for (Map.Entry<String, Expression> entry : written.entrySet()) {
      if (!elements.containsKey(entry.getKey())) {
        throw new StubProblem(
            entry.getValue(),
            String.format(
                "%s has no element %s (it has %s)",
                annotationName, entry.getKey(), String.join(", ", elements.keySet())));
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (Method element : elements.values()) {
      Expression value = written.get(element.getName());
      String what =
          element.getName().equals("value") && elements.size() == 1
              ? annotationName
              : element.getName() + " of " + annotationName;
      if (value != null) {
        values.put(element.getName(), convert(value, element.getReturnType(), what, imports));
      } else if (element.getDefaultValue() != null) {
        values.put(element.getName(), fromDefault(element.getDefaultValue()));
      } else {
        throw new StubProblem(annotation, annotationName + " is missing " + element.getName());
      }
    }
    return values;
  }

  private static Object fromDefault(Object value) {
    if (value.getClass().isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        list.add(Array.get(value, i));
      }
      return list;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Object convert(Expression value, Class<?> type, String what, Imports imports)
      throws StubProblem {
    if (type == String.class) {
      if (value instanceof StringLiteralExpr stringLiteralExpr) {
        return stringLiteralExpr.asString();
      }
      throw badValue(value, what, "expected a string literal, found " + value);
    }
    if (type == boolean.class) {
      if (value instanceof BooleanLiteralExpr booleanLiteralExpr) {
        return booleanLiteralExpr.getValue();
      }
      throw badValue(value, what, "expected true or false, found " + value);
    }
    if (type.isEnum()) {
      return enumConstant(value, (Class<? extends Enum<?>>) type, what, imports);
    }
    if (type.isArray() && type.getComponentType().isEnum()) {
      Class<? extends Enum<?>> component = (Class<? extends Enum<?>>) type.getComponentType();
      List<Expression> items =
          value instanceof ArrayInitializerExpr arrayInitializerExpr
              ? arrayInitializerExpr.getValues()
              : List.of(value);
      List<Object> constants = new ArrayList<>();
      for (Expression item : items) {
        constants.add(enumConstant(item, component, what, imports));
      }
      return constants;
    }
    throw new IllegalStateException("no stub syntax for elements of type " + type);
  }

  /** A constant of the expected enum, written as Java would accept it with the file's imports. */
  private static Enum<?> enumConstant(
      Expression value, Class<? extends Enum<?>> expected, String what, Imports imports)
      throws StubProblem {
    String expectation =
        "a " + expected.getSimpleName() + " (" + String.join(", ", constantNames(expected)) + ")";
    if (value instanceof NameExpr nameExpr) {
      String name = nameExpr.getNameAsString();
      Optional<Class<? extends Enum<?>>> imported = imports.staticallyImportedEnum(name);
      if (imported.isPresent()) {
        if (!imported.get().equals(expected)) {
          throw badValue(
              value, what, imported.get().getSimpleName() + "." + name + " is not " + expectation);
        }
        return AopVocabulary.constant(expected, name).orElseThrow();
      }
      if (!imports.isStaticallyImported(name)
          && AopVocabulary.constant(expected, name).isPresent()) {
        throw badValue(
            value,
            what,
            String.format(
                "%s is not imported (add import static %s.%s; or import static %s.*;)",
                name, expected.getCanonicalName(), name, expected.getCanonicalName()));
      }
      throw badValue(
          value,
          what,
          "expected "
              + expectation
              + ", found "
              + name
              + AopVocabulary.didYouMean(name, constantNames(expected), ""));
    }
    if (value instanceof FieldAccessExpr access) {

      String name = access.getNameAsString();
      Optional<Class<? extends Enum<?>>> written =
          imports.aopEnumNamed(access.getScope().toString());
      if (written.isEmpty()) {
        throw badValue(value, what, "expected " + expectation + ", found " + value);
      }
      if (!written.get().equals(expected)) {
        throw badValue(
            value, what, written.get().getSimpleName() + "." + name + " is not " + expectation);
      }
      Optional<Enum<?>> constant = AopVocabulary.constant(expected, name);
      if (constant.isEmpty()) {
        throw badValue(
            value,
            what,
            expected.getSimpleName()
                + " has no constant "
                + name
                + AopVocabulary.didYouMean(name, constantNames(expected), ""));
      }
      return constant.get();
    }
    throw badValue(value, what, "expected " + expectation + ", found " + value);
  }

  private static List<String> constantNames(Class<? extends Enum<?>> enumType) {
    return AopVocabulary.constantNames(enumType);
  }

  private static StubProblem badValue(Node at, String what, String problem) {
    return new StubProblem(at, "bad value for " + what + ": " + problem);
  }

  // ------------------------------------------------------------------ types and methods

  private void readType(TypeDeclaration<?> type, TypeScope enclosing, TypeNames names) {
    String canonicalName =
        enclosing == null
            ? names.qualify(type.getNameAsString())
            : enclosing.canonicalName + "." + type.getNameAsString();
    TypeScope scope = new TypeScope(enclosing, type, canonicalName);
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof MethodDeclaration methodDeclaration) {
        readMethod(methodDeclaration, scope, names);
      } else if (member instanceof TypeDeclaration) {
        readType((TypeDeclaration<?>) member, scope, names);
      }
    }
  }

  private void readMethod(MethodDeclaration method, TypeScope scope, TypeNames names) {
    MethodAnnotations.Builder builder = new MethodAnnotations.Builder();
    for (AnnotationExpr annotation : method.getAnnotations()) {
      ReadAnnotation read = readAnnotations.get(annotation);
      if (read == null) {
        continue;
      }
      consumed.add(annotation);
      if (!builder.add(read.type())) {
        problems.add(
            new StubProblem(
                annotation,
                "@"
                    + read.type().getSimpleName()
                    + " appears twice on "
                    + method.getNameAsString()));
        continue;
      }
      apply(read, builder);
    }
    NodeList<Parameter> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      for (AnnotationExpr annotation : parameters.get(i).getAnnotations()) {
        ReadAnnotation read = readAnnotations.get(annotation);
        if (read == null) {
          continue;
        }
        consumed.add(annotation);
        if (!builder.add(PageParameter.class)) {
          problems.add(
              new StubProblem(
                  annotation,
                  "only one parameter of " + method.getNameAsString() + " may be @PageParameter"));
          continue;
        }
        builder.pageParameter(i);
      }
    }
    if (builder.isEmpty()) {
      return;
    }
    List<String> parameterTypes = new ArrayList<>();
    try {
      Map<String, NodeList<ClassOrInterfaceType>> methodTypeParameters =
          typeParameters(method.getTypeParameters());
      for (Parameter parameter : parameters) {
        String erased = names.erase(parameter.getType(), scope, methodTypeParameters);
        parameterTypes.add(parameter.isVarArgs() ? erased + "[]" : erased);
      }
    } catch (StubProblem problem) {
      problems.add(problem);
      return;
    }
    MethodKey key = new MethodKey(scope.canonicalName, method.getNameAsString(), parameterTypes);
    Node name = method.getName();
    MethodAnnotations previous = methods.get(key);
    if (previous != null) {
      problems.add(new StubProblem(name, key + " is already described at " + previous.source()));
      return;
    }
    int line = name.getBegin().map(p -> p.line).orElse(1);
    methods.put(key, builder.method(key, file, line).build());
  }

  private static void apply(ReadAnnotation read, MethodAnnotations.Builder builder) {
    Map<String, Object> elements = read.elements();
    if (read.type() == PageOperation.class) {
      builder.pageOperation(
          new PageOperationContract(
              (String) elements.get("value"),
              (PageState) elements.get("onSuccess"),
              (PageState) elements.get("onError"),
              (PageState) elements.get("onTruncatedPage"),
              (PageState) elements.get("onWritepageActivate")));
    } else if (read.type() == MayReturn.class) {
      Set<AopCode> codes = EnumSet.noneOf(AopCode.class);
      for (Object code : (List<?>) elements.get("value")) {
        codes.add((AopCode) code);
      }
      builder.mayReturn(codes);
    } else if (read.type() == LooksUp.class) {
      builder.looksUp(new LooksUpContract((Boolean) elements.get("locked")));
    }
  }

  private static Map<String, NodeList<ClassOrInterfaceType>> typeParameters(
      NodeList<TypeParameter> declared) {
    Map<String, NodeList<ClassOrInterfaceType>> parameters = new HashMap<>();
    for (TypeParameter parameter : declared) {
      parameters.put(parameter.getNameAsString(), parameter.getTypeBound());
    }
    return parameters;
  }

  /** A named type being walked: its name, member types and type parameters. */
  private static final class TypeScope {
    final TypeScope enclosing;
    final String simpleName;
    final String canonicalName;
    final Set<String> memberTypes = new HashSet<>();
    final Map<String, NodeList<ClassOrInterfaceType>> typeParameters;

    /**
     * Only an inner class (not static, not in an interface) sees its enclosing type's parameters.
     */
    final boolean seesEnclosingTypeParameters;

    /** Interfaces and annotation types: their member classes are implicitly static. */
    final boolean memberClassesAreStatic;

    TypeScope(TypeScope enclosing, TypeDeclaration<?> type, String canonicalName) {
      this.enclosing = enclosing;
      this.simpleName = type.getNameAsString();
      this.canonicalName = canonicalName;
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof TypeDeclaration) {
          memberTypes.add(((TypeDeclaration<?>) member).getNameAsString());
        }
      }
      boolean isClass =
          type instanceof ClassOrInterfaceDeclaration classOrInterfaceDeclaration
              && !classOrInterfaceDeclaration.isInterface();
      if (type instanceof ClassOrInterfaceDeclaration classOrInterfaceDeclaration) {
        typeParameters =
            StubFileReader.typeParameters(classOrInterfaceDeclaration.getTypeParameters());
      } else if (type instanceof RecordDeclaration recordDeclaration) {
        typeParameters = StubFileReader.typeParameters(recordDeclaration.getTypeParameters());
      } else {
        typeParameters = Map.of();
      }
      this.memberClassesAreStatic =
          (type instanceof ClassOrInterfaceDeclaration && !isClass)
              || type instanceof AnnotationDeclaration;
      this.seesEnclosingTypeParameters =
          enclosing != null && isClass && !type.isStatic() && !enclosing.memberClassesAreStatic;
    }
  }

  /**
   * How a parameter type written in a stub becomes the canonical erased name of the key. A stub is
   * read without a classpath, so the rule is fixed and documented in {@code docs/stubs.md}.
   */
  private static final class TypeNames {
    private final String packageName;
    private final Set<String> topLevelTypes;
    private final Imports imports;

    TypeNames(String packageName, Set<String> topLevelTypes, Imports imports) {
      this.packageName = packageName;
      this.topLevelTypes = topLevelTypes;
      this.imports = imports;
    }

    String qualify(String simpleName) {
      return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    String erase(
        Type type,
        TypeScope scope,
        Map<String, NodeList<ClassOrInterfaceType>> methodTypeParameters)
        throws StubProblem {
      return erase(type, scope, methodTypeParameters, new HashSet<>());
    }

    private String erase(
        Type type,
        TypeScope scope,
        Map<String, NodeList<ClassOrInterfaceType>> methodTypeParameters,
        Set<String> erasing)
        throws StubProblem {
      if (type.isPrimitiveType()) {
        return type.asString();
      }
      if (type.isArrayType()) {
        return erase(type.asArrayType().getComponentType(), scope, methodTypeParameters, erasing)
            + "[]";
      }
      if (!type.isClassOrInterfaceType()) {
        throw new StubProblem(type, "a method's parameter cannot have type " + type);
      }
      List<String> segments = new ArrayList<>();
      for (ClassOrInterfaceType t = type.asClassOrInterfaceType();
          t != null;
          t = t.getScope().orElse(null)) {
        segments.add(0, t.getNameAsString());
      }
      String first = segments.get(0);
      if (segments.size() == 1) {
        Optional<NodeList<ClassOrInterfaceType>> bounds =
            typeVariable(first, scope, methodTypeParameters);
        if (bounds.isPresent()) {
          if (bounds.get().isEmpty() || !erasing.add(first)) {
            return "java.lang.Object";
          }
          return erase(bounds.get().get(0), scope, methodTypeParameters, erasing);
        }
        return resolveSimpleName(first, scope, type);
      }
      String rest = String.join(".", segments.subList(1, segments.size()));
      return Character.isUpperCase(first.charAt(0))
          ? resolveSimpleName(first, scope, type) + "." + rest
          : first + "." + rest;
    }

    private static Optional<NodeList<ClassOrInterfaceType>> typeVariable(
        String name,
        TypeScope scope,
        Map<String, NodeList<ClassOrInterfaceType>> methodTypeParameters) {
      if (methodTypeParameters.containsKey(name)) {
        return Optional.of(methodTypeParameters.get(name));
      }
      for (TypeScope t = scope; t != null; t = t.seesEnclosingTypeParameters ? t.enclosing : null) {
        if (t.typeParameters.containsKey(name)) {
          return Optional.of(t.typeParameters.get(name));
        }
      }
      return Optional.empty();
    }

    private String resolveSimpleName(String name, TypeScope scope, Node at) throws StubProblem {
      for (TypeScope t = scope; t != null; t = t.enclosing) {
        if (t.simpleName.equals(name)) {
          return t.canonicalName;
        }
        if (t.memberTypes.contains(name)) {
          return t.canonicalName + "." + name;
        }
      }
      if (topLevelTypes.contains(name)) {
        return qualify(name);
      }
      Optional<String> imported = imports.singleType(name);
      if (imported.isPresent()) {
        return imported.get();
      }
      if (JdkTypes.isType("java.lang." + name)) {
        return "java.lang." + name;
      }
      List<String> unsearchable = new ArrayList<>();
      for (String onDemand : imports.onDemand()) {
        if (onDemand.equals(AopVocabulary.PACKAGE)) {
          if (AopVocabulary.type(name).isPresent()) {
            return onDemand + "." + name;
          }
        } else if (JdkTypes.isType(onDemand + "." + name)) {
          return onDemand + "." + name;
        } else if (!JdkTypes.isPackage(onDemand) && !JdkTypes.isType(onDemand)) {
          unsearchable.add(onDemand);
        }
      }
      if (!unsearchable.isEmpty()) {
        throw new StubProblem(
            at,
            String.format(
                "cannot tell which type %s is: import it by name or write it fully qualified"
                    + " (import %s.*; is searched for JDK types only)",
                name, unsearchable.get(0)));
      }
      return qualify(name);
    }
  }
}
