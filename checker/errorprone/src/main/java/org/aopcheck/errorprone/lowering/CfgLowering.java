package org.aopcheck.errorprone.lowering;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import org.aopcheck.core.contract.MethodContract;
import org.aopcheck.core.contract.PageVerb;
import org.aopcheck.core.ir.ComparisonOperator;
import org.aopcheck.core.ir.Condition;
import org.aopcheck.core.ir.Event;
import org.aopcheck.core.ir.MethodGraph;
import org.aopcheck.core.ir.Position;
import org.aopcheck.core.ir.SinkKind;
import org.aopcheck.core.ir.Value;
import org.aopcheck.errorprone.contract.ContractReader;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SingleSuccessorBlock;
import org.checkerframework.errorprone.dataflow.cfg.block.SpecialBlock;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BinaryOperationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseAndNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseComplementNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseOrNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BitwiseXorNode;
import org.checkerframework.errorprone.dataflow.cfg.node.CaseNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalAndNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalOrNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ExplicitThisNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.GreaterThanNode;
import org.checkerframework.errorprone.dataflow.cfg.node.GreaterThanOrEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ImplicitThisNode;
import org.checkerframework.errorprone.dataflow.cfg.node.IntegerDivisionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.IntegerRemainderNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LeftShiftNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LessThanNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LessThanOrEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NarrowingConversionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NullLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalAdditionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalMinusNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalMultiplicationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NumericalSubtractionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ReturnNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SignedRightShiftNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SwitchExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.checkerframework.errorprone.dataflow.cfg.node.UnsignedRightShiftNode;
import org.checkerframework.errorprone.dataflow.cfg.node.WideningConversionNode;

/**
 * Lowers one method's javac control-flow graph (the Checker Framework dataflow CFG that Error Prone
 * ships) into the engine's {@link MethodGraph}.
 *
 * <p>Only what the protocol cares about becomes an event: calls of methods with a contract, page
 * verbs and look-ups, uses of local variables as pages, assignments of locals, tests of locals
 * against constants, values flowing into fields, arguments of calls without contract, arithmetic,
 * and returns. Anything the lowering does not understand becomes nothing, an unknown value or an
 * unknown condition: never a guess that could yield a finding. Exceptional edges are not followed.
 */
public final class CfgLowering {
  private final MethodTree method;
  private final VisitorState state;
  private final ContractReader contracts;
  private final LineMap lines;
  private final Map<Element, String> names = new HashMap<>();
  private final Set<String> usedNames = new HashSet<>();

  /** Variables the lowering invents for expression values: call results, ternaries, switches. */
  private final IdentityHashMap<Node, String> valueVariables = new IdentityHashMap<>();

  /** Calls whose result is assigned straight to a local: the call writes the local itself. */
  private final IdentityHashMap<MethodInvocationNode, String> resultTargets =
      new IdentityHashMap<>();

  private final List<Event> events = new ArrayList<>();
  private final List<Position> positions = new ArrayList<>();
  private final List<List<Integer>> edges = new ArrayList<>();

  private CfgLowering(MethodTree method, VisitorState state, ContractReader contracts) {
    this.method = method;
    this.state = state;
    this.contracts = contracts;
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    this.lines = unit.getLineMap();
  }

  /**
   * Lowers {@code method}, whose path is {@code state.getPath()}.
   *
   * @throws IllegalArgumentException if the method has no body
   */
  public static MethodGraph lower(MethodTree method, VisitorState state, ContractReader contracts) {
    if (method.getBody() == null) {
      throw new IllegalArgumentException(method.getName() + " has no body");
    }
    return new CfgLowering(method, state, contracts).lower();
  }

