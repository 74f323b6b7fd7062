package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The Error Prone conventions users rely on: {@code @SuppressWarnings("NAME")}, {@code
 * -Xep:NAME:LEVEL}, one shared analysis per method, and an internal error that never breaks the
 * compile.
 */
class ErrorProneConventionsTest {
  private static final String DOUBLE_UNLOCK =
      """
      import api.*;

      class Writeback {
        int writeback(Ops ops, Pg page, Wbc wbc) {
          int ret = ops.writepage(page, wbc);
          if (ret != 0) {
            page.unlock();
          }
          page.release();
          return 0;
        }
      }
      """;

  @Test
  void suppressWarningsOnTheMethodAndOnTheClass() {
    InlineApi.helper(AopDoubleUnlock.class, getClass())
        .addSourceLines(
            "Suppressed.java",
            """
            import api.*;

            class Suppressed {
              @SuppressWarnings("AopDoubleUnlock")
              int onMethod(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret != 0) {
                  page.unlock();
                }
                return 0;
              }

              int notSuppressed(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret != 0) {
                  // BUG: Diagnostic contains: AopDoubleUnlock
                  page.unlock();
                }
                return 0;
              }

              @SuppressWarnings("AopDoubleUnlock")
              static class OnClass {
                int inside(Ops ops, Pg page, Wbc wbc) {
                  int ret = ops.writepage(page, wbc);
                  if (ret != 0) {
                    page.unlock();
                  }
                  return 0;
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressingOneCheckLeavesTheOthers() {
    InlineApi.helper(AopWritepageActivateUnhandled.class, getClass())
        .addSourceLines(
            "Partly.java",
            """
            import api.*;

            class Partly {
              @SuppressWarnings("AopDoubleUnlock")
              int writeback(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret != 0) {
                  page.unlock();
                }
                // BUG: Diagnostic contains: AopWritepageActivateUnhandled
                return ret;
              }
            }
            """)
        .doTest();
  }

  @Test
  void severityFromTheCommandLine() {
    CompilationTestHelper off =
        InlineApi.helper(AopDoubleUnlock.class, getClass())
            .setArgs("-Xep:AopDoubleUnlock:OFF")
            .addSourceLines("Writeback.java", DOUBLE_UNLOCK);
    off.expectNoDiagnostics().doTest();

    Map<String, String> sources = apiAnd("Writeback.java", DOUBLE_UNLOCK);
    Javac.Result asError = Javac.compile(sources, "-Xep:AopDoubleUnlock:ERROR");
    assertFalse(asError.success());
    assertEquals(1, asError.messages(Diagnostic.Kind.ERROR).size(), asError.output());

    Javac.Result asWarning = Javac.compile(sources, "-Xep:AopDoubleUnlock:WARN");
    assertTrue(asWarning.success(), asWarning.output());
    assertTrue(
        asWarning.messages(Diagnostic.Kind.WARNING).stream()
            .anyMatch(m -> m.contains("[AopDoubleUnlock]")),
        asWarning.output());
  }

  /**
   * An internal error becomes one warning naming aopcheck, the check and the method, even with
   * every check at ERROR and however many checks run; the compile succeeds and other methods are
   * still checked.
   */
  @Test
  void internalErrorIsOneWarningAndTheCompileGoesOn() {
    Map<String, String> sources =
        apiAnd(
            "Faulty.java",
            """
            import api.*;

            class Faulty {
              int broken(Ops ops, Pg page, Wbc wbc) {
                return ops.writepage(page, wbc);
              }

              int fine(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret != 0) {
                  page.unlock();
                }
                page.release();
                return 0;
              }
            }
            """);
    Javac.Result result =
        Javac.compile(
            sources,
            Javac.allDataflowChecksAt("ERROR")
                + " -XepOpt:Aop:InjectFaultInMethod=broken -Xep:AopDoubleUnlock:WARN");
    assertTrue(result.success(), result.output());
    List<String> internal =
        result.diagnostics().stream()
            .map(d -> d.getKind() + " " + d.getMessage(null))
            .filter(m -> m.contains("aopcheck internal error"))
            .toList();
    assertEquals(1, internal.size(), result.output());
    assertTrue(internal.get(0).startsWith("WARNING"), internal.get(0));
    assertTrue(internal.get(0).contains("while analysing method broken"), internal.get(0));
    assertTrue(internal.get(0).matches("(?s).*in Aop[A-Za-z]+ .*"), internal.get(0));
    assertTrue(
        result.messages(Diagnostic.Kind.WARNING).stream()
            .anyMatch(m -> m.contains("[AopDoubleUnlock]")),
        "the other method is still checked: " + result.output());
  }

  @Test
  void eachMethodIsAnalysedOnceForAllChecks() {
    Map<String, String> sources =
        apiAnd(
            "Three.java",
            """
            import api.*;

            class Three {
              int one(Ops ops, Pg page, Wbc wbc) {
                return ops.writepage(page, wbc);
              }

              int two(Ops ops, Pg page, Object file) {
                return ops.readpage(file, page);
              }

              void three(Pg page) {
                page.release();
              }
            }
            """);
    // The API's own method bodies are analysed too: count them with the checks off.
    long before = MethodAnalyses.ANALYSES.get();
    Javac.compile(InlineApi.sources(), Javac.allDataflowChecksAt("WARN"));
    long apiMethods = MethodAnalyses.ANALYSES.get() - before;
    before = MethodAnalyses.ANALYSES.get();
    Javac.Result result = Javac.compile(sources, Javac.allDataflowChecksAt("WARN"));
    assertTrue(result.success(), result.output());
    assertEquals(apiMethods + 3, MethodAnalyses.ANALYSES.get() - before);
  }

  static Map<String, String> apiAnd(String path, String source) {
    Map<String, String> sources = new LinkedHashMap<>(InlineApi.sources());
    sources.put(path, source);
    return sources;
  }
}
