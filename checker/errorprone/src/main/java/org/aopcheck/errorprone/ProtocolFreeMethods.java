package org.aopcheck.errorprone;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import org.aopcheck.annotations.AopCode;
import org.aopcheck.errorprone.contract.ContractReader;

/**
 * A cheap scan of a method's tree that tells whether the path-sensitive analysis could find
 * anything in it, so that a method which cannot matter skips javac's CFG, the lowering and the
 * analysis.
 *
 * <p>Why skipping is sound: every rule of {@code PathAnalysis} starts from one of these:
 *
 * <ol>
 *   <li>A call whose callee has a contract. Only such a call becomes a {@code LookUp} (the only
 *       source of a tracked page besides the method's own page parameter), an {@code OperationCall}
 *       (the only source of a result with an origin, of a pending AOP_TRUNCATED_PAGE, of a
 *       discarded result) or a {@code PageEffect}. A call without contract lowers to page uses,
 *       sinks and assignments of unknown values, which no rule reports unless a tracked page or an
 *       operation's result is involved.
 *   <li>The method's own contract: its page parameter (an operation's page, or one it owns) and the
 *       implementation rules at a return (undeclared code, lock state, redirty) exist only with it.
 *   <li>A code constant (0x80000, 0x80001). Today it is reported only together with the method's
 *       own contract, as an undeclared code an implementation returns; it is kept as a trigger so
 *       that a rule on code constants alone would stay sound without touching this scan.
 * </ol>
 *
 * <p>Without any of them every state is the initial one plus facts about unknown numbers and flags,
 * and no rule fires.
 *
 * <p>Lambdas and nested classes are not scanned: {@code CfgLowering} does not lower their bodies
 * (javac's CFG keeps them as one opaque node), and their own methods are analysed on their own.
 */
final class ProtocolFreeMethods {
  private ProtocolFreeMethods() {}

  /**
   * True if nothing in {@code method} can matter to any rule: it has no contract, and its body
   * (lambdas and nested classes excluded) calls nothing with a contract and holds no expression
   * whose constant value is an AOP code.
   */
  static boolean isProtocolFree(MethodTree method, ContractReader contracts) {
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    if (symbol == null || !contracts.contractOf(symbol).isEmpty()) {
      return false;
    }
    if (method.getBody() == null) {
      return false; // not a method the analysis runs on: left to the lowering to refuse
    }
    Boolean relevant =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean scan(Tree tree, Void unused) {
            if (tree instanceof ExpressionTree expression && isCodeConstant(expression)) {
              return true;
            }
            return super.scan(tree, null);
          }

          @Override
          public Boolean reduce(Boolean first, Boolean second) {
            return Boolean.TRUE.equals(first) || Boolean.TRUE.equals(second);
          }

          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            return hasContract(ASTHelpers.getSymbol(call))
                || super.visitMethodInvocation(call, null);
          }

          @Override
          public Boolean visitNewClass(NewClassTree creation, Void unused) {
            // The class body of an anonymous class is a nested class: not scanned.
            if (hasContract(ASTHelpers.getSymbol(creation))) {
              return true;
            }
            return reduce(
                scan(creation.getEnclosingExpression(), null),
                reduce(
                    scan(creation.getTypeArguments(), null), scan(creation.getArguments(), null)));
          }

          @Override
          public Boolean visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
            return false;
          }

          @Override
          public Boolean visitClass(ClassTree nested, Void unused) {
            return false;
          }

          private boolean hasContract(MethodSymbol callee) {
            return callee != null && !contracts.contractOf(callee).isEmpty();
          }
        }.scan(method.getBody(), null);
    return !Boolean.TRUE.equals(relevant);
  }

  private static boolean isCodeConstant(ExpressionTree expression) {
    Object value = ASTHelpers.constValue(expression);
    long number;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).longValue();
    } else if (value instanceof Character character) {
      number = character;
    } else {
      return false;
    }
    for (AopCode code : AopCode.values()) {
      if (number == code.value()) {
        return true;
      }
    }
    return false;
  }
}