  private MethodGraph lower() {
    TreePath methodPath = state.getPath();
    ClassTree enclosingClass = enclosingClass(methodPath);
    ControlFlowGraph cfg =
        CFGBuilder.build(
            new TreePath(methodPath, method.getBody()),
            new UnderlyingAST.CFGMethod(method, enclosingClass),
            false,
            false,
            JavacProcessingEnvironment.instance(state.context));

    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    MethodContract self = contracts.contractOf(symbol);
    Set<String> parameters = new LinkedHashSet<>();
    List<String> parameterNames = new ArrayList<>();
    for (VariableElement parameter : symbol.getParameters()) {
      String name = name(parameter);
      parameters.add(name);
      parameterNames.add(name);
    }
    String pageParameter = null;
    if (self.pageParameter() >= 0 && self.pageParameter() < parameterNames.size()) {
      pageParameter = parameterNames.get(self.pageParameter());
    } else if (self.operation().isPresent() || !self.verbs().isEmpty()) {
      pageParameter = MethodGraph.RECEIVER;
    }

    // Name every value before lowering: a test may sit in a block lowered before its call.
    for (Node node : cfg.getAllNodes()) {
      if (node instanceof AssignmentNode assignment
          && assignment.getTarget() instanceof LocalVariableNode target
          && strip(assignment.getExpression()) instanceof MethodInvocationNode call) {
        resultTargets.put(call, name(target.getElement()));
      }
    }
    for (Node node : cfg.getAllNodes()) {
      if (node instanceof MethodInvocationNode call
          && !resultTargets.containsKey(call)
          && !isDiscarded(call)) {
        valueVariables.put(
            call, "$" + call.getTarget().getMethod().getSimpleName() + "@" + call.getUid());
      } else if (node instanceof TernaryExpressionNode ternary) {
        valueVariables.put(ternary, name(ternary.getTernaryExpressionVar().getElement()));
      } else if (node instanceof SwitchExpressionNode switchExpression) {
        valueVariables.put(
            switchExpression, name(switchExpression.getSwitchExpressionVar().getElement()));
      }
    }

    int entry = add(new Event.Nop(), position(method));
    Map<Block, int[]> blockNodes = new HashMap<>();
    List<Block> blocks = new ArrayList<>(cfg.getAllBlocks());
    for (Block block : blocks) {
      blockNodes.put(block, lowerBlock(block));
    }
    edge(entry, blockNodes.get(cfg.getEntryBlock())[0]);
    for (Block block : blocks) {
      connect(block, blockNodes, null);
    }

    MethodGraph.Builder builder =
        MethodGraph.builder(method.getName().toString(), self, parameters, pageParameter);
    for (int i = 0; i < events.size(); i++) {
      builder.add(events.get(i), positions.get(i));
    }
    for (int i = 0; i < events.size(); i++) {
      for (int to : edges.get(i)) {
        builder.edge(i, to);
      }
    }
    return builder.build();
  }

  /**
   * A {@code return} that leaves through {@code finally} blocks: its value, taken when the
   * statement runs (as Java does), and where it is.
   */
  private record ReturnThroughFinally(Value value, Position position) {}

  /** By the last node of a block that ends in such a return: the return. */
  private final Map<Integer, ReturnThroughFinally> returnsThroughFinally = new HashMap<>();

  /**
   * Adds the edges out of {@code block}'s nodes. {@code returning} is the {@code return} whose own
   * copy of the {@code finally} blocks is being connected (its exit returns its value at its line),
   * or null for the method's own graph.
   */
  private void connect(Block block, Map<Block, int[]> blockNodes, ReturnThroughFinally returning) {
    int last = blockNodes.get(block)[1];
    if (events.get(last) instanceof Event.Return) {
      return;
    }
    ReturnThroughFinally through = returnsThroughFinally.get(last);
    if (through != null) {
      edge(last, copyOfFinallyBlocks(((SingleSuccessorBlock) block).getSuccessor(), through));
    } else if (block instanceof ConditionalBlock conditional) {
      edge(last, target(block, conditional.getThenSuccessor(), true, blockNodes, returning));
      edge(last, target(block, conditional.getElseSuccessor(), false, blockNodes, returning));
    } else if (block instanceof SingleSuccessorBlock single && single.getSuccessor() != null) {
      edge(last, target(block, single.getSuccessor(), true, blockNodes, returning));
    }
  }

