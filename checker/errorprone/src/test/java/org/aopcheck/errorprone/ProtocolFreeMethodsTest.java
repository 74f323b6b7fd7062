package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The pre-scan ({@link ProtocolFreeMethods}): a method in which no rule can find anything skips the
 * analysis; a method with a contract call, a code constant or a contract of its own is analysed.
 */
class ProtocolFreeMethodsTest {
  /** How many methods one compilation analysed and skipped, less those of the inline API. */
  private record Counts(long analysed, long skipped) {}

  private static Counts counts(Map<String, String> sources, String flags) {
    long analysedBefore = MethodAnalyses.ANALYSES.get();
    long skippedBefore = MethodAnalyses.SKIPPED.get();
    Javac.compile(InlineApi.sources(), flags);
    long apiAnalysed = MethodAnalyses.ANALYSES.get() - analysedBefore;
    long apiSkipped = MethodAnalyses.SKIPPED.get() - skippedBefore;
    analysedBefore = MethodAnalyses.ANALYSES.get();
    skippedBefore = MethodAnalyses.SKIPPED.get();
    Javac.Result result = Javac.compile(sources, flags);
    assertTrue(result.output().isEmpty() || result.success(), result.output());
    return new Counts(
        MethodAnalyses.ANALYSES.get() - analysedBefore - apiAnalysed,
        MethodAnalyses.SKIPPED.get() - skippedBefore - apiSkipped);
  }

  @Test
  void methodsWithNothingOfTheProtocolAreSkipped() {
    Map<String, String> sources =
        ErrorProneConventionsTest.apiAnd(
            "Plain.java",
            """
            import api.*;
            import java.util.function.IntSupplier;

            class Plain {
              int add(int a, int b) {
                int sum = a + b;
                return sum > 0 ? sum : Codes.EIO;
              }

              String describe(Pg page) {
                return page.toString() + page.index;
              }

              // The lambda's body is not analysed with the method, so its call does not count.
              IntSupplier later(Ops ops, Object file, Pg page) {
                return () -> ops.readpage(file, page);
              }

              Runnable nested(Ops ops, Object file, Pg page) {
                return new Runnable() {
                  @Override
                  public void run() {
                    int unused = 0x80001;
                  }
                };
              }
            }
            """);
    // add, describe, later and nested, and the anonymous class' run, which has a code constant.
    assertEquals(new Counts(1, 4), counts(sources, Javac.allDataflowChecksAt("WARN")));
  }

  @Test
  void aContractCallACodeConstantOrAnOwnContractIsAnalysed() {
    Map<String, String> sources =
        ErrorProneConventionsTest.apiAnd(
            "Relevant.java",
            """
            import api.*;

            abstract class Relevant implements Ops {
              int calls(Ops ops, Object file, Pg page) {
                return ops.readpage(file, page);
              }

              int bareConstant() {
                return 0x80001;
              }

              int constantField() {
                return Codes.ACTIVATE;
              }

              @Override
              public int readpage(Object file, Pg page) {
                page.unlock();
                return 0x80001;
              }
            }
            """);
    assertEquals(new Counts(4, 0), counts(sources, Javac.allDataflowChecksAt("WARN")));
  }

  @Test
  void anImplementationReturningABareCodeIsStillFlagged() {
    Javac.Result result =
        Javac.compile(
            ErrorProneConventionsTest.apiAnd(
                "Fs.java",
                """
                import api.*;

                abstract class Fs implements Ops {
                  @Override
                  public int prepareWrite(Object file, Pg page, int from, int to) {
                    return 0x80000;
                  }

                  int noContract() {
                    return 0x80001;
                  }
                }
                """),
            " -Xep:AopUndeclaredCode:ERROR");
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), result.output());
    assertTrue(
        errors.get(0).contains("prepareWrite returns AOP_WRITEPAGE_ACTIVATE"), result.output());
  }
}
