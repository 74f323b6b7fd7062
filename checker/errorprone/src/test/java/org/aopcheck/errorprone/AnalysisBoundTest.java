package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The bound on the path-sensitive analysis ({@code -XepOpt:Aop:MaxStatesPerPoint}): straight-line
 * code stays far below it however many calls it makes, and a method that exceeds it anyway is never
 * silently clean.
 */
class AnalysisBoundTest {
  /**
   * Five calls in a row, each {@code page = cache.findLock(i); r = ops.prepareWrite(f, page, 0, 1);
   * if (r == AOP_TRUNCATED_PAGE) { page.release(); } else { page.unlock(); page.release(); }} in
   * its own variables, none retried.
   */
  private static final String FIVE_CALLS;

  static {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      body.append(
          """
              Pg page%1$d = cache.findLock(%1$d);
              int r%1$d = ops.prepareWrite(f, page%1$d, 0, 1);
              if (r%1$d == Codes.TRUNCATED) {
                page%1$d.release();
              } else {
                page%1$d.unlock();
                page%1$d.release();
              }
          """
              .formatted(i));
    }
    FIVE_CALLS =
        """
        import api.*;

        class B {
          void m(Ops ops, Cache cache, Object f) {
        %s  }
        }
        """
            .formatted(body);
  }

  private static Javac.Result compile(String flags) {
    return Javac.compile(
        ErrorProneConventionsTest.apiAnd("B.java", FIVE_CALLS),
        Javac.allDataflowChecksAt("WARN") + flags);
  }

  /** Each call's line: 6, 14, 22, 30, 38. */
  private static final List<Long> CALL_LINES = List.of(6L, 14L, 22L, 30L, 38L);

  @Test
  void fiveCallsInARowAreEachReportedWithTheDefaultBound() {
    Javac.Result result = compile("");
    assertTrue(result.success(), result.output());
    List<Long> unhandled =
        result.diagnostics().stream()
            .filter(d -> d.getMessage(null).startsWith("[AopTruncatedPageUnhandled]"))
            .map(Diagnostic::getLineNumber)
            .sorted()
            .toList();
    assertEquals(CALL_LINES, unhandled, result.output());
    assertEquals(
        5, result.diagnostics().size(), "no other finding, no abandonment: " + result.output());
  }

  /** With a bound too low for it, the method gets one note, a warning even with checks at ERROR. */
  @Test
  void anAbandonedMethodGetsOneNoteNamingMethodLineAndFlag() {
    Javac.Result result =
        Javac.compile(
            ErrorProneConventionsTest.apiAnd("B.java", FIVE_CALLS),
            Javac.allDataflowChecksAt("ERROR") + " -XepOpt:Aop:MaxStatesPerPoint=2");
    assertTrue(result.success(), "a note cannot fail the build: " + result.output());
    List<Diagnostic<?>> notes =
        result.diagnostics().stream()
            .filter(d -> d.getMessage(null).contains("aopcheck: analysis of"))
            .<Diagnostic<?>>map(d -> d)
            .toList();
    assertEquals(1, notes.size(), result.output());
    Diagnostic<?> note = notes.get(0);
    assertEquals(Diagnostic.Kind.WARNING, note.getKind());
    assertEquals(6, note.getLineNumber()); // the first call: its outcomes split the state
    assertTrue(
        note.getMessage(null)
            .contains(
                "aopcheck: analysis of B.m abandoned at line 6 (more than 2 states); findings in"
                    + " this method are incomplete; raise -XepOpt:Aop:MaxStatesPerPoint"),
        note.getMessage(null));
  }

  /** The bound is the flag: high enough, the same method is analysed to the end. */
  @Test
  void raisingTheFlagCompletesTheAnalysis() {
    Javac.Result result = compile(" -XepOpt:Aop:MaxStatesPerPoint=3");
    assertTrue(
        result.diagnostics().stream()
            .noneMatch(d -> d.getMessage(null).contains("aopcheck: analysis of")),
        result.output());
    assertEquals(5, result.messages(Diagnostic.Kind.WARNING).size(), result.output());
  }

  /**
   * The same five calls written in two variables, {@code page} and {@code r}, reused by every call:
   * the analysis also goes to the end with a bound of 3. (Each look-up into {@code page} counts as
   * the retry of the truncation before it, so only the last call is reported.)
   */
  @Test
  void fiveCallsInTheSameVariablesStaySmall() {
    Javac.Result result =
        Javac.compile(
            ErrorProneConventionsTest.apiAnd(
                "B.java",
                FIVE_CALLS
                    .replaceAll("Pg page\\d", "page")
                    .replaceAll("int r\\d", "r")
                    .replaceAll("page\\d", "page")
                    .replaceAll("r\\d", "r")
                    .replace(
                        "void m(Ops ops, Cache cache, Object f) {",
                        "void m(Ops ops, Cache cache, Object f) {\n    Pg page;\n    int r;")),
            Javac.allDataflowChecksAt("WARN") + " -XepOpt:Aop:MaxStatesPerPoint=3");
    assertTrue(result.success(), result.output());
    assertEquals(
        List.of("[AopTruncatedPageUnhandled]"),
        result.diagnostics().stream()
            .map(d -> d.getMessage(null).replaceAll("(?s)\\] .*", "]"))
            .toList(),
        result.output());
  }

  /** A method within the bound gets no note. */
  @Test
  void aCompleteAnalysisHasNoNote() {
    Map<String, String> sources =
        ErrorProneConventionsTest.apiAnd(
            "Writeback.java",
            """
            import api.*;

            class Writeback {
              int writeback(Ops ops, Pg page, Wbc wbc) {
                int ret = ops.writepage(page, wbc);
                if (ret == Codes.ACTIVATE) {
                  page.unlock();
                }
                return 0;
              }
            }
            """);
    Javac.Result result = Javac.compile(sources, Javac.allDataflowChecksAt("ERROR"));
    assertTrue(result.success(), result.output());
    assertEquals(List.of(), result.diagnostics().stream().map(d -> d.getMessage(null)).toList());
  }
}