  /**
   * javac's CFG runs the {@code finally} blocks of a {@code return} in one copy shared by every
   * {@code return} of the {@code try}, then goes to the exit. Each {@code return} gets its own copy
   * of those blocks here, ending in its own return event: the {@code finally} block's events happen
   * on that path before the method returns, and the return keeps its value and its line.
   *
   * @return the first node of the copy
   */
  private int copyOfFinallyBlocks(Block start, ReturnThroughFinally returning) {
    Map<Block, int[]> copies = new HashMap<>();
    java.util.ArrayDeque<Block> work = new java.util.ArrayDeque<>();
    work.add(start);
    while (!work.isEmpty()) {
      Block block = work.poll();
      if (copies.containsKey(block) || block instanceof SpecialBlock) {
        continue;
      }
      copies.put(block, lowerBlock(block));
      if (block instanceof ConditionalBlock conditional) {
        work.add(conditional.getThenSuccessor());
        work.add(conditional.getElseSuccessor());
      } else if (block instanceof SingleSuccessorBlock single && single.getSuccessor() != null) {
        work.add(single.getSuccessor());
      }
    }
    for (Block block : copies.keySet()) {
      connect(block, copies, returning);
    }
    return start instanceof SpecialBlock
        ? target(start, start, true, copies, returning)
        : copies.get(start)[0];
  }

  /**
   * The node control enters when it goes from {@code from} to {@code to}. The regular exit gets a
   * return node per incoming edge: for a {@code return} through {@code finally} blocks, that
   * return's; otherwise at the bare {@code return;} that leads there if there is one (javac's CFG
   * has no node for it), else at the method's closing brace.
   */
  private int target(
      Block from,
      Block to,
      boolean thenEdge,
      Map<Block, int[]> blockNodes,
      ReturnThroughFinally returning) {
    if (to instanceof SpecialBlock special
        && special.getSpecialType() == SpecialBlock.SpecialBlockType.EXIT) {
      return returning != null
          ? add(new Event.Return(returning.value()), returning.position())
          : add(new Event.Return(new Value.Unknown()), exitPosition(from, thenEdge));
    }
    return blockNodes.get(to)[0];
  }

  private Position exitPosition(Block from, boolean thenEdge) {
    Tree bareReturn = null;
    if (from instanceof ConditionalBlock) {
      Node condition = conditionOf(from);
      if (condition != null && condition.getTree() != null) {
        TreePath path = TreePath.getPath(state.getPath().getCompilationUnit(), condition.getTree());
        while (path != null
            && path.getParentPath() != null
            && path.getParentPath().getLeaf() instanceof ParenthesizedTree) {
          path = path.getParentPath();
        }
        if (path != null
            && path.getParentPath() != null
            && path.getParentPath().getLeaf() instanceof IfTree ifTree) {
          bareReturn =
              firstBareReturn(thenEdge ? ifTree.getThenStatement() : ifTree.getElseStatement());
        }
      }
    } else {
      Node last = lastNodeWithTree(from);
      if (last != null) {
        int end = state.getEndPosition(last.getTree());
        for (StatementTree statement : simpleStatements()) {
          if (ASTHelpers.getStartPosition(statement) >= end) {
            bareReturn = isBareReturn(statement) ? statement : null;
            break;
          }
        }
      }
    }
    return bareReturn != null ? position(bareReturn) : endOfMethod();
  }

