package org.aopcheck.errorprone;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.matchers.Description.NO_MATCH;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.IdentifierTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.LiteralTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberSelectTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds.KindSelector;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.annotations.MayReturn;
import org.aopcheck.annotations.PageOperation;

/**
 * Flags the pre-2005 spelling {@code WRITEPAGE_ACTIVATE} and the raw numbers {@code 0x80000} /
 * {@code 0x80001} where they stand for an operation's result, and offers the {@code AOP_} constant
 * as the fix.
 *
 * <p>Tree-level, no dataflow. Two rules:
 *
 * <ol>
 *   <li><b>Legacy name.</b> Every use (not the declaration, not an import) of an {@code int} field
 *       named exactly {@code WRITEPAGE_ACTIVATE} whose constant value is {@code 0x80000}, wherever
 *       it is declared.
 *   <li><b>Raw code.</b> An {@code int} literal whose value is {@code 0x80000} or {@code 0x80001}
 *       (in any radix) standing for a result: an operand of {@code ==} / {@code !=} whose other
 *       operand is a result, a {@code case} label of a {@code switch} on a result, the value of a
 *       {@code return} in an operation, or the value assigned to a result variable. A
 *       <em>result</em> is a call of an operation (a method carrying {@link PageOperation} or
 *       {@link MayReturn}, or overriding one that does) or a local variable of the enclosing method
 *       that is assigned one, assigned another result variable, or returned by an operation.
 *       Parentheses, the branches of {@code ?:} and the values a switch expression yields are
 *       looked through. Anything else (arithmetic, masks, sizes, arguments, relational tests,
 *       constant declarations such as {@code static final int AOP_TRUNCATED_PAGE = 0x80001;}) is
 *       not flagged.
 * </ol>
 *
 * <p>The fix uses a constant found without knowing any particular API: an accessible {@code static
 * final int} named {@code AOP_WRITEPAGE_ACTIVATE} / {@code AOP_TRUNCATED_PAGE} with the kernel's
 * value, looked up in the class that declares the legacy constant (legacy name) or among the names
 * visible where the literal is (raw code), then in the classes named by {@code
 * -XepOpt:Aop:CodeConstants=fully.qualified.Class[,...]}. With none found, the finding says so and
 * carries no fix. See {@code docs/checks/AopLegacyName.md}.
 */
@BugPattern(
    summary =
        "The pre-2.6.15 name WRITEPAGE_ACTIVATE, or a raw 0x80000 / 0x80001 used as an operation"
            + " result; use AOP_WRITEPAGE_ACTIVATE / AOP_TRUNCATED_PAGE",
    severity = WARNING,
    linkType = CUSTOM,
    link = "docs/checks/AopLegacyName.md")
