package org.aopcheck.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
  void badValuesNameTheFlag() {
    IllegalArgumentException notANumber =
        assertThrows(
            IllegalArgumentException.class,
            () -> AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:MaxStatesPerPoint", "lots"))));
    assertEquals(
        "-XepOpt:Aop:MaxStatesPerPoint must be a positive integer, not 'lots'",
        notANumber.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:MaxStatesPerPoint", "0"))));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> AopConfig.from(ErrorProneFlags.fromMap(Map.of("Aop:Stub", "x.astub"))));
    assertTrue(
        unknown.getMessage().startsWith("unknown flag -XepOpt:Aop:Stub "), unknown.getMessage());
  }

  @Test
  void otherChecksFlagsAreIgnored() {
    assertSame(
        AopConfig.DEFAULT,
        AopConfig.from(ErrorProneFlags.fromMap(Map.of("NullAway:AnnotatedPackages", "org"))));
  }
}
