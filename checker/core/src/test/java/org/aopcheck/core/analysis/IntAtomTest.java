package org.aopcheck.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.aopcheck.core.ir.ComparisonOperator;
import org.junit.jupiter.api.Test;

/** The int lattice: atoms partition the ints, and tests on atoms are sound for every value. */
class IntAtomTest {
  private static final List<Long> SAMPLES =
      List.of(
          (long) Integer.MIN_VALUE, -28L, -5L, -1L, 0L, 1L, 4096L, 0x7ffffL, 0x80000L, 0x80001L,
          0x80002L, (long) Integer.MAX_VALUE);

  private static final List<Long> CONSTANTS =
      List.of(-28L, -5L, -1L, 0L, 1L, 4096L, 0x80000L, 0x80001L, 0x80002L);

  @Test
  void everyValueBelongsToExactlyOneAtom() {
    for (long value : SAMPLES) {
      IntAtom atom = IntAtom.of(value);
      long holders =
          IntAtom.ALL.stream().filter(a -> a.mayEqualOneOf(Set.of(value))).count();
      assertEquals(1, holders, "value " + value);
      assertTrue(atom.mayEqualOneOf(Set.of(value)));
    }
  }

  @Test
  void comparisonsAreSoundForEveryValue() {
    for (long value : SAMPLES) {
      IntAtom atom = IntAtom.of(value);
      for (ComparisonOperator operator : ComparisonOperator.values()) {
        for (long constant : CONSTANTS) {
          boolean holds = operator.holds(value, constant);
          // Whatever the concrete value does, the atom must allow it.
          assertTrue(
              holds ? atom.mayHold(operator, constant) : atom.mayHold(operator.negate(), constant),
              value + " " + operator.symbol() + " " + constant + " in " + atom);
        }
      }
    }
  }

  @Test
  void testsOnTheCodesArePrecise() {
    assertEquals(false, IntAtom.TRUNCATED_PAGE.mayHold(ComparisonOperator.LESS, 0));
    assertEquals(true, IntAtom.TRUNCATED_PAGE.mayHold(ComparisonOperator.NOT_EQUAL, 0));
    assertEquals(false, IntAtom.OTHER_POSITIVE.mayHold(ComparisonOperator.EQUAL, 0x80001));
    assertEquals(false, IntAtom.NEGATIVE.mayHold(ComparisonOperator.GREATER_OR_EQUAL, 0));
    assertEquals(true, IntAtom.NEGATIVE.mayHold(ComparisonOperator.EQUAL, -28));
  }

  @Test
  void negateAndMirrorAreInvolutions() {
    for (ComparisonOperator operator : ComparisonOperator.values()) {
      assertEquals(operator, operator.negate().negate());
      assertEquals(operator, operator.mirror().mirror());
      for (long a : CONSTANTS) {
        for (long b : CONSTANTS) {
          assertEquals(!operator.holds(a, b), operator.negate().holds(a, b));
          assertEquals(operator.holds(a, b), operator.mirror().holds(b, a));
        }
      }
    }
  }
}
