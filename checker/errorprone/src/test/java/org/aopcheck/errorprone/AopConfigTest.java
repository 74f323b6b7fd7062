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
}
