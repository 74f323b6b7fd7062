package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.ErrorProneFlags;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The -XepOpt:Aop:... flags, parsed once into one immutable object. */
class AopConfigTest {
  @Test
  void noFlagsGiveTheDefaults() {
    assertSame(AopConfig.DEFAULT, AopConfig.from(ErrorProneFlags.empty()));
    assertEquals(512, AopConfig.DEFAULT.maxStatesPerPoint());
    assertEquals(List.of(), AopConfig.DEFAULT.stubs());
  }

  @Test
  void flagsAreParsed() {
    AopConfig config =
        AopConfig.from(
            ErrorProneFlags.fromMap(
                Map.of("Aop:MaxStatesPerPoint", "64", "Aop:Stubs", "a.astub, stubs/,b.astub")));
    assertEquals(64, config.maxStatesPerPoint());
    assertEquals(
        List.of(Path.of("a.astub"), Path.of("stubs/"), Path.of("b.astub")), config.stubs());
    assertEquals(64, config.analysisOptions().maxStatesPerPoint());
  }

  @Test
  void theSameFlagsAreParsedOnce() {
    ErrorProneFlags flags = ErrorProneFlags.fromMap(Map.of("Aop:MaxStatesPerPoint", "33"));
    assertSame(
        AopConfig.from(flags),
        AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:MaxStatesPerPoint", "33"))));
  }

  @Test
  void badValuesAreOneLineProblemsNamingTheFlag() {
    AopConfig notANumber =
        AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:MaxStatesPerPoint", "lots")));
    assertEquals(
        List.of("-XepOpt:Aop:MaxStatesPerPoint must be a positive integer, not 'lots'"),
        notANumber.problems());
    assertEquals(512, notANumber.maxStatesPerPoint());
    assertEquals(
        1,
        AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:MaxStatesPerPoint", "0")))
            .problems()
            .size());
    List<String> unknown =
        AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:Stub", "x.astub"))).problems();
    assertEquals(1, unknown.size());
    assertTrue(unknown.get(0).startsWith("unknown flag -XepOpt:Aop:Stub "), unknown.get(0));
  }

  /** A bad flag stops the build with one error, not a stack trace from inside the compiler. */
  @Test
  void badFlagIsOneCompileError() {
    Javac.Result result =
        Javac.compile(
            ErrorProneConventionsTest.apiAnd("Empty.java", "class Empty { int m() { return 0; } }"),
            Javac.allDataflowChecksAt("ERROR") + " -XepOpt:Aop:MaxStatesPerPoint=lots");
    assertFalse(result.success());
    assertEquals(
        List.of("aopcheck: -XepOpt:Aop:MaxStatesPerPoint must be a positive integer, not 'lots'"),
        result.messages(javax.tools.Diagnostic.Kind.ERROR),
        result.output());
  }

  @Test
  void otherChecksFlagsAreIgnored() {
    assertSame(
        AopConfig.DEFAULT,
        AopConfig.from(ErrorProneFlags.fromMap(Map.of("NullAway:AnnotatedPackages", "org"))));
  }

  @Test
  void codeConstantsIsAFlagOfTheOneConfiguration() {
    AopConfig config =
        AopConfig.from(
            ErrorProneFlags.fromMap(
                Map.of("Aop:CodeConstants", "org.example.fs.Codes, ,org.example.Other")));
    assertEquals(List.of(), config.problems());
    assertEquals(List.of("org.example.fs.Codes", "org.example.Other"), config.codeConstants());
    assertEquals(List.of(), AopConfig.DEFAULT.codeConstants());
    String unknown =
        AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:CodeConstant", "x.Y")))
            .problems()
            .get(0);
    assertTrue(unknown.contains("Aop:CodeConstants"), unknown);
  }

  /**
   * The flag AopLegacyName's message recommends is accepted by a build running every check, and
   * AopLegacyName reads it: with the class named, the finding no longer asks for the flag.
   */
  @Test
  void codeConstantsIsAcceptedWithEveryCheckOn() {
    Map<String, String> sources =
        ErrorProneConventionsTest.apiAnd(
            "codes/KernelCodes.java",
            """
            package codes;

            public final class KernelCodes {
              public static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;

              private KernelCodes() {}
            }
            """);
    sources.put(
        "test/Pageout.java",
        """
        package test;

        class Pageout {
          boolean activate(api.Ops ops, api.Pg page, api.Wbc wbc) {
            int ret = ops.writepage(page, wbc);
            if (ret == 0x80000) {
              page.unlock();
            }
            return ret == 0x80000;
          }
        }
        """);
    String everyCheck = Javac.allDataflowChecksAt("ERROR") + " -Xep:AopLegacyName:WARN";
    Javac.Result without = Javac.compile(sources, everyCheck);
    assertTrue(without.success(), without.output());
    assertTrue(
        without.messages(javax.tools.Diagnostic.Kind.WARNING).stream()
            .anyMatch(m -> m.contains("with -XepOpt:Aop:CodeConstants")),
        without.output());

    Javac.Result with =
        Javac.compile(sources, everyCheck + " -XepOpt:Aop:CodeConstants=codes.KernelCodes");
    assertTrue(with.success(), with.output());
    assertEquals(List.of(), with.messages(javax.tools.Diagnostic.Kind.ERROR), with.output());
    List<String> legacy =
        with.messages(javax.tools.Diagnostic.Kind.WARNING).stream()
            .filter(m -> m.contains("[AopLegacyName]"))
            .toList();
    assertFalse(legacy.isEmpty(), with.output());
    assertTrue(
        legacy.stream().noneMatch(m -> m.contains("-XepOpt:Aop:CodeConstants")), with.output());
  }
}