  private static Node lastNodeWithTree(Block block) {
    List<Node> nodes = block.getNodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (nodes.get(i).getTree() != null) {
        return nodes.get(i);
      }
    }
    return null;
  }

  private static Tree firstBareReturn(StatementTree statement) {
    StatementTree first = statement;
    while (first instanceof BlockTree block && !block.getStatements().isEmpty()) {
      first = block.getStatements().get(0);
    }
    return isBareReturn(first) ? first : null;
  }

  private static boolean isBareReturn(Tree tree) {
    return tree instanceof ReturnTree ret && ret.getExpression() == null;
  }

  private List<StatementTree> simpleStatementsCache;

  /** The method's statements that are not blocks or compound statements, in source order. */
  private List<StatementTree> simpleStatements() {
    if (simpleStatementsCache == null) {
      List<StatementTree> statements = new ArrayList<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void scan(Tree tree, Void unused) {
          if (tree instanceof StatementTree statement
              && !(tree instanceof BlockTree)
              && !(tree instanceof ClassTree)
              && (tree instanceof ReturnTree
                  || tree instanceof ExpressionStatementTree
                  || tree instanceof VariableTree
                  || tree instanceof BreakTree
                  || tree instanceof ContinueTree
                  || tree instanceof ThrowTree
                  || tree instanceof IfTree
                  || tree instanceof WhileLoopTree
                  || tree instanceof DoWhileLoopTree
                  || tree instanceof ForLoopTree
                  || tree instanceof EnhancedForLoopTree
                  || tree instanceof SwitchTree
                  || tree instanceof TryTree
                  || tree instanceof SynchronizedTree)) {
            statements.add(statement);
          }
          if (tree instanceof LambdaExpressionTree || tree instanceof ClassTree) {
            return null;
          }
          return super.scan(tree, null);
        }
      }.scan(method.getBody(), null);
      statements.sort(java.util.Comparator.comparingInt(ASTHelpers::getStartPosition));
      simpleStatementsCache = statements;
    }
    return simpleStatementsCache;
  }

  private static ClassTree enclosingClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree classTree) {
        return classTree;
      }
    }
    throw new IllegalStateException("method outside a class");
  }

  private int add(Event event, Position position) {
    events.add(event);
    positions.add(position);
    edges.add(new ArrayList<>());
    return events.size() - 1;
  }

  private void edge(int from, int to) {
    edges.get(from).add(to);
  }

  /** Lowers one block into a chain of nodes; returns its first and last node. */
  private int[] lowerBlock(Block block) {
    int first = -1;
    int last = -1;
    if (block instanceof ConditionalBlock) {
      Node conditionNode = conditionOf(block);
      Condition condition =
          conditionNode == null ? new Condition.Unknown() : condition(conditionNode);
      String text = conditionNode == null ? "?" : source(conditionNode);
      int id =
          add(
              new Event.Branch(condition, text),
              conditionNode == null ? position(method) : position(conditionNode.getTree()));
      return new int[] {id, id};
    }
    if (block instanceof SpecialBlock) {
      // The entry flows on; the regular exit is reached through per-edge returns (see target);
      // the exceptional exit ends paths silently, as exceptional edges are not followed.
      int id = add(new Event.Nop(), endOfMethod());
      return new int[] {id, id};
    }
    ReturnThroughFinally through = null;
    for (Node node : block.getNodes()) {
      List<Event> lowered = new ArrayList<>();
      if (node instanceof ReturnNode ret && leavesThroughFinally(block)) {
        through =
            new ReturnThroughFinally(returnedValue(ret, lowered, true), position(ret.getTree()));
        if (lowered.isEmpty()) {
          lowered.add(new Event.Nop());
        }
      } else {
        lowerNode(node, lowered);
        if (lowered.isEmpty() && node instanceof MethodInvocationNode call && isDiscarded(call)) {
          // A call statement that matters to no rule keeps a node at its position, so that the
          // states there can be shown (the test-only state dump, docs/engine.md §7).
          lowered.add(new Event.Nop());
        }
      }
      for (Event event : lowered) {
        int id = add(event, position(node.getTree()));
        if (first < 0) {
          first = id;
        } else {
          edge(last, id);
        }
        last = id;
        if (event instanceof Event.Return) {
          return new int[] {first, last};
        }
      }
    }
    if (first < 0) {
      // Nothing that matters, but the node is where the block's code is (a join, a test's
      // operands), so that what is said about the point (an abandoned analysis) names its line.
      Node located = firstNodeWithTree(block);
      first = add(new Event.Nop(), position(located == null ? null : located.getTree()));
      last = first;
    }
    if (through != null) {
      returnsThroughFinally.put(last, through);
    }
    return new int[] {first, last};
  }

  /** Whether a block ending in a {@code return} goes on to {@code finally} blocks, not the exit. */
  private static boolean leavesThroughFinally(Block block) {
    return block instanceof SingleSuccessorBlock single
        && single.getSuccessor() != null
        && !(single.getSuccessor() instanceof SpecialBlock);
  }

  private static Node firstNodeWithTree(Block block) {
    for (Node node : block.getNodes()) {
      if (node.getTree() != null) {
        return node;
      }
    }
    return null;
  }

  /** The node whose value a conditional block tests: the last node of its only predecessor. */
  private static Node conditionOf(Block conditional) {
    Set<Block> predecessors = conditional.getPredecessors();
    if (predecessors.size() != 1) {
      return null;
    }
    return predecessors.iterator().next().getLastNode();
  }

  // ---------------------------------------------------------------- nodes

  private void lowerNode(Node node, List<Event> out) {
    if (node instanceof MethodInvocationNode call) {
      lowerCall(call, out);
    } else if (node instanceof ObjectCreationNode creation) {
      for (Node argument : creation.getArguments()) {
        argumentSinks(argument, "new " + creation.getConstructor(), out);
      }
    } else if (node instanceof AssignmentNode assignment) {
      lowerAssignment(assignment, out);
    } else if (node instanceof ReturnNode ret) {
      out.add(new Event.Return(returnedValue(ret, out, false)));
    } else if (isArithmetic(node)) {
      for (Node operand : node.getOperands()) {
        String variable = variable(operand);
        if (variable != null) {
          out.add(new Event.Sink(variable, SinkKind.ARITHMETIC, "`" + source(node) + "`"));
        }
      }
    } else if (node instanceof FieldAccessNode access && !access.isStatic()) {
      String variable = variable(access.getReceiver());
      if (variable != null) {
        out.add(new Event.PageUse(variable, "field " + access.getFieldName()));
      }
    }
  }

  /**
   * The value a {@code return} gives back, with the events that compute it added to {@code out}.
   * {@code return ret == 0;} tests the result right there: the test is where a code may be
   * mistaken, so it is kept, in a flag that is then returned. A {@code return} that runs {@code
   * finally} blocks first keeps a variable's value as it is when the statement runs, as Java does.
   */
  private Value returnedValue(ReturnNode ret, List<Event> out, boolean throughFinally) {
    Value value = ret.getResult() == null ? new Value.Unknown() : value(ret.getResult());
    String returned = "$returned@" + ret.getUid();
    if (value instanceof Value.Test || (throughFinally && value instanceof Value.Variable)) {
      out.add(new Event.Assign(returned, value));
      return new Value.Variable(returned);
    }
    if (value instanceof Value.Null || value instanceof Value.Truth) {
      return new Value.Unknown();
    }
    return value;
  }

  private void lowerCall(MethodInvocationNode call, List<Event> out) {
    MethodSymbol callee = (MethodSymbol) call.getTarget().getMethod();
    String calleeName = callee.getSimpleName().toString();
    MethodContract contract = contracts.contractOf(callee);
    if (contract.isEmpty()) {
      String receiver = variable(call.getTarget().getReceiver());
      if (receiver != null && !call.getTarget().isStatic()) {
        out.add(new Event.PageUse(receiver, "call of " + calleeName));
      }
      for (Node argument : call.getArguments()) {
        argumentSinks(argument, calleeName, out);
      }
      String result = resultTargets.get(call);
      if (result != null) {
        out.add(new Event.Assign(result, new Value.Unknown()));
      }
      return;
    }
    String page = pageOf(call, contract);
    String result = resultTargets.get(call);
    if (result == null) {
      result = valueVariables.get(call);
    }
    if (contract.looksUpLocked().isPresent()) {
      if (result != null) {
        out.add(new Event.LookUp(result, contract.looksUpLocked().get(), calleeName));
      }
    } else if (contract.operation().isPresent() || contract.returnsCodes()) {
      out.add(new Event.OperationCall(result, page, calleeName, contract));
    } else if (result != null) {
      out.add(new Event.Assign(result, new Value.Unknown()));
    }
    if (page != null) {
      for (PageVerb verb : contract.verbs()) {
        out.add(new Event.PageEffect(page, verb, calleeName));
      }
    }
  }

  /** The local variable holding the page a contract speaks of, or null. */
  private String pageOf(MethodInvocationNode call, MethodContract contract) {
    int index = contract.pageParameter();
    if (index == MethodContract.RECEIVER) {
      Node receiver = call.getTarget().getReceiver();
      if (receiver instanceof ImplicitThisNode || receiver instanceof ExplicitThisNode) {
        return MethodGraph.RECEIVER;
      }
      return call.getTarget().isStatic() ? null : variable(receiver);
    }
    List<Node> arguments = call.getArguments();
    return index < arguments.size() ? variable(arguments.get(index)) : null;
  }

  private static boolean isDiscarded(MethodInvocationNode call) {
    TreePath path = call.getTreePath();
    if (path == null || path.getParentPath() == null) {
      return false;
    }
    Tree parent = path.getParentPath().getLeaf();
    while (parent instanceof ParenthesizedTree && path.getParentPath() != null) {
      path = path.getParentPath();
      parent = path.getParentPath() == null ? parent : path.getParentPath().getLeaf();
    }
    return parent instanceof ExpressionStatementTree;
  }

  /** Every local read anywhere inside an argument of a call without contract is a sink. */
  private void argumentSinks(Node argument, String callee, List<Event> out) {
    Set<String> variables = new LinkedHashSet<>();
    String direct = variable(argument);
    if (direct != null) {
      variables.add(direct);
    }
    Tree tree = argument.getTree();
    if (tree != null) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
          Symbol symbol = ASTHelpers.getSymbol(identifier);
          if (symbol != null && isLocal(symbol)) {
            variables.add(name(symbol));
          }
          return null;
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
          return null;
        }

        @Override
        public Void visitClass(ClassTree classTree, Void unused) {
          return null;
        }
      }.scan(tree, null);
    }
    for (String variable : variables) {
      out.add(new Event.Sink(variable, SinkKind.ARGUMENT, callee));
    }
  }

  private void lowerAssignment(AssignmentNode assignment, List<Event> out) {
    Node target = assignment.getTarget();
    Node expression = strip(assignment.getExpression());
    if (target instanceof LocalVariableNode local) {
      String variable = name(local.getElement());
      if (expression instanceof MethodInvocationNode call
          && variable.equals(resultTargets.get(call))) {
        return; // the call wrote it
      }
      out.add(new Event.Assign(variable, value(expression)));
    } else if (target instanceof FieldAccessNode || target instanceof ArrayAccessNode) {
      String variable = variable(expression);
      if (variable != null) {
        out.add(new Event.Sink(variable, SinkKind.FIELD_STORE, source(target)));
      }
    }
  }

  // ---------------------------------------------------------------- values and conditions

  private Value value(Node node) {
    Node stripped = strip(node);
    Long constant = constant(stripped);
    if (constant != null) {
      return new Value.Constant(constant);
    }
    if (stripped instanceof NullLiteralNode) {
      return new Value.Null();
    }
    if (stripped.getTree() != null
        && ASTHelpers.constValue(stripped.getTree()) instanceof Boolean truth) {
      return new Value.Truth(truth);
    }
    String variable = variable(stripped);
    if (variable != null) {
      return new Value.Variable(variable);
    }
    Condition condition = condition(stripped);
    if (!(condition instanceof Condition.Unknown)) {
      return new Value.Test(condition, source(stripped));
    }
    return new Value.Unknown();
  }

  private Condition condition(Node node) {
    Node stripped = strip(node);
    if (stripped instanceof ConditionalNotNode not) {
      return condition(not.getOperand()).negate();
    }
    if (stripped instanceof ConditionalAndNode and) {
      return new Condition.And(condition(and.getLeftOperand()), condition(and.getRightOperand()));
    }
    if (stripped instanceof ConditionalOrNode or) {
      return new Condition.Or(condition(or.getLeftOperand()), condition(or.getRightOperand()));
    }
    if (stripped instanceof LocalVariableNode local) {
      return new Condition.Flag(name(local.getElement()), false);
    }
    if (stripped instanceof CaseNode caseNode) {
      return caseCondition(caseNode);
    }
    ComparisonOperator operator = comparison(stripped);
    if (operator == ComparisonOperator.EQUAL || operator == ComparisonOperator.NOT_EQUAL) {
      // `p == null`, `null == p`, `p != null`: a null test of a (page) variable.
      BinaryOperationNode binary = (BinaryOperationNode) stripped;
      Node left = strip(binary.getLeftOperand());
      Node right = strip(binary.getRightOperand());
      String tested =
          right instanceof NullLiteralNode
              ? variable(left)
              : left instanceof NullLiteralNode ? variable(right) : null;
      if (tested != null) {
        return new Condition.IsNull(tested, operator == ComparisonOperator.NOT_EQUAL);
      }
    }
    if (operator != null) {
      BinaryOperationNode binary = (BinaryOperationNode) stripped;
      String left = variable(binary.getLeftOperand());
      Long right = constant(strip(binary.getRightOperand()));
      if (left != null && right != null) {
        return new Condition.Comparison(left, operator, right);
      }
      String rightVariable = variable(binary.getRightOperand());
      Long leftConstant = constant(strip(binary.getLeftOperand()));
      if (rightVariable != null && leftConstant != null) {
        return new Condition.Comparison(rightVariable, operator.mirror(), leftConstant);
      }
    }
    return new Condition.Unknown();
  }

  private Condition caseCondition(CaseNode caseNode) {
    if (caseNode.getGuard() != null || caseNode.getCaseOperands().isEmpty()) {
      return new Condition.Unknown();
    }
    Node switched = strip(caseNode.getSwitchOperand().getExpression());
    String variable = variable(switched);
    if (variable == null) {
      variable = variable(caseNode.getSwitchOperand().getTarget());
    }
    Set<Long> constants = new HashSet<>();
    for (Node operand : caseNode.getCaseOperands()) {
      Long constant = constant(strip(operand));
      if (constant == null) {
        return new Condition.Unknown();
      }
      constants.add(constant);
    }
    return variable == null
        ? new Condition.Unknown()
        : new Condition.OneOf(variable, constants, false);
  }

  private static ComparisonOperator comparison(Node node) {
    if (node instanceof EqualToNode) {
      return ComparisonOperator.EQUAL;
    } else if (node instanceof NotEqualNode) {
      return ComparisonOperator.NOT_EQUAL;
    } else if (node instanceof LessThanNode) {
      return ComparisonOperator.LESS;
    } else if (node instanceof LessThanOrEqualNode) {
      return ComparisonOperator.LESS_OR_EQUAL;
    } else if (node instanceof GreaterThanNode) {
      return ComparisonOperator.GREATER;
    } else if (node instanceof GreaterThanOrEqualNode) {
      return ComparisonOperator.GREATER_OR_EQUAL;
    }
    return null;
  }

  private static boolean isArithmetic(Node node) {
    return node instanceof NumericalAdditionNode
        || node instanceof NumericalSubtractionNode
        || node instanceof NumericalMultiplicationNode
        || node instanceof IntegerDivisionNode
        || node instanceof IntegerRemainderNode
        || node instanceof NumericalMinusNode
        || node instanceof BitwiseAndNode
        || node instanceof BitwiseOrNode
        || node instanceof BitwiseXorNode
        || node instanceof BitwiseComplementNode
        || node instanceof LeftShiftNode
        || node instanceof SignedRightShiftNode
        || node instanceof UnsignedRightShiftNode;
  }

  /** The integral compile-time constant a node is, or null. */
  private static Long constant(Node node) {
    Tree tree = node.getTree();
    if (tree == null) {
      return null;
    }
    Object value = ASTHelpers.constValue(tree);
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Character character) {
      return (long) character;
    }
    return null;
  }

  /** The variable a node reads: a local, a parameter, or an invented expression variable. */
  private String variable(Node node) {
    Node stripped = strip(node);
    if (stripped instanceof LocalVariableNode local) {
      return name(local.getElement());
    }
    if (stripped instanceof ImplicitThisNode || stripped instanceof ExplicitThisNode) {
      return null;
    }
    return valueVariables.get(stripped);
  }

  private static Node strip(Node node) {
    Node current = node;
    while (true) {
      if (current instanceof TypeCastNode cast) {
        current = cast.getOperand();
      } else if (current instanceof WideningConversionNode widening) {
        current = widening.getOperand();
      } else if (current instanceof NarrowingConversionNode narrowing) {
        current = narrowing.getOperand();
      } else {
        return current;
      }
    }
  }

  private static boolean isLocal(Symbol symbol) {
    ElementKind kind = symbol.getKind();
    return kind == ElementKind.LOCAL_VARIABLE
        || kind == ElementKind.PARAMETER
        || kind == ElementKind.EXCEPTION_PARAMETER
        || kind == ElementKind.RESOURCE_VARIABLE
        || kind == ElementKind.BINDING_VARIABLE;
  }

  /** A name unique within the method for each variable element. */
  private String name(Element element) {
    String name = names.get(element);
    if (name == null) {
      String simple = element.getSimpleName().toString();
      name = simple;
      for (int i = 2; usedNames.contains(name); i++) {
        name = simple + "#" + i;
      }
      names.put(element, name);
      usedNames.add(name);
    }
    return name;
  }

  // ---------------------------------------------------------------- positions

  private Position position(Tree tree) {
    if (tree == null) {
      return position(method);
    }
    int start = ASTHelpers.getStartPosition(tree);
    int end = state.getEndPosition(tree);
    if (start < 0) {
      return new Position(0, 0, -1, -1);
    }
    return new Position(
        (int) lines.getLineNumber(start), (int) lines.getColumnNumber(start), start, end);
  }

  private Position endOfMethod() {
    int end = state.getEndPosition(method);
    if (end <= 0) {
      return position(method);
    }
    int brace = end - 1;
    return new Position(
        (int) lines.getLineNumber(brace), (int) lines.getColumnNumber(brace), brace, end);
  }

  private String source(Node node) {
    Tree tree = node.getTree();
    String text = tree == null ? null : state.getSourceForNode(tree);
    if (node instanceof CaseNode caseNode && tree != null) {
      List<String> labels = new ArrayList<>();
      for (Node operand : caseNode.getCaseOperands()) {
        String operandText =
            operand.getTree() == null ? null : state.getSourceForNode(operand.getTree());
        labels.add(operandText == null ? operand.toString() : operandText);
      }
      return "case " + String.join(", ", labels);
    }
    return text == null ? node.toString() : text;
  }
}
