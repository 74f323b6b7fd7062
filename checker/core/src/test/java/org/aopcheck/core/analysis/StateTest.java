package org.aopcheck.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.aopcheck.core.ir.Position;
import org.junit.jupiter.api.Test;

/** States are values: equal facts make equal states whatever path produced them. */
class StateTest {
  @Test
  void traceIsNotPartOfEquality() {
    State a = State.INITIAL.with("ret", new Fact.FlagFact(true)).step(Position.line(1), "one way");
    State b = State.INITIAL.step(Position.line(2), "another").with("ret", new Fact.FlagFact(true));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void differentFactsMakeDifferentStates() {
    State a = State.INITIAL.with("ret", new Fact.IntFact(Set.of(IntAtom.ZERO), null, null));
    State b = State.INITIAL.with("ret", new Fact.IntFact(Set.of(IntAtom.NEGATIVE), null, null));
    assertNotEquals(a, b);
  }

  @Test
  void statesAreImmutable() {
    State a = State.INITIAL.with("flag", new Fact.FlagFact(true));
    a.with("flag", new Fact.FlagFact(false));
    assertEquals(new Fact.FlagFact(true), a.fact("flag"));
    assertEquals(null, State.INITIAL.fact("flag"));
  }
}
