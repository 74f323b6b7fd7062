package org.aopcheck.errorprone;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.util.Context;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.tools.Diagnostic;
import org.aopcheck.core.analysis.AnalysisResult;
import org.aopcheck.core.analysis.PathAnalysis;
import org.aopcheck.core.contract.ContractSource;
import org.aopcheck.core.ir.MethodGraph;
import org.aopcheck.errorprone.contract.ContractReader;
import org.aopcheck.errorprone.contract.StubContractSource;
import org.aopcheck.errorprone.lowering.CfgLowering;
import org.aopcheck.stubs.StubFileException;

/**
 * The analysis of each method, run once per compilation however many checks report on it, and
 * isolated: an internal error while lowering or analysing becomes a {@link Failure} that one
 * checker reports as a warning, never an exception out of the compiler.
 *
 * <p>Error Prone runs every checker over a compilation unit in one pass, so results are kept only
 * for the current compilation unit. One instance lives in each javac {@link Context}.
 */
final class MethodAnalyses {
  /**
   * What analysing one method gave. A method may also get one note about the analysis itself (an
   * internal error, an analysis abandoned at its bound), reported by whichever checker claims it
   * first.
   */
  abstract static sealed class Outcome permits Analysed, Failure {
    private boolean noteReported;

    /** True the first time only: the caller is the one checker that reports the method's note. */
    boolean claimNote() {
      if (noteReported) {
        return false;
      }
      noteReported = true;
      return true;
    }
  }

  /**
   * The analysis ran: to its fixed point, or abandoned at its bound with the findings made so far
   * (see {@link AnalysisResult#abandoned()}).
   */
  static final class Analysed extends Outcome {
    private final AnalysisResult result;

    Analysed(AnalysisResult result) {
      this.result = result;
    }

    AnalysisResult result() {
      return result;
    }
  }

  /** An internal error. */
  static final class Failure extends Outcome {
    private final Throwable error;

    Failure(Throwable error) {
      this.error = error;
    }

    Throwable error() {
      return error;
    }
  }

  /** How many methods were analysed in this JVM, for the test that each is analysed once. */
  static final AtomicLong ANALYSES = new AtomicLong();

  /**
   * How many methods in this JVM skipped the analysis because {@link ProtocolFreeMethods} found
   * nothing in them that any rule could report on.
   */
  static final AtomicLong SKIPPED = new AtomicLong();

  /** The result of a method that nothing can be found in: complete, without findings. */
  private static AnalysisResult nothingFound(MethodTree method) {
    return new AnalysisResult(method.getName().toString(), List.of(), null, 0);
  }

  private final IdentityHashMap<MethodTree, Outcome> outcomes = new IdentityHashMap<>();
  private CompilationUnitTree unit;
  private ContractReader contracts;

  private MethodAnalyses() {}

  /** The instance of this compilation. */
  static MethodAnalyses instance(Context context) {
    MethodAnalyses instance = context.get(MethodAnalyses.class);
    if (instance == null) {
      instance = new MethodAnalyses();
      context.put(MethodAnalyses.class, instance);
    }
    return instance;
  }

  /** The outcome for {@code method}, whose path is {@code state.getPath()}. */
  Outcome analyse(MethodTree method, VisitorState state, AopConfig config) {
    CompilationUnitTree current = state.getPath().getCompilationUnit();
    if (current != unit) {
      unit = current;
      outcomes.clear();
    }
    Outcome outcome = outcomes.get(method);
    if (outcome == null) {
      outcome = run(method, state, config);
      outcomes.put(method, outcome);
    }
    return outcome;
  }

  /**
   * The stub files' contracts. A bad stub file is one compile error naming the file and line, once;
   * the compilation goes on without stubs so that every other message still shows.
   */
  private static ContractSource stubs(AopConfig config, Context context) {
    try {
      return StubContractSource.load(config.stubs());
    } catch (StubFileException e) {
      JavacProcessingEnvironment.instance(context)
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "aopcheck: bad stub file " + e.getMessage());
      return ContractSource.NONE;
    }
  }

  private Outcome run(MethodTree method, VisitorState state, AopConfig config) {
    try {
      if (contracts == null) {
        for (String problem : config.problems()) {
          JavacProcessingEnvironment.instance(state.context)
              .getMessager()
              .printMessage(Diagnostic.Kind.ERROR, "aopcheck: " + problem);
        }
        contracts =
            new ContractReader(state.getTypes(), state.getElements(), stubs(config, state.context));
      }
      if (method.getName().contentEquals(String.valueOf(config.injectFaultInMethod()))) {
        throw new IllegalStateException("fault injected by -XepOpt:Aop:InjectFaultInMethod");
      }
      if (ProtocolFreeMethods.isProtocolFree(method, contracts)) {
        SKIPPED.incrementAndGet();
        return new Analysed(nothingFound(method));
      }
      ANALYSES.incrementAndGet();
      MethodGraph graph = CfgLowering.lower(method, state, contracts);
      return new Analysed(PathAnalysis.analyze(graph, config.analysisOptions()));
    } catch (RuntimeException | StackOverflowError e) {
      return new Failure(e);
    }
  }
}