public final class AopLegacyName extends BugChecker
    implements IdentifierTreeMatcher, MemberSelectTreeMatcher, LiteralTreeMatcher {

  /** The name the 2005 patch replaced with {@code AOP_WRITEPAGE_ACTIVATE}. */
  static final String LEGACY_NAME = "WRITEPAGE_ACTIVATE";

  private final ImmutableList<String> codeConstantClasses;

  /** For {@link java.util.ServiceLoader}, which needs a public no-argument constructor. */
  public AopLegacyName() {
    this(ErrorProneFlags.empty());
  }

  /** Reads {@code -XepOpt:Aop:CodeConstants} from the one configuration object. */
  @Inject
  public AopLegacyName(ErrorProneFlags flags) {
    this.codeConstantClasses = ImmutableList.copyOf(AopConfig.from(flags).codeConstants());
  }

  @Override
  public Description matchIdentifier(IdentifierTree tree, VisitorState state) {
    return matchLegacyName(tree, state);
  }

  @Override
  public Description matchMemberSelect(MemberSelectTree tree, VisitorState state) {
    return matchLegacyName(tree, state);
  }

  @Override
  public Description matchLiteral(LiteralTree tree, VisitorState state) {
    if (tree.getKind() != Tree.Kind.INT_LITERAL) {
      return NO_MATCH;
    }
    Optional<AopCode> code = codeWithValue(tree.getValue());
    if (code.isEmpty()) {
      return NO_MATCH;
    }
    Optional<ResultUse> use = resultUse(state.getPath(), state);
    if (use.isEmpty()) {
      return NO_MATCH;
    }
    String kernelName = code.get().kernelName();
    String message =
        String.format(
            "%s %s is %s (%s); use %s",
            state.getSourceForNode(tree),
            use.get().phrase,
            kernelName,
            hex(code.get()),
            kernelName);
    List<String> searched = new ArrayList<>();
    Optional<VarSymbol> visible = visibleCodeConstant(code.get(), state);
    searched.add("in scope here");
    Optional<VarSymbol> target =
        visible.isPresent() ? visible : flagCodeConstant(code.get(), state, searched);
    return describe(tree, null, code.get(), target, message, searched, state);
  }

  private Description matchLegacyName(ExpressionTree tree, VisitorState state) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (!isLegacyConstant(symbol) || isInImport(state)) {
      return NO_MATCH;
    }
    AopCode code = AopCode.WRITEPAGE_ACTIVATE;
    String message =
        String.format(
            "%s is the pre-2.6.15 name of %s (%s); use %s",
            LEGACY_NAME, code.kernelName(), hex(code), code.kernelName());
    ClassSymbol owner = ASTHelpers.enclosingClass(symbol);
    List<String> searched = new ArrayList<>();
    searched.add("in " + owner.getQualifiedName());
    Optional<VarSymbol> target = memberCodeConstant(owner, code, state);
    if (target.isEmpty()) {
      target = flagCodeConstant(code, state, searched);
    }
    return describe(tree, symbol, code, target, message, searched, state);
  }

  private Description describe(
      ExpressionTree tree,
      Symbol legacy,
      AopCode code,
      Optional<VarSymbol> target,
      String message,
      List<String> searched,
      VisitorState state) {
    if (target.isEmpty()) {
      String why =
          String.format(
              " (no automatic fix: no accessible static final int %s = %s %s%s)",
              code.kernelName(),
              hex(code),
              String.join(", ", searched),
              codeConstantClasses.isEmpty()
                  ? "; name a class that declares it with -XepOpt:" + AopConfig.CODE_CONSTANTS
                  : "");
      return buildDescription(tree).setMessage(message + why).build();
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    fix.replace(tree, replacementText(tree, legacy, target.get(), fix, state));
    return buildDescription(tree).setMessage(message).addFix(fix.build()).build();
  }

  /**
   * How to write {@code target} where {@code tree} is: keep the writer's qualifier when the new
   * constant lives in the same class as the old one; the simple name where it already resolves to
   * the constant; a static import where the old name came from one; otherwise the class name,
   * imported if that does not clash.
   */
  private static String replacementText(
      ExpressionTree tree,
      Symbol legacy,
      VarSymbol target,
      SuggestedFix.Builder fix,
      VisitorState state) {
    String name = target.getSimpleName().toString();
    if (isInDeclarationOf(target, state)) {
      // AOP_X = WRITEPAGE_ACTIVATE: the constant cannot refer to itself; its value is the fix.
      return "0x" + Integer.toHexString((Integer) target.getConstValue());
    }
    if (isInInitializerOf((ClassSymbol) target.owner, state)) {
      // A simple name could be an illegal forward reference there; a qualified one never is.
      return SuggestedFixes.qualifyType(state, fix, target.owner) + "." + name;
    }
    if (tree instanceof MemberSelectTree memberSelectTree
        && legacy != null
        && legacy.owner.equals(target.owner)) {
      return state.getSourceForNode(memberSelectTree.getExpression()) + "." + name;
    }
    if (target.equals(FindIdentifiers.findIdent(name, state, KindSelector.VAR))) {
      return name;
    }
    if (tree instanceof IdentifierTree
        && legacy != null
        && isStaticallyImported(legacy, state)
        && FindIdentifiers.findIdent(name, state, KindSelector.VAR) == null) {
      fix.addStaticImport(ownerName(target) + "." + name);
      return name;
    }
    return SuggestedFixes.qualifyType(state, fix, target.owner) + "." + name;
  }

  private static boolean isInDeclarationOf(VarSymbol constant, VisitorState state) {
    VariableTree declaration = ASTHelpers.findEnclosingNode(state.getPath(), VariableTree.class);
    return declaration != null && constant.equals(ASTHelpers.getSymbol(declaration));
  }

  /** In a field initializer or initializer block of {@code owner} (not in a method or lambda). */
  private static boolean isInInitializerOf(ClassSymbol owner, VisitorState state) {
    for (TreePath path = state.getPath();
        path.getParentPath() != null;
        path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      Tree parent = path.getParentPath().getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (parent instanceof ClassTree classTree
          && (leaf instanceof VariableTree || leaf instanceof BlockTree)) {
        return owner.equals(ASTHelpers.getSymbol(classTree));
      }
    }
    return false;
  }

  private static boolean isStaticallyImported(Symbol symbol, VisitorState state) {
    String single = ownerName(symbol) + "." + symbol.getSimpleName();
    String onDemand = ownerName(symbol) + ".*";
    for (ImportTree importTree : state.getPath().getCompilationUnit().getImports()) {
      if (importTree.isStatic()) {
        String imported = state.getSourceForNode(importTree.getQualifiedIdentifier());
        if (imported.equals(single) || imported.equals(onDemand)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String ownerName(Symbol symbol) {
    return ((ClassSymbol) symbol.owner).getQualifiedName().toString();
  }

  // ---------------------------------------------------------------- the legacy name

  private static boolean isLegacyConstant(Symbol symbol) {
    return symbol instanceof VarSymbol varSymbol
        && symbol.getKind() == ElementKind.FIELD
        && symbol.getSimpleName().contentEquals(LEGACY_NAME)
        && hasCodeValue(varSymbol, AopCode.WRITEPAGE_ACTIVATE);
  }

  private static boolean isInImport(VisitorState state) {
    return ASTHelpers.findEnclosingNode(state.getPath(), ImportTree.class) != null;
  }

  // ---------------------------------------------------------------- finding the AOP_ constant

  private static Optional<AopCode> codeWithValue(Object value) {
    for (AopCode code : AopCode.values()) {
      if (Integer.valueOf(code.value()).equals(value)) {
        return Optional.of(code);
      }
    }
    return Optional.empty();
  }

  private static boolean hasCodeValue(VarSymbol symbol, AopCode code) {
    return symbol.asType().getKind() == TypeKind.INT
        && Integer.valueOf(code.value()).equals(symbol.getConstValue());
  }

  /** A {@code static final int} field with the code's kernel name and value, usable from here. */
  private static boolean isUsableCodeConstant(Symbol symbol, AopCode code, VisitorState state) {
    return symbol instanceof VarSymbol varSymbol
        && symbol.getKind() == ElementKind.FIELD
        && symbol.getSimpleName().contentEquals(code.kernelName())
        && (symbol.flags() & (Flags.STATIC | Flags.FINAL)) == (Flags.STATIC | Flags.FINAL)
        && hasCodeValue(varSymbol, code)
        && isAccessible(symbol, state);
  }

  private static Optional<VarSymbol> visibleCodeConstant(AopCode code, VisitorState state) {
    Symbol symbol = FindIdentifiers.findIdent(code.kernelName(), state, KindSelector.VAR);
    return isUsableCodeConstant(symbol, code, state)
        ? Optional.of((VarSymbol) symbol)
        : Optional.empty();
  }

  /** The constant declared in {@code owner} or inherited from one of its supertypes. */
  private static Optional<VarSymbol> memberCodeConstant(
      ClassSymbol owner, AopCode code, VisitorState state) {
    for (Type type : state.getTypes().closure(owner.asType())) {
      for (Symbol member : type.tsym.members().getSymbolsByName(state.getName(code.kernelName()))) {
        if (isUsableCodeConstant(member, code, state)) {
          return Optional.of((VarSymbol) member);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<VarSymbol> flagCodeConstant(
      AopCode code, VisitorState state, List<String> searched) {
    for (String className : codeConstantClasses) {
      Symbol symbol = state.getSymbolFromString(className);
      if (!(symbol instanceof ClassSymbol classSymbol)) {
        searched.add(
            String.format(
                "(-XepOpt:%s=%s is not on the classpath)", AopConfig.CODE_CONSTANTS, className));
        continue;
      }
      searched.add(String.format("in %s (-XepOpt:%s)", className, AopConfig.CODE_CONSTANTS));
      Optional<VarSymbol> found = memberCodeConstant(classSymbol, code, state);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Java's access rules, simplified on the safe side: each enclosing class of the symbol and the
   * symbol itself must be public, in this package (package-private, protected), or in this file's
   * outermost class (private).
   */
  private static boolean isAccessible(Symbol symbol, VisitorState state) {
    ClassTree here = ASTHelpers.findEnclosingNode(state.getPath(), ClassTree.class);
    ClassSymbol hereClass = here == null ? null : ASTHelpers.getSymbol(here);
    PackageSymbol herePackage =
        hereClass == null
            ? (PackageSymbol)
                ASTHelpers.getSymbol(state.getPath().getCompilationUnit().getPackage())
            : ASTHelpers.enclosingPackage(hereClass);
    for (Symbol s = symbol; s != null && !(s instanceof PackageSymbol); s = s.owner) {
      long flags = s.flags();
      if ((flags & Flags.PUBLIC) != 0) {
        continue;
      }
      if ((flags & Flags.PRIVATE) != 0) {
        if (hereClass == null
            || !ASTHelpers.outermostClass(s).equals(ASTHelpers.outermostClass(hereClass))) {
          return false;
        }
      } else if (!ASTHelpers.enclosingPackage(s).equals(herePackage)) {
        return false;
      }
    }
    return true;
  }

  private static String hex(AopCode code) {
    return "0x" + Integer.toHexString(code.value());
  }

  // ---------------------------------------------------------------- where a literal is a result

  /** How a literal stands for an operation's result; the phrase is used in the message. */
  private enum ResultUse {
    COMPARED("compared with an operation result"),
    CASE_LABEL("as a case label on an operation result"),
    RETURNED("returned from an operation"),
    ASSIGNED("assigned to a result variable");

    final String phrase;

    ResultUse(String phrase) {
      this.phrase = phrase;
    }
  }

  /**
   * Walks up from the literal through the trees that pass its value on unchanged (parentheses,
   * {@code ?:} branches, a switch expression's yielded values) to the tree that decides whether it
   * stands for a result.
   */
  private static Optional<ResultUse> resultUse(TreePath literalPath, VisitorState state) {
    TreePath path = literalPath;
    boolean caseLabel = false;
    while (path.getParentPath() != null) {
      Tree child = path.getLeaf();
      TreePath parentPath = path.getParentPath();
      Tree parent = parentPath.getLeaf();
      switch (parent.getKind()) {
        case PARENTHESIZED -> {
          path = parentPath;
          continue;
        }
        case CONDITIONAL_EXPRESSION -> {
          if (((ConditionalExpressionTree) parent).getCondition() == child) {
            return Optional.empty();
          }
          path = parentPath;
          continue;
        }
        case EQUAL_TO, NOT_EQUAL_TO -> {
          BinaryTree binary = (BinaryTree) parent;
          ExpressionTree other =
              binary.getLeftOperand() == child ? binary.getRightOperand() : binary.getLeftOperand();
          return isResult(other, parentPath, state)
              ? Optional.of(ResultUse.COMPARED)
              : Optional.empty();
        }
        case CASE -> {
          CaseTree caseTree = (CaseTree) parent;
          Tree switchTree = parentPath.getParentPath().getLeaf();
          if (caseLabel || caseTree.getExpressions().contains(child)) {
            ExpressionTree selector = selector(switchTree);
            return selector != null && isResult(selector, parentPath, state)
                ? Optional.of(ResultUse.CASE_LABEL)
                : Optional.empty();
          }
          if (switchTree instanceof SwitchExpressionTree && caseTree.getBody() == child) {
            path = parentPath.getParentPath();
            continue;
          }
          return Optional.empty();
        }
        case YIELD -> {
          TreePath switchPath = parentPath;
          while (switchPath != null && !(switchPath.getLeaf() instanceof SwitchExpressionTree)) {
            switchPath = switchPath.getParentPath();
          }
          if (switchPath == null) {
            return Optional.empty();
          }
          path = switchPath;
          continue;
        }
        case RETURN -> {
          MethodTree method = enclosingMethodOfReturn(parentPath);
          return method != null && isOperation(ASTHelpers.getSymbol(method), state)
              ? Optional.of(ResultUse.RETURNED)
              : Optional.empty();
        }
        case ASSIGNMENT -> {
          AssignmentTree assignment = (AssignmentTree) parent;
          return assignment.getExpression() == child
                  && isResultVariable(
                      ASTHelpers.getSymbol(assignment.getVariable()), parentPath, state)
              ? Optional.of(ResultUse.ASSIGNED)
              : Optional.empty();
        }
        case VARIABLE -> {
          VariableTree variable = (VariableTree) parent;
          return variable.getInitializer() == child
                  && isResultVariable(ASTHelpers.getSymbol(variable), parentPath, state)
              ? Optional.of(ResultUse.ASSIGNED)
              : Optional.empty();
        }
        default -> {
          // Since Java 21 a constant case label is wrapped in its own tree.
          if (parent.getKind().name().equals("CONSTANT_CASE_LABEL")) {
            caseLabel = true;
            path = parentPath;
            continue;
          }
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static ExpressionTree selector(Tree switchTree) {
    if (switchTree instanceof SwitchTree switchStatement) {
      return switchStatement.getExpression();
    }
    if (switchTree instanceof SwitchExpressionTree switchExpressionTree) {
      return switchExpressionTree.getExpression();
    }
    return null;
  }

  /** The method a {@code return} belongs to, or null inside a lambda. */
  private static MethodTree enclosingMethodOfReturn(TreePath returnPath) {
    for (TreePath path = returnPath; path != null; path = path.getParentPath()) {
      Tree leaf = path.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return null;
      }
      if (leaf instanceof MethodTree methodTree) {
        return methodTree;
      }
    }
    return null;
  }

  /** An operation: carries a contract, directly or through a method it overrides. */
  private static boolean isOperation(MethodSymbol method, VisitorState state) {
    if (method == null) {
      return false;
    }
    if (carriesContract(method, state)) {
      return true;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (carriesContract(overridden, state)) {
        return true;
      }
    }
    return false;
  }

  private static boolean carriesContract(MethodSymbol method, VisitorState state) {
    return ASTHelpers.hasAnnotation(method, PageOperation.class.getName(), state)
        || ASTHelpers.hasAnnotation(method, MayReturn.class.getName(), state);
  }

  private static boolean isResult(ExpressionTree expression, TreePath where, VisitorState state) {
    return producesResult(expression, variable -> isResultVariable(variable, where, state), state);
  }

  /**
   * Whether the expression's value is a result: an operation's call, or a result variable, looking
   * through parentheses, both branches of {@code ?:} and every value a switch expression yields.
   */
  private static boolean producesResult(
      ExpressionTree expression, Predicate<Symbol> isResultVariable, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(expression);
    if (stripped instanceof ConditionalExpressionTree conditional) {

      return producesResult(conditional.getTrueExpression(), isResultVariable, state)
          || producesResult(conditional.getFalseExpression(), isResultVariable, state);
    }
    if (stripped instanceof SwitchExpressionTree switchExpressionTree) {
      for (ExpressionTree value : yieldedValues(switchExpressionTree)) {
        if (producesResult(value, isResultVariable, state)) {
          return true;
        }
      }
      return false;
    }
    if (stripped instanceof MethodInvocationTree methodInvocationTree) {
      return isOperation(ASTHelpers.getSymbol(methodInvocationTree), state);
    }
    Symbol symbol = ASTHelpers.getSymbol(stripped);
    return stripped instanceof IdentifierTree
        && symbol != null
        && isLocal(symbol)
        && isResultVariable.test(symbol);
  }

  /** The values a switch expression can produce: rule expressions and its own yields. */
  private static List<ExpressionTree> yieldedValues(SwitchExpressionTree switchExpression) {
    List<ExpressionTree> values = new ArrayList<>();
    for (CaseTree caseTree : switchExpression.getCases()) {
      if (caseTree.getBody() instanceof ExpressionTree) {
        values.add((ExpressionTree) caseTree.getBody());
        continue;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitYield(YieldTree yield, Void unused) {
          values.add(yield.getValue());
          return null;
        }

        @Override
        public Void visitSwitchExpression(SwitchExpressionTree nested, Void unused) {
          return null; // its yields are its own
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
          return null;
        }

        @Override
        public Void visitClass(ClassTree classTree, Void unused) {
          return null;
        }
      }.scan(
          caseTree.getBody() != null ? List.of(caseTree.getBody()) : caseTree.getStatements(),
          null);
    }
    return values;
  }

  private static boolean isResultVariable(Symbol symbol, TreePath where, VisitorState state) {
    if (!(symbol instanceof VarSymbol) || !isLocal(symbol)) {
      return false;
    }
    TreePath methodPath = where;
    while (methodPath != null && !(methodPath.getLeaf() instanceof MethodTree)) {
      methodPath = methodPath.getParentPath();
    }
    if (methodPath == null) {
      return false;
    }
    return resultVariables((MethodTree) methodPath.getLeaf(), state).contains(symbol);
  }

  private static boolean isLocal(Symbol symbol) {
    return symbol.getKind() == ElementKind.LOCAL_VARIABLE
        || symbol.getKind() == ElementKind.PARAMETER;
  }

  /**
   * The method's local variables that hold a result: assigned an operation's result or another
   * result variable, or returned by the method when it is an operation. Computed to a fixed point,
   * so the order of the assignments does not matter.
   */
  private static Set<Symbol> resultVariables(MethodTree method, VisitorState state) {
    Set<Symbol> results = new HashSet<>();
    boolean returnsResults = isOperation(ASTHelpers.getSymbol(method), state);
    if (method.getBody() == null) {
      return results;
    }
    int before;
    do {
      before = results.size();
      new TreeScanner<Void, Void>() {
        private int nestedBodies;

        @Override
        public Void visitVariable(VariableTree variable, Void unused) {
          if (variable.getInitializer() != null && holdsResult(variable.getInitializer())) {
            results.add(ASTHelpers.getSymbol(variable));
          }
          return super.visitVariable(variable, null);
        }

        @Override
        public Void visitAssignment(AssignmentTree assignment, Void unused) {
          Symbol variable = ASTHelpers.getSymbol(assignment.getVariable());
          if (variable != null && isLocal(variable) && holdsResult(assignment.getExpression())) {
            results.add(variable);
          }
          return super.visitAssignment(assignment, null);
        }

        @Override
        public Void visitReturn(ReturnTree returnTree, Void unused) {
          if (returnsResults && nestedBodies == 0 && returnTree.getExpression() != null) {
            Symbol returned =
                ASTHelpers.getSymbol(ASTHelpers.stripParentheses(returnTree.getExpression()));
            if (returned != null && isLocal(returned)) {
              results.add(returned);
            }
          }
          return super.visitReturn(returnTree, null);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
          nestedBodies++;
          super.visitLambdaExpression(lambda, null);
          nestedBodies--;
          return null;
        }

        @Override
        public Void visitClass(ClassTree classTree, Void unused) {
          nestedBodies++;
          super.visitClass(classTree, null);
          nestedBodies--;
          return null;
        }

        private boolean holdsResult(ExpressionTree expression) {
          return producesResult(expression, results::contains, state);
        }
      }.scan(method.getBody(), null);
    } while (results.size() != before);
    return results;
  }
}
